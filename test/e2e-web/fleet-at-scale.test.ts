// The fleet at a glance with 2,000 simulated vehicles (issue 15), in Debian's Chromium against the built headless
// agent started with `--sim-vehicles 2000`, signed in as a supervisor with a PIN: at 1440×900 at least 15 rows show,
// the page opens with its heading focused and `/` focuses the search; all 2,000 are listed, virtualized (End reaches
// the last one, only a screenful of rows exists), the page has few tab stops (one for the whole list), the keyboard
// moves, sorts and opens; a state filter agrees with the API; an immobilization sent from the vehicle page reaches
// Done with its timeline kept in view, and the row, the page and the API then say "Immobilized"; a horn goes from
// the row; a page opened after scrolling starts at its top.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VehicleDto } from '../../preload/contract/dto.js';
import { tempDir } from '../helpers/temp-dir.js';
import { requireBuild, type RunningAgent, startAgent } from './helpers/agent.js';
import { HAS_CHROMIUM, launch, pageErrors, screenshot } from './helpers/browser.js';

const FLEET_SIZE = 2000;
const SUPERVISOR = { name: 'Sam', role: 'supervisor', pin: '737373' } as const;
const REFERENCE = 'Van 01';

let dataDir: ReturnType<typeof tempDir>;
let agent: RunningAgent;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let van: VehicleDto;

const rows = () => page.getByTestId('vehicle-row');
const search = () => page.getByRole('textbox', { name: 'Search' });
const focused = () =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName ?? '',
      role: el?.getAttribute('role') ?? '',
      id: el?.getAttribute('data-vehicle-id') ?? '',
      text: el?.textContent ?? '',
    };
  });

/** Rows wholly inside the window. */
const rowsInView = () =>
  rows().evaluateAll(
    (els) =>
      els.filter((e) => {
        const box = e.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0;
      }).length,
  );

/** Elements Tab stops at: focusable, not taken out of the order, shown. */
const tabStops = () =>
  page.evaluate(
    () =>
      [
        ...document.querySelectorAll<HTMLElement>(
          'a[href], button, input, select, textarea, [tabindex], [contenteditable="true"]',
        ),
      ].filter(
        (e) =>
          e.tabIndex >= 0 &&
          !(e as HTMLButtonElement).disabled &&
          e.getClientRects().length > 0 &&
          getComputedStyle(e).visibility !== 'hidden',
      ).length,
  );

async function openFleet() {
  await page.getByRole('navigation', { name: 'Main' }).getByText('Fleet').click();
  await rows().first().waitFor();
}

