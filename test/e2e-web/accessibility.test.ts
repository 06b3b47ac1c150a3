// Every screen checked by axe-core (WCAG 2.1 A and AA) in Debian's Chromium against the built headless agent and its
// fleet simulator, as an admin and as a technician: the sign-in, the fleet, the vehicle page with each remote form
// (and its errors), a command's timeline, the history, callbacks (the form with its errors), deliveries, quarantine,
// settings, audit, operators, tokens, policy, groups, bulk preview and page, schedules and their form, and the
// dialogs (the immobilization and stolen confirmations, a supervisor's approval, delete confirmations). No screen
// may have a critical or serious violation. The keyboard is checked on the way: each page opened puts the focus on
// its heading; a dialog starts on its safe button, Escape closes it and gives the focus back to its opener, and its
// confirm button works with Enter and Space; a refused callback form moves the focus to its error summary, in view;
// a created callback is said in a status toast. Every violation found, the lesser ones (moderate, minor) included,
// is written to .ci-out/axe-violations.json for a person to read.
// Past 300 lines: one walk through every screen for two roles, which only makes sense read in order.
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VehicleDto } from '../../preload/contract/dto.js';
import type { GroupDto, ScheduleDto } from '../../preload/contract/routines.js';
import { REMOTE_TYPES } from '../../preload/contract/vocabulary.js';
import { tempDir } from '../helpers/temp-dir.js';
import { startSink, type WebhookSink } from '../helpers/webhook-sink.js';
import { requireBuild, type RunningAgent, startAgent } from './helpers/agent.js';
import { axeViolations, describeBlocking, type Violation } from './helpers/axe.js';
import { HAS_CHROMIUM, launch, pageErrors } from './helpers/browser.js';

const TEAM = [
  { name: 'Ada', role: 'admin', pin: '424242' },
  { name: 'Sam', role: 'supervisor', pin: '737373' },
  { name: 'Tess', role: 'technician', pin: '515151' },
] as const;
const FEATURE_SLUGS = [
  'doors',
  'horn',
  'lights',
  'state',
  'charging',
  'preconditioning',
  'navigation',
  'immobilization',
  'stolen',
];
const SITE_CALLBACK = 'Depot systems';
const GROUP_NAME = 'Morning vans';
const SCHEDULE_NAME = 'Lock at night';
const CANCEL = { tag: 'BUTTON', text: 'Cancel' };
const KEEP_IT = { tag: 'BUTTON', text: 'Keep it' };
// A wait that holds on a loaded 2-core machine with other runs going.
const SLOW = 15_000;

let dataDir: ReturnType<typeof tempDir>;
let agent: RunningAgent;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let sink: WebhookSink;
let fleet: VehicleDto[] = [];
let siteCallbackId = '';
let group: GroupDto;
let schedule: ScheduleDto;
let bulkId = '';
/** Every violation found, whatever its impact, by screen: written out for a person to read. */
const found: (Violation & { screen: string })[] = [];

const vehicleId = (label: string) => {
  const found = fleet.find((v) => v.label === label);
  if (!found) throw new Error(`no vehicle "${label}" in the simulated fleet`);
  return found.id;
};

/** Checks the page as it is now: any critical or serious violation fails this test (the others go on). */
async function check(screen: string) {
  const violations = await axeViolations(page);
  expect.soft(describeBlocking(screen, violations), `axe on ${screen}`).toEqual([]);
  for (const v of violations) found.push({ screen, ...v });
}

const focused = () =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el ? { tag: el.tagName, text: (el.textContent ?? '').trim() } : null;
  });

/**
 * Opens a page by its address and waits for it (its one h1, then `ready`); unless it stays the same page (another
 * form of one vehicle), the focus must be on that heading.
 */
async function visit(hash: string, ready?: Locator, options: { samePage?: boolean } = {}) {
  await page.goto(`${agent.url}/${hash}`);
  const heading = page.locator('#main h1');
  await heading.first().waitFor({ timeout: SLOW });
  if (ready) await ready.first().waitFor({ timeout: SLOW });
  if (!options.samePage)
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.tagName), { timeout: SLOW })
      .toBe('H1');
}

