// Issue 17 in Debian's Chromium against the built headless agent: the interface in the technician's language.
// - The pseudo-locale (`?lang=pseudo`: every catalog message accented and bracketed) walks every screen and fails on
//   any visible text or accessible name that did not come from a catalog — the data a depot types or the fleet
//   reports (labels, VINs, brands, names), numbers and dates aside.
// - With the page's locale set to fr-FR (Playwright's `locale`: navigator.language and Accept-Language), a technician
//   signs in with their PIN, sends a doors lock that fails, and reads its explanation and next step in French, as
//   the French catalog words them; axe-core finds no critical or serious violation on any screen in French.
// - it-IT, de-DE and es-ES open in their language; screenshots of the main screens in French and Italian are saved
//   to .ci-out/screenshots for a person to look at.
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RemoteActionDto, VehicleDto } from '../../preload/contract/dto.js';
import type { GroupDto, ScheduleDto } from '../../preload/contract/routines.js';
import { LANGUAGE_NAMES } from '../../preload/contract/locales.js';
import { REMOTE_TYPES } from '../../preload/contract/vocabulary.js';
import { tempDir } from '../helpers/temp-dir.js';
import { startSink, type WebhookSink } from '../helpers/webhook-sink.js';
import { requireBuild, type RunningAgent, startAgent } from './helpers/agent.js';
import { axeViolations, describeBlocking } from './helpers/axe.js';
import { HAS_CHROMIUM, launch, pageErrors, screenshot } from './helpers/browser.js';

const TECHNICIAN = { name: 'Tess', role: 'technician', pin: '515151' } as const;
const SLOW = 15_000;

let dataDir: ReturnType<typeof tempDir>;
let agent: RunningAgent;
let browser: Browser;
let sink: WebhookSink;
let fleet: VehicleDto[] = [];
let callbackId = '';
let group: GroupDto;
let schedule: ScheduleDto;
let failedActionId = '';
let bulkId = '';

const catalog = (language: string, ns: string) =>
  JSON.parse(readFileSync(`resources/locales/${language}/${ns}.json`, 'utf8')) as Record<string, string>;

const vehicleId = (label: string) => {
  const found = fleet.find((v) => v.label === label);
  if (!found) throw new Error(`no vehicle "${label}" in the simulated fleet`);
  return found.id;
};

/** Every screen, by its address; `ready` names what shows once its data is there. */
function screens(): { name: string; hash: string; ready?: string }[] {
  const van = vehicleId('Van 01');
  return [
    { name: 'fleet', hash: '#/vehicles', ready: '[data-testid="vehicle-row"]' },
    { name: 'vehicle', hash: `#/vehicles/${van}` },
    ...[
      'doors',
      'horn',
      'lights',
      'state',
      'charging',
      'preconditioning',
      'navigation',
      'immobilization',
      'stolen',
    ].map((slug) => ({
      name: `vehicle form ${slug}`,
      hash: `#/vehicles/${van}/${slug}`,
      ready: '#send-title',
    })),
    { name: 'timeline', hash: `#/actions/${failedActionId}`, ready: '[data-testid="failure-explanation"]' },
    { name: 'history', hash: '#/history', ready: '[data-testid="history-row"]' },
    { name: 'callbacks', hash: '#/callbacks', ready: '[data-testid="callback-row"]' },
    { name: 'callback', hash: `#/callbacks/${callbackId}`, ready: '[data-testid="delivery-row"]' },
    { name: 'callback form', hash: '#/callbacks/new' },
    { name: 'deliveries', hash: '#/deliveries', ready: '[data-testid="delivery-row"]' },
    { name: 'quarantine', hash: '#/deliveries/quarantine', ready: '[data-testid="quarantine-total"]' },
    { name: 'settings', hash: '#/settings', ready: '#main h2' },
    { name: 'audit', hash: '#/audit', ready: '[data-testid="audit-row"]' },
    { name: 'groups', hash: '#/groups', ready: '[data-testid="group-row"]' },
    { name: 'bulk form', hash: `#/groups/${group.id}/send` },
    { name: 'bulks', hash: '#/bulks', ready: '[data-testid="bulk-row"]' },
    { name: 'bulk', hash: `#/bulks/${bulkId}`, ready: '[data-testid="bulk-item"]' },
    { name: 'schedules', hash: '#/schedules', ready: '[data-testid="schedule-row"]' },
    { name: 'schedule', hash: `#/schedules/${schedule.id}` },
    { name: 'schedule form', hash: '#/schedules/new' },
    { name: 'operators', hash: '#/operators', ready: '[data-testid="operator-row"]' },
    { name: 'tokens', hash: '#/tokens' },
    { name: 'policy', hash: '#/policy', ready: '[data-testid="policy-row"]' },
  ];
}