describe.skipIf(!HAS_CHROMIUM)('the fleet at a glance with 2,000 vehicles, in a browser', () => {
  beforeAll(async () => {
    requireBuild();
    dataDir = tempDir('depot-remote-e2e-fleet-');
    [agent, browser] = await Promise.all([
      startAgent({ dataDir: dataDir.path, args: ['--sim-vehicles', String(FLEET_SIZE)] }),
      launch(),
    ]);
    const created = await agent.api('POST', '/api/v1/operators', SUPERVISOR);
    if (created.status !== 201) throw new Error(`operator: ${JSON.stringify(created)}`);
    const found = await agent.api<{ items: VehicleDto[] }>('GET', '/api/v1/vehicles?search=Van%2001');
    van = found.body.items.find((v) => v.label === REFERENCE)!;
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    (page as Page & { errors?: string[] }).errors = errors;
    // The machine token enrols this browser; the supervisor then signs in with the PIN.
    await page.goto(`${agent.url}/`);
    await page.getByLabel('API token').fill(agent.token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('session-menu').click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.getByRole('listbox', { name: 'Operator' }).getByRole('option', { name: /^Sam/ }).click();
    await page.getByLabel('PIN for Sam').fill(SUPERVISOR.pin);
    await page.getByLabel('PIN for Sam').press('Enter');
    await page.getByTestId('session-name').filter({ hasText: /^Sam$/ }).waitFor();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await agent?.stop();
    dataDir?.remove();
  });

  it('shows at least 15 rows at 1440×900, opens with the heading focused, and / focuses the search', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByText('History').click();
    await openFleet();
    expect(await rowsInView()).toBeGreaterThanOrEqual(15);
    expect(
      await rows()
        .first()
        .evaluate((e) => e.getBoundingClientRect().height),
    ).toBeLessThanOrEqual(44);
    expect(await focused()).toMatchObject({ tag: 'H1', text: 'Fleet' });
    await screenshot(page, 'fleet-01-at-a-glance');
    await page.keyboard.press('/');
    expect(await search().evaluate((e) => e === document.activeElement)).toBe(true);
    // Typed in a field, "/" is a character like any other.
    await page.keyboard.type('a/b');
    expect(await search().inputValue()).toBe('a/b');
    await search().fill('');
  });

  it('lists all 2,000 vehicles, virtualized: End reaches the last one, and the list is one tab stop', async () => {
    const grid = page.getByRole('grid', { name: 'Vehicles' });
    expect(await grid.getAttribute('aria-rowcount')).toBe(String(FLEET_SIZE + 1));
    expect(await page.getByText(`${FLEET_SIZE.toLocaleString('en')} vehicles`).count()).toBe(1);
    expect(await rows().count()).toBeLessThan(60);
    // One tab stop for the whole list, and a bounded number on the page (the capability icons are not stops).
    expect(await grid.locator('[role="row"][tabindex="0"]').count()).toBe(1);
    expect(await tabStops()).toBeLessThan(40);
    const last = await agent.api<{ items: VehicleDto[] }>(
      'GET',
      '/api/v1/vehicles?sort=label&order=desc&limit=1',
    );
    await rows().first().focus();
    await page.keyboard.press('End');
    await expect.poll(async () => (await focused()).id).toBe(last.body.items[0]!.id);
    const lastRow = page.locator(`[data-vehicle-id="${last.body.items[0]!.id}"]`);
    expect(await lastRow.getAttribute('aria-rowindex')).toBe(String(FLEET_SIZE + 1));
    expect(await lastRow.isVisible()).toBe(true);
    expect(await rows().count()).toBeLessThan(60);
    await screenshot(page, 'fleet-02-end');
    await page.keyboard.press('Home');
    await expect.poll(async () => (await focused()).text).toMatch(/^City 14/);
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-rowindex'))).toBe('3');
    // Still one tab stop: the row the keyboard is on.
    expect(await grid.locator('[role="row"][tabindex="0"]').count()).toBe(1);
  });

  it('sorts by a column from the keyboard, with aria-sort', async () => {
    const state = page.getByRole('columnheader', { name: /^State/ });
    expect(await state.getAttribute('aria-sort')).toBe('none');
    await state.getByRole('button').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => state.getAttribute('aria-sort')).toBe('ascending');
    expect(await page.getByRole('columnheader', { name: /^Vehicle/ }).getAttribute('aria-sort')).toBe('none');
    // The most pressing first: stolen vehicles lead.
    await expect
      .poll(() => rows().first().getByTestId('vehicle-readiness').getAttribute('data-code'))
      .toBe('stolen');
    await page.keyboard.press('Space');
    await expect.poll(() => state.getAttribute('aria-sort')).toBe('descending');
    expect(await rows().first().getByTestId('vehicle-readiness').getAttribute('data-code')).toBe('ready');
    await page
      .getByRole('columnheader', { name: /^Vehicle/ })
      .getByRole('button')
      .click();
    await expect.poll(() => page.getByTestId('vehicle-label').first().textContent()).toBe('City 14');
  });

  it('filters on a readiness, as many as the API counts', async () => {
    const api = await agent.api<{ total: number }>('GET', '/api/v1/vehicles?readiness=immobilized&limit=1');
    expect(api.body.total).toBeGreaterThan(0);
    const filter = page.getByRole('combobox', { name: 'State' });
    await filter.click();
    // "Immobilized" is offered twice: as a readiness ("Can it go now", first) and as a state.
    await page.getByRole('option', { name: 'Immobilized', exact: true }).first().click();
    await page.keyboard.press('Escape');
    await page.getByText(`${api.body.total} shown`).waitFor();
    const codes = await rows().evaluateAll((els) =>
      els.map((e) => e.querySelector('[data-testid="vehicle-readiness"]')?.getAttribute('data-code')),
    );
    // Only the rows in view (and a few around) exist: every one of them matches.
    expect(codes.length).toBe(Math.min(api.body.total, codes.length));
    expect(codes.length).toBeGreaterThan(0);
    expect(new Set(codes)).toEqual(new Set(['immobilized']));
    await screenshot(page, 'fleet-03-immobilized-filter');
    // Backspace in the field takes the last choice off.
    await filter.focus();
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByText(/\d+ shown/).count()).toBe(0);
  });

  it('an immobilization sent as a supervisor reaches Done in view; the row, the page and the API say Immobilized', async () => {
    await page.goto(`${agent.url}/#/vehicles/${van.id}/immobilization`);
    await page.getByRole('heading', { level: 2, name: 'Send a command' }).waitFor();
    await page.getByRole('textbox', { name: /Reason/ }).fill('Lease unpaid, file 2026-015');
    await page.getByRole('button', { name: /^Immobilize/ }).click();
    await page.getByTestId('confirm-danger').click();
    const timeline = page.getByTestId('sent-action');
    await timeline.getByTestId('action-timeline').and(page.locator('[data-phase="Done"]')).waitFor({
      timeout: 20_000,
    });
    // The live timeline was brought into view after sending (it sits below the form).
    expect(
      await timeline.evaluate((e) => {
        const box = e.getBoundingClientRect();
        return box.top < window.innerHeight && box.bottom > 0;
      }),
    ).toBe(true);
    await expect
      .poll(() => page.getByTestId('vehicle-readiness').getAttribute('data-code'), { timeout: 10_000 })
      .toBe('immobilized');
    expect(await page.getByTestId('vehicle-readiness').textContent()).toContain('Immobilized');
    const state = page.locator('li[data-testid="vehicle-state"][data-state="Immobilized"]');
    // From the Done, or from the status read after it (the simulator's own state): whichever is newer.
    expect(await state.textContent()).toMatch(/^Immobilizedfrom the (command that reached Done|simulator)/);
    await screenshot(page, 'fleet-04-immobilized-page');
    const api = await agent.api<VehicleDto>('GET', `/api/v1/vehicles/${van.id}`);
    expect(api.body.states).toContain('Immobilized');

    await openFleet();
    await search().fill(REFERENCE);
    await expect.poll(() => page.getByTestId('vehicle-label').allTextContents()).toEqual([REFERENCE]);
    const row = rows().first();
    expect(await row.getByTestId('vehicle-readiness').textContent()).toBe('Immobilized');
  });

  it('sends a horn from the row with the keyboard', async () => {
    const row = rows().first();
    await row.focus();
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toMatchObject({ tag: 'A', text: REFERENCE });
    // Right again, past the Now column's link if any, to the horn.
    for (let i = 0; i < 3 && (await focused()).tag !== 'BUTTON'; i += 1)
      await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      `Horn ${REFERENCE}`,
    );
    await page.keyboard.press('Enter');
    await page.getByTestId('quick-notice').getByText(`Horn sent to ${REFERENCE}`).waitFor();
    await row.getByRole('link', { name: 'Horn' }).waitFor();
    await page.keyboard.press('Escape');
    expect(await focused()).toMatchObject({ role: 'row', id: van.id });
    await screenshot(page, 'fleet-05-quick-horn');
  });

  it('Enter opens the vehicle at the top of its page with its name focused; every page opens at its top', async () => {
    await search().fill('');
    await rows().nth(5).focus();
    await page.keyboard.press('PageDown');
    const id = (await focused()).id;
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`#/vehicles/${id}$`));
    await expect.poll(async () => (await focused()).tag).toBe('H1');
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    // Scrolled down on one page, the next one opens at its top with its heading focused.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await page.getByRole('navigation', { name: 'Main' }).getByText('History').click();
    // The page's heading, not the menu's link of the same name (focused by the click itself, before the page
    // opened: under load the check below then ran before the page had scrolled to its top).
    await expect.poll(async () => await focused()).toMatchObject({ tag: 'H1', text: 'History' });
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
  });

  it('raised no page errors', () => {
    expect(pageErrors(page)).toEqual([]);
  });
});