async function signInAs(name: string) {
  const member = TEAM.find((m) => m.name === name)!;
  await page
    .getByRole('listbox', { name: 'Operator' })
    .getByRole('option', { name: new RegExp(`^${name}`) })
    .click();
  await page.getByLabel(`PIN for ${name}`).fill(member.pin);
  await page.getByLabel(`PIN for ${name}`).press('Enter');
  await expect.poll(() => page.getByTestId('session-name').textContent()).toBe(name);
}

async function signOut() {
  await page.getByTestId('session-menu').click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.getByRole('listbox', { name: 'Operator' }).waitFor();
}

/**
 * A dialog opened from the keyboard (`opener` focused, then Enter): checked, the focus first where `initial` says (its
 * safe button, or its first field), Escape closes it and gives the focus back to the opener.
 */
async function dialogRoundTrip(
  screen: string,
  opener: Locator,
  initial: { tag: string; text?: string | RegExp },
) {
  await opener.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await expect.poll(focused).toMatchObject(initial);
  expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  await check(screen);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  await expect.poll(() => opener.evaluate((el) => el === document.activeElement)).toBe(true);
}

/** The screens every role opens, each checked. */
async function walkCommonScreens(role: string) {
  await visit('#/vehicles', page.getByTestId('vehicle-row'));
  await check(`${role} fleet`);
  const van = vehicleId('Van 01');
  await visit(`#/vehicles/${van}`, page.getByRole('heading', { level: 2, name: 'Send a command' }));
  await check(`${role} vehicle page`);
  for (const slug of FEATURE_SLUGS) {
    await visit(`#/vehicles/${van}/${slug}`, page.locator('#send-title'), { samePage: true });
    await check(`${role} vehicle form ${slug}`);
  }
  await visit('#/history', page.getByTestId('history-row'));
  await check(`${role} history`);
  await visit('#/callbacks', page.getByTestId('callback-row'));
  await check(`${role} callbacks`);
  await visit(`#/callbacks/${siteCallbackId}`, page.getByTestId('delivery-row'));
  await check(`${role} callback page`);
  await visit('#/deliveries', page.getByTestId('delivery-row'));
  await check(`${role} deliveries`);
  await visit('#/deliveries/quarantine', page.getByTestId('quarantine-total'));
  await check(`${role} quarantine`);
  await visit('#/settings', page.getByRole('heading', { level: 2 }));
  await check(`${role} settings`);
  await visit('#/audit', page.getByTestId('audit-row'));
  await check(`${role} audit`);
  await visit('#/groups', page.getByTestId('group-row'));
  await check(`${role} groups`);
  await visit('#/bulks', page.getByTestId('bulk-row'));
  await check(`${role} bulk list`);
  await visit(`#/bulks/${bulkId}`, page.getByTestId('bulk-item'));
  await check(`${role} bulk page`);
  await visit('#/schedules', page.getByTestId('schedule-row'));
  await check(`${role} schedules`);
  await visit(`#/schedules/${schedule.id}`, page.getByRole('textbox', { name: 'Name' }));
  await check(`${role} schedule`);
  await visit('#/schedules/new', page.getByRole('textbox', { name: 'Name' }));
  await check(`${role} schedule form`);
}