async function newPage(locale: string): Promise<{ context: BrowserContext; page: Page }> {
  // bypassCSP: the agent's Content-Security-Policy (script-src 'self') would refuse axe's injected script.
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale,
    bypassCSP: true,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(8000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  (page as Page & { errors?: string[] }).errors = errors;
  return { context, page };
}

/** Signs in with the machine token, whatever the language (the token field is the page's one password input). */
async function signInWithToken(page: Page, query = '') {
  await page.goto(`${agent.url}/${query}`);
  await page.locator('input[type="password"]').fill(agent.token);
  await page.locator('input[type="password"]').press('Enter');
  await page.getByTestId('session-menu').waitFor({ timeout: SLOW });
}

async function open(page: Page, query: string, screen: { hash: string; ready?: string }) {
  await page.goto(`${agent.url}/${query}${screen.hash}`);
  await page.locator('#main h1').first().waitFor({ timeout: SLOW });
  if (screen.ready) await page.locator(screen.ready).first().waitFor({ timeout: SLOW });
}

/**
 * The visible texts and accessible names of the page that are not pseudo-localised: a text passes when it holds a
 * bracket or an accented letter of the pseudo-locale, or when nothing is left of it once the allowed data (the
 * fleet's labels, VINs, brands and models, the names this test gave, dates) and digits and punctuation are removed.
 */
function leaks(page: Page, allowed: string[]): Promise<string[]> {
  return page.evaluate((allowedWords) => {
    const pseudo = /[[\]áƀçðéƒĝĥíĵķļɱñóþǫŕŝţúṽŵẋýžÁƁÇÐÉƑĜĤÍĴĶĻṀÑÓÞǪŔŜŢÚṼŴẊÝŽ]/;
    const sorted = [...allowedWords].sort((a, b) => b.length - a.length);
    const residue = (text: string) => {
      let rest = text;
      for (const word of sorted) rest = rest.split(word).join(' ');
      return rest.replace(/[\p{N}\p{P}\p{S}\s]/gu, '');
    };
    const visible = (el: Element | null) => {
      for (let e = el; e; e = e.parentElement) {
        const style = getComputedStyle(e);
        if (style.display === 'none' || style.visibility === 'hidden') return false;
      }
      return !!el && el.getClientRects().length > 0;
    };
    const bad = new Set<string>();
    const judge = (text: string, where: string) => {
      const trimmed = text.trim();
      if (!trimmed || pseudo.test(trimmed)) return;
      if (residue(trimmed)) bad.add(`${where}: ${trimmed}`);
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || ['SCRIPT', 'STYLE', 'NOSCRIPT', 'CODE', 'PRE'].includes(parent.tagName)) continue;
      if (parent.closest('code, pre, [data-raw], [data-data]')) continue;
      if (visible(parent)) judge(node.textContent ?? '', parent.tagName.toLowerCase());
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
      if (!visible(el)) continue;
      for (const attr of ['aria-label', 'title', 'placeholder']) {
        const value = el.getAttribute(attr);
        if (value) judge(value, `${el.tagName.toLowerCase()}[${attr}]`);
      }
    }
    for (const option of document.querySelectorAll('option')) judge(option.textContent ?? '', 'option');
    return [...bad];
  }, allowed);
}

