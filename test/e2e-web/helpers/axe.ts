// axe-core run inside the page the tests drive (Debian's Chromium): its source is injected as a script tag, then
// axe.run checks the document against WCAG 2.0/2.1 A and AA, and axe's best practices (a page's one main landmark,
// content inside landmarks, table headers with a name). A screen passes with no critical and no serious violation;
// the failure lists each one with the selectors of the elements it found, so the fix can start there. The page's
// context needs `bypassCSP: true`: the agent's Content-Security-Policy (script-src 'self') refuses inline scripts.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, ImpactValue, NodeResult, Result } from 'axe-core';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const BLOCKING: ImpactValue[] = ['critical', 'serious'];

/** A rule broken on one screen: its id, impact and the selectors of the elements that break it. */
export interface Violation {
  rule: string;
  impact: ImpactValue | null;
  help: string;
  targets: string[];
}

/** For a contrast failure, the colours axe measured: " (#868e96 on #ffffff, 3.32:1)". */
function contrastOf(node: NodeResult): string {
  const data = node.any.find((c) => c.id === 'color-contrast')?.data as
    { fgColor?: string; bgColor?: string; contrastRatio?: number } | undefined;
  return data?.fgColor && data.bgColor
    ? ` (${data.fgColor} on ${data.bgColor}, ${data.contrastRatio ?? '?'}:1)`
    : '';
}

async function settle(page: Page) {
  // Transitions still running (a dialog fading in) paint colours half-way: axe would measure those.
  await page.evaluate(() =>
    Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))),
  );
}

/** Every WCAG 2.1 A/AA and best-practice violation on the page as it is now, whatever its impact. */
export async function axeViolations(page: Page): Promise<Violation[]> {
  await settle(page);
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const results = await page.evaluate(
    (tags) =>
      (window as unknown as { axe: { run(o: object): Promise<AxeResults> } }).axe.run({
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      }),
    TAGS,
  );
  return results.violations.map((v: Result) => ({
    rule: v.id,
    impact: v.impact ?? null,
    help: v.help,
    targets: v.nodes.map((n) => `${n.target.map(String).join(' ')}${contrastOf(n)}`),
  }));
}

/** The critical and serious ones, one line each: "screen: rule (impact, n) help — selectors". */
export function describeBlocking(screen: string, violations: Violation[]): string[] {
  return violations
    .filter((v) => v.impact !== null && BLOCKING.includes(v.impact))
    .map(
      (v) =>
        `${screen}: ${v.rule} (${v.impact}, ${v.targets.length}) ${v.help} — ${v.targets.slice(0, 12).join(', ')}${
          v.targets.length > 12 ? ', …' : ''
        }`,
    );
}

/**
 * Fails when the page has a critical or serious violation, listing each with its target selectors; answers the
 * lesser ones (moderate, minor) for the caller to report.
 */
export async function expectAccessible(page: Page, screen: string): Promise<Violation[]> {
  const violations = await axeViolations(page);
  const blocking = describeBlocking(screen, violations);
  if (blocking.length > 0)
    throw new Error(
      `${blocking.length} critical or serious accessibility violation(s):\n${blocking.join('\n')}`,
    );
  return violations;
}