describe.skipIf(!HAS_CHROMIUM)('every screen passes axe-core and works from the keyboard', () => {
  beforeAll(async () => {
    requireBuild();
    dataDir = tempDir('depot-remote-e2e-a11y-');
    sink = await startSink();
    [agent, browser] = await Promise.all([startAgent({ dataDir: dataDir.path }), launch()]);
    for (const member of TEAM) {
      const created = await agent.api('POST', '/api/v1/operators', member);
      if (created.status !== 201) throw new Error(`operator ${member.name}: ${JSON.stringify(created)}`);
    }
    fleet = (await agent.api<{ items: VehicleDto[] }>('GET', '/api/v1/vehicles?limit=500')).body.items;
    const callback = await agent.api<{ id: string }>('POST', '/api/v1/callbacks', {
      label: SITE_CALLBACK,
      callback: { webhook: { target: `${sink.url}/hook`, name: 'depot' } },
      retryPolicy: { policy: 'Bounded', retryNumber: 3, retryDelay: 10 },
      remoteTypes: [...REMOTE_TYPES],
    });
    if (callback.status !== 201) throw new Error(`callback: ${JSON.stringify(callback)}`);
    siteCallbackId = callback.body.id;
    // A delivery for the deliveries screens to list.
    await agent.api('POST', `/api/v1/callbacks/${siteCallbackId}/test-notification`, {});
    const made = await agent.api<GroupDto>('POST', '/api/v1/groups', {
      name: GROUP_NAME,
      vehicleIds: ['Van 01', 'Van 03', 'Loaner 09'].map(vehicleId),
    });
    if (made.status !== 201) throw new Error(`group: ${JSON.stringify(made)}`);
    group = made.body;
    const planned = await agent.api<ScheduleDto>('POST', '/api/v1/schedules', {
      name: SCHEDULE_NAME,
      remote: { door: { state: 'Locked' } },
      groupId: group.id,
      rule: { days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'], time: '22:00' },
    });
    if (planned.status !== 201) throw new Error(`schedule: ${JSON.stringify(planned)}`);
    schedule = planned.body;
    // The agent's Content-Security-Policy (script-src 'self') would refuse axe's injected script.
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
    page = await context.newPage();
    page.setDefaultTimeout(8000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    (page as Page & { errors?: string[] }).errors = errors;
  }, 60_000);

  afterAll(async () => {
    mkdirSync('.ci-out', { recursive: true });
    writeFileSync('.ci-out/axe-violations.json', `${JSON.stringify(found, null, 2)}\n`);
    await browser?.close();
    await agent?.stop();
    await sink?.close();
    dataDir?.remove();
  });

  it('the sign-in: the token form, its refusal, and the operator picker', async () => {
    await page.goto(`${agent.url}/`);
    await page.getByLabel('API token').waitFor();
    await check('sign-in with the token');
    await page.getByLabel('API token').fill('not-the-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('input[data-invalid="true"]').waitFor();
    await check('sign-in with the token, refused');
    await page.getByLabel('API token').fill(agent.token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('session-menu').waitFor();
    await signOut();
    await check('sign-in: operator picker');
    await page.getByRole('listbox', { name: 'Operator' }).getByRole('option', { name: /^Ada/ }).click();
    await page.getByLabel('PIN for Ada').fill('000000');
    await page.getByLabel('PIN for Ada').press('Enter');
    await page.getByText(/Wrong PIN/).waitFor();
    await check('sign-in: wrong PIN');
    await page.getByLabel('PIN for Ada').fill(TEAM[0].pin);
    await page.getByLabel('PIN for Ada').press('Enter');
    await expect.poll(() => page.getByTestId('session-name').textContent()).toBe('Ada');
  }, 60_000);

  it('the check finds what it is for: a planted unreadable text and a nameless button fail it', async () => {
    await page.evaluate(() => {
      const planted = document.createElement('div');
      planted.id = 'planted';
      planted.innerHTML =
        '<p style="color:#aaaaaa;background:#ffffff">Faint</p><button type="button"></button>';
      document.getElementById('main')!.append(planted);
    });
    const blocking = describeBlocking('planted', await axeViolations(page));
    await page.evaluate(() => document.getElementById('planted')!.remove());
    expect(blocking).toEqual([
      expect.stringMatching(/^planted: button-name \(critical, 1\).*#planted > button/),
      expect.stringMatching(
        /^planted: color-contrast \(serious, 1\).*#planted > p \(#aaaaaa on #ffffff, 2\.32:1\)/,
      ),
    ]);
  });

  describe('as an admin', () => {
    it('a callback form refused puts the focus on its error summary, in view; created, a toast says so', async () => {
      await visit('#/callbacks/new', page.getByRole('button', { name: 'Create callback' }));
      await check('admin callback form');
      await page.getByRole('button', { name: 'Create callback' }).click();
      const summary = page.getByTestId('error-summary');
      await summary.waitFor();
      await expect.poll(() => summary.evaluate((el) => el.contains(document.activeElement))).toBe(true);
      const inView = await summary.evaluate((el) => {
        const box = el.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= window.innerHeight;
      });
      expect(inView).toBe(true);
      await check('admin callback form with errors');

      await page.getByRole('textbox', { name: /^Name/ }).fill('erp');
      await page.getByRole('textbox', { name: /^Label/ }).fill('Parts desk');
      await page.getByRole('textbox', { name: /^Target URL/ }).fill(`${sink.url}/parts`);
      await page.getByRole('button', { name: 'Create callback' }).click();
      const toast = page.getByRole('status').filter({ hasText: 'Callback “Parts desk” created.' });
      await toast.waitFor({ timeout: SLOW });
      await page.locator('#main h1', { hasText: 'Parts desk' }).waitFor();
      await check('admin callback created, with its toast');
    }, 60_000);

    it('the delete confirmation of a callback: Cancel focused, Escape closes back to Delete', async () => {
      await visit(`#/callbacks/${siteCallbackId}`, page.getByTestId('delivery-row'));
      await dialogRoundTrip(
        'admin callback delete confirmation',
        page.getByRole('button', { name: 'Delete', exact: true }),
        CANCEL,
      );
    }, 60_000);

    it('the immobilization confirmation: Cancel has the focus, Escape closes, Tab then Enter confirms', async () => {
      await visit(`#/vehicles/${vehicleId('Van 03')}/immobilization`, page.locator('#send-title'));
      const send = page.getByRole('button', { name: /^Immobilize/ });
      await send.click();
      await page
        .getByText(/Give the reason/)
        .first()
        .waitFor();
      await check('admin immobilization form with errors');
      await page.getByRole('textbox', { name: /^Reason/ }).fill('Lease unpaid, file 2024-118');
      await dialogRoundTrip('admin immobilization confirmation', send, CANCEL);
      await send.focus();
      await page.keyboard.press('Enter');
      await expect.poll(focused).toMatchObject({ text: 'Cancel' });
      await page.keyboard.press('Tab');
      await expect.poll(focused).toMatchObject({ text: /^Immobilize/ });
      await page.keyboard.press('Enter');
      await page.getByRole('dialog').waitFor({ state: 'hidden' });
      await page.getByTestId('sent-action').waitFor();
    }, 60_000);

    it('the stolen confirmation: the confirm button works with Space', async () => {
      await visit(`#/vehicles/${vehicleId('Van 11')}/stolen`, page.locator('#send-title'));
      await page.getByRole('textbox', { name: /^Reason/ }).fill('Police report 2024-119');
      const send = page.getByRole('button', { name: 'Send to the vehicle…' });
      await dialogRoundTrip('admin stolen confirmation', send, CANCEL);
      await send.focus();
      await page.keyboard.press('Enter');
      await expect.poll(focused).toMatchObject({ text: 'Cancel' });
      await page.keyboard.press('Tab');
      const confirm = (await page.getByTestId('confirm-danger').textContent())!.trim();
      await expect.poll(focused).toMatchObject({ tag: 'BUTTON', text: confirm });
      await page.keyboard.press('Space');
      await page.getByRole('dialog').waitFor({ state: 'hidden' });
      await page.getByTestId('sent-action').waitFor();
    }, 60_000);

    it('a horn sent: its timeline beside the form and on its own page', async () => {
      await visit(`#/vehicles/${vehicleId('Van 01')}/horn`, page.locator('#send-title'));
      await page.getByRole('button', { name: 'Honk', exact: true }).click();
      const timeline = page.getByTestId('sent-action').getByTestId('action-timeline');
      await timeline.and(page.locator('[data-phase="Done"]')).waitFor({ timeout: SLOW });
      await check('admin vehicle page with a sent command');
      const link = page.getByTestId('sent-action').getByRole('link', { name: 'Open the full timeline' });
      const href = (await link.getAttribute('href'))!;
      await visit(href, page.getByTestId('action-timeline'));
      await check('admin timeline of a command');
    }, 60_000);

    it('groups: the delete confirmation; the bulk preview and the bulk it sends', async () => {
      await visit('#/groups', page.getByTestId('group-row'));
      await dialogRoundTrip(
        'admin group delete confirmation',
        page.getByRole('button', { name: `Delete ${GROUP_NAME}` }),
        KEEP_IT,
      );
      await visit(`#/groups/${group.id}/send`, page.getByRole('button', { name: 'Preview' }));
      await check('admin bulk form');
      await page.getByRole('button', { name: 'Preview' }).click();
      await page.getByTestId('bulk-preview').waitFor();
      await check('admin bulk preview');
      await page.getByRole('button', { name: /^Confirm: send to/ }).click();
      await page.waitForURL(/#\/bulks\/[^/]+$/);
      bulkId = decodeURIComponent(new URL(page.url()).hash.replace('#/bulks/', ''));
      await expect
        .poll(() => page.getByTestId('bulk-status').textContent(), { timeout: 30_000 })
        .toBe('Finished');
    }, 60_000);

    it('the schedule form refused, and a schedule’s delete confirmation', async () => {
      await visit('#/schedules/new', page.getByRole('textbox', { name: 'Name' }));
      await page.getByRole('button', { name: 'Create schedule' }).click();
      await page
        .getByTestId('error-summary')
        .or(page.locator('.mantine-InputWrapper-error'))
        .first()
        .waitFor();
      await check('admin schedule form with errors');
      await visit(`#/schedules/${schedule.id}`, page.getByRole('textbox', { name: 'Name' }));
      await dialogRoundTrip(
        'admin schedule delete confirmation',
        page.getByRole('button', { name: 'Delete', exact: true }),
        KEEP_IT,
      );
    }, 60_000);

    it('operators (with the new operator dialog), tokens and policy', async () => {
      await visit('#/operators', page.getByTestId('operator-row'));
      await check('admin operators');
      await page.getByRole('button', { name: /^Add an operator/ }).click();
      await page.getByRole('dialog').waitFor();
      await check('admin new operator dialog');
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'hidden' });
      await visit('#/tokens', page.getByRole('button', { name: 'Create the token' }));
      await check('admin tokens');
      await visit('#/policy', page.getByTestId('policy-row'));
      await check('admin policy');
    }, 60_000);

    it('a vehicle, a callback or a command that does not exist still opens on a heading', async () => {
      await visit('#/vehicles/NO-SUCH-VEHICLE', page.locator('#main h1', { hasText: 'NO-SUCH-VEHICLE' }));
      await check('admin vehicle not found');
      await visit('#/callbacks/no-such-callback', page.locator('#main h1', { hasText: 'no-such-callback' }));
      await check('admin callback not found');
      await visit('#/actions/no-such-command', page.getByTestId('error-summary'));
      await check('admin command not found');
    }, 60_000);

    it('every screen shared with the other roles', async () => {
      await walkCommonScreens('admin');
      expect(pageErrors(page)).toEqual([]);
    }, 180_000);
  });

  describe('as a technician', () => {
    it('signs in from the picker; the supervisor approval dialog works from the keyboard', async () => {
      await signOut();
      await signInAs('Tess');
      await visit(`#/vehicles/${vehicleId('Van 21')}/immobilization`, page.locator('#send-title'));
      await page.getByRole('textbox', { name: /^Reason/ }).fill('Lease unpaid, file 2024-120');
      await dialogRoundTrip(
        'technician approval dialog',
        page.getByRole('button', { name: 'Ask a supervisor to approve' }),
        { tag: 'INPUT' },
      );
    }, 60_000);

    it('the admin pages say they are an admin’s', async () => {
      for (const hash of ['#/operators', '#/tokens', '#/policy', '#/callbacks/new']) {
        await visit(hash);
        await check(`technician ${hash.slice(2)} (admins only)`);
      }
    }, 60_000);

    it('every screen shared with the other roles', async () => {
      await walkCommonScreens('technician');
      expect(pageErrors(page)).toEqual([]);
    }, 180_000);
  });
});