/** What the pseudo-locale leaves as it is: the depot's and the fleet's data, and Intl's English date words. */
function allowedData(): string[] {
  const months = Array.from({ length: 12 }, (_, m) =>
    ['short', 'long'].map((month) =>
      new Intl.DateTimeFormat('en', { month: month as 'short' | 'long' }).format(new Date(2026, m, 1)),
    ),
  ).flat();
  const days = Array.from({ length: 7 }, (_, d) =>
    ['short', 'long'].map((weekday) =>
      new Intl.DateTimeFormat('en', { weekday: weekday as 'short' | 'long' }).format(
        new Date(2026, 0, 4 + d),
      ),
    ),
  ).flat();
  return [
    ...fleet.flatMap((v) => [v.label, v.vin, v.brand, v.model].filter((x): x is string => !!x)),
    'Depot Remote',
    TECHNICIAN.name,
    'Ada',
    'Depot systems',
    'depot',
    'Morning vans',
    'Lock at night',
    `${sink.url}/hook`,
    sink.url,
    ...Object.values(LANGUAGE_NAMES),
    ...months,
    ...days,
    'AM',
    'PM',
    'UTC',
    'GMT',
    'HTTP',
    'HMAC',
    'JSON',
    'TLS',
    'URL',
    'VIN',
    'PIN',
    'API',
    'ID',
  ];
}

describe.skipIf(!HAS_CHROMIUM)('the interface in the technician’s language', () => {
  beforeAll(async () => {
    requireBuild();
    dataDir = tempDir('depot-remote-e2e-languages-');
    sink = await startSink();
    [agent, browser] = await Promise.all([startAgent({ dataDir: dataDir.path }), launch()]);
    for (const member of [{ name: 'Ada', role: 'admin', pin: '424242' }, TECHNICIAN]) {
      const created = await agent.api('POST', '/api/v1/operators', member);
      if (created.status !== 201) throw new Error(`operator ${member.name}: ${JSON.stringify(created)}`);
    }
    fleet = (await agent.api<{ items: VehicleDto[] }>('GET', '/api/v1/vehicles?limit=500')).body.items;
    const callback = await agent.api<{ id: string }>('POST', '/api/v1/callbacks', {
      label: 'Depot systems',
      callback: { webhook: { target: `${sink.url}/hook`, name: 'depot' } },
      retryPolicy: { policy: 'Bounded', retryNumber: 3, retryDelay: 10 },
      remoteTypes: [...REMOTE_TYPES],
    });
    if (callback.status !== 201) throw new Error(`callback: ${JSON.stringify(callback)}`);
    callbackId = callback.body.id;
    await agent.api('POST', `/api/v1/callbacks/${callbackId}/test-notification`, {});
    // Pool 05's driver door is open: a lock fails with DoorsOpen, which the timeline explains.
    const lock = await agent.api<{ remoteActionId: string }>(
      'POST',
      `/api/v1/vehicles/${vehicleId('Pool 05')}/callbacks/${callbackId}/remotes`,
      { door: { state: 'Locked' } },
    );
    if (lock.status !== 202) throw new Error(`lock: ${JSON.stringify(lock)}`);
    failedActionId = lock.body.remoteActionId;
    for (let waited = 0; ; waited += 200) {
      const action = await agent.api<RemoteActionDto>('GET', `/api/v1/remotes/${failedActionId}`);
      if (action.body.phase === 'Done') break;
      if (waited > 30_000) throw new Error(`the lock did not end: ${JSON.stringify(action.body)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const made = await agent.api<GroupDto>('POST', '/api/v1/groups', {
      name: 'Morning vans',
      vehicleIds: ['Van 01', 'Van 03'].map(vehicleId),
    });
    if (made.status !== 201) throw new Error(`group: ${JSON.stringify(made)}`);
    group = made.body;
    const bulk = await agent.api<{ bulkId: string }>('POST', '/api/v1/bulk-remotes', {
      callbackId,
      groupId: group.id,
      remote: { horn: { state: 'Activated' } },
    });
    if (bulk.status !== 202) throw new Error(`bulk: ${JSON.stringify(bulk)}`);
    bulkId = bulk.body.bulkId;
    const planned = await agent.api<ScheduleDto>('POST', '/api/v1/schedules', {
      name: 'Lock at night',
      remote: { door: { state: 'Locked' } },
      groupId: group.id,
      rule: { days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'], time: '22:00' },
    });
    if (planned.status !== 201) throw new Error(`schedule: ${JSON.stringify(planned)}`);
    schedule = planned.body;
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await agent?.stop();
    await sink?.close();
    dataDir?.remove();
  });

  it('in the pseudo-locale, every text on every screen comes from a catalog', async () => {
    const { context, page } = await newPage('en-US');
    await signInWithToken(page, '?lang=pseudo');
    const found: string[] = [];
    // The backups' file names are data too (the agent takes its first scheduled one at start).
    type Backups = { backups: { name: string }[]; running: boolean };
    let backups = await agent.api<Backups>('GET', '/api/v1/backups');
    for (let i = 0; i < 50 && (backups.body.running || backups.body.backups.length === 0); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      backups = await agent.api<Backups>('GET', '/api/v1/backups');
    }
    const allowed = [...allowedData(), ...backups.body.backups.map((b) => b.name)];
    for (const screen of screens()) {
      await open(page, '?lang=pseudo', screen);
      for (const leak of await leaks(page, allowed)) found.push(`${screen.name} — ${leak}`);
    }
    expect(found).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 240_000);

  it('in French: a technician signs in, sends a command that fails and reads why in French; axe passes everywhere', async () => {
    const { context, page } = await newPage('fr-FR');
    await page.goto(`${agent.url}/`);
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('fr');
    // The machine token first (this browser is then enrolled for PINs), then the technician from the picker.
    await signInWithToken(page);
    await page.getByTestId('session-menu').click();
    await page.getByRole('menuitem').last().click();
    await page
      .getByRole('listbox')
      .getByRole('option', { name: new RegExp(`^${TECHNICIAN.name}`) })
      .click();
    await page.locator('input[type="password"]').fill(TECHNICIAN.pin);
    await page.locator('input[type="password"]').press('Enter');
    await expect.poll(() => page.getByTestId('session-name').textContent()).toBe(TECHNICIAN.name);

    // Pool 05 (its driver door open): a lock sent from the doors form fails; the timeline says why, in French.
    await open(page, '', { hash: `#/vehicles/${vehicleId('Pool 05')}/doors`, ready: '#send-title' });
    await page.locator('#main form button[type="submit"]').first().click();
    const explanation = page.getByTestId('sent-action').getByTestId('failure-explanation');
    await explanation.waitFor({ timeout: 30_000 });
    const text = (await explanation.textContent()) ?? '';
    const french = Object.values(catalog('fr', 'explain'));
    expect(french.some((message) => message.length > 20 && text.includes(message.slice(0, 20)))).toBe(true);
    const english = Object.values(catalog('en', 'explain'));
    expect(english.some((message) => message.length > 20 && text.includes(message.slice(0, 20)))).toBe(false);

    const blocking: string[] = [];
    // As a technician the admin's pages say they are an admin's (a heading and a note): checked as they are.
    const adminOnly = ['operators', 'tokens', 'policy'];
    for (const screen of screens()) {
      await open(page, '', adminOnly.includes(screen.name) ? { hash: screen.hash } : screen);
      blocking.push(...describeBlocking(`fr ${screen.name}`, await axeViolations(page)));
      if (
        [
          'fleet',
          'vehicle form doors',
          'timeline',
          'history',
          'callbacks',
          'deliveries',
          'settings',
          'audit',
        ].includes(screen.name)
      ) {
        await screenshot(page, `fr-${screen.name.replaceAll(' ', '-')}`);
      }
    }
    expect(blocking).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 300_000);

  for (const [locale, language] of [
    ['it-IT', 'it'],
    ['de-DE', 'de'],
    ['es-ES', 'es'],
  ] as const) {
    it(`${locale}: the interface opens in ${LANGUAGE_NAMES[language]}`, async () => {
      const { context, page } = await newPage(locale);
      await signInWithToken(page);
      const nav = catalog(language, 'common');
      for (const screen of screens().filter((s) =>
        ['fleet', 'timeline', 'callbacks', 'settings', 'audit'].includes(s.name),
      )) {
        await open(page, '', screen);
        await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
        expect(await page.locator('nav').first().textContent()).toContain(nav['nav.fleet']);
        if (language === 'it') await screenshot(page, `it-${screen.name.replaceAll(' ', '-')}`);
      }
      expect(pageErrors(page)).toEqual([]);
      await context.close();
    }, 120_000);
  }
});
