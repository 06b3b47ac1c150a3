// A depot team at one workstation, in Debian's Chromium against the built headless agent: the machine token enrols
// the browser; operators then pick their name and type their PIN (a wrong PIN and a lock said in words); the header
// says who is signed in and switches operator in two clicks and a PIN; a technician sees immobilization disabled
// with the supervisor note and sends it with a supervisor's approval, recorded as "approved by"; a viewer sees
// sending disabled with the reason; an admin unlocks a locked operator; the idle lock (the page's clock moved on,
// not waited for) and signing out bring back the picker.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VehicleDto } from '../../preload/contract/dto.js';
import { tempDir } from '../helpers/temp-dir.js';
import { startSink, type WebhookSink } from '../helpers/webhook-sink.js';
import { requireBuild, type RunningAgent, startAgent } from './helpers/agent.js';
import { HAS_CHROMIUM, launch, pageErrors, screenshot } from './helpers/browser.js';

const TEAM = [
  { name: 'Ada', role: 'admin', pin: '424242' },
  { name: 'Sam', role: 'supervisor', pin: '737373' },
  { name: 'Tess', role: 'technician', pin: '515151' },
  { name: 'Vic', role: 'viewer', pin: '868686' },
  { name: 'Lou', role: 'technician', pin: '909090' },
] as const;
const pinOf = (name: string) => TEAM.find((m) => m.name === name)!.pin;

let dataDir: ReturnType<typeof tempDir>;
let agent: RunningAgent;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let sink: WebhookSink;
let van: VehicleDto;

const picker = (p: Page = page) => p.getByRole('listbox', { name: 'Operator' });
const header = (p: Page = page) => p.getByTestId('session-menu');

/** On the sign-in screen: choose a name from the list, type the PIN, press Enter. */
async function signInAs(name: string, pin: string = pinOf(name), p: Page = page) {
  await picker(p)
    .getByRole('option', { name: new RegExp(`^${name}`) })
    .click();
  await p.getByLabel(`PIN for ${name}`).fill(pin);
  await p.getByLabel(`PIN for ${name}`).press('Enter');
}

async function signOut(p: Page = page) {
  await header(p).click();
  await p.getByRole('menuitem', { name: 'Sign out' }).click();
  await picker(p).waitFor();
}

async function switchTo(name: string) {
  await header().click();
  await page.getByRole('menuitem', { name: new RegExp(`^${name}`) }).click();
  await page.getByLabel(`PIN for ${name}`).fill(pinOf(name));
  await page.getByLabel(`PIN for ${name}`).press('Enter');
  await expect.poll(() => page.getByTestId('session-name').textContent()).toBe(name);
}

describe.skipIf(!HAS_CHROMIUM)('a depot team at one workstation, in a browser', () => {
  beforeAll(async () => {
    requireBuild();
    dataDir = tempDir('depot-remote-e2e-team-');
    sink = await startSink();
    [agent, browser] = await Promise.all([startAgent({ dataDir: dataDir.path }), launch()]);
    for (const member of TEAM) {
      const created = await agent.api('POST', '/api/v1/operators', member);
      if (created.status !== 201) throw new Error(`operator ${member.name}: ${JSON.stringify(created)}`);
    }
    const callback = await agent.api('POST', '/api/v1/callbacks', {
      label: 'site',
      callback: { webhook: { target: `${sink.url}/hook`, name: 'site' } },
      retryPolicy: { policy: 'Bounded', retryNumber: 3, retryDelay: 10 },
      remoteTypes: ['Doors', 'Horn', 'Immobilization', 'Lights', 'Stolen'],
    });
    if (callback.status !== 201) throw new Error(`callback: ${JSON.stringify(callback)}`);
    const fleet = await agent.api<{ items: VehicleDto[] }>('GET', '/api/v1/vehicles?limit=500');
    van = fleet.body.items.find((v) => v.label === 'Van 01')!;
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(8000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    (page as Page & { errors?: string[] }).errors = errors;
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await agent?.stop();
    await sink?.close();
    dataDir?.remove();
  });

  it('the machine token enrols this browser; the picker then lists the team with their roles', async () => {
    await page.goto(`${agent.url}/`);
    expect(await picker().count()).toBe(0);
    const enrol = page.getByLabel('Enrol this browser for PIN sign-in');
    expect(await enrol.isChecked()).toBe(true);
    await screenshot(page, 'team-01-token-sign-in');
    await page.getByLabel('API token').fill(agent.token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => header().textContent()).toMatch(/^machine token/);
    await signOut();
    const names = await picker().getByRole('option').allTextContents();
    expect(names).toEqual(
      expect.arrayContaining(['AdaAdmin', 'SamSupervisor', 'TessTechnician', 'VicViewer', 'LouTechnician']),
    );
    // The list has the focus: the keyboard picks a name, Enter moves to the PIN.
    await expect.poll(() => picker().evaluate((el) => el === document.activeElement)).toBe(true);
    await screenshot(page, 'team-02-picker');
  });

  it('a wrong PIN is refused with the tries left', async () => {
    await signInAs('Tess', '000000');
    await page.getByText(/Wrong PIN\. \d tries left before a lock\./).waitFor();
    expect(await page.getByLabel('PIN for Tess').inputValue()).toBe('');
    expect(await header().count()).toBe(0);
  });

  it('an operator locked by wrong PINs is told to wait or ask an admin', async () => {
    for (let i = 0; i < 6; i += 1) {
      await signInAs('Lou', '111111');
      const said = page.getByTestId('sign-in-error').or(page.getByText(/Wrong PIN\./));
      await said.first().waitFor();
      if ((await page.getByTestId('sign-in-error').count()) > 0) break;
    }
    const alert = page.getByTestId('sign-in-error');
    expect(await alert.textContent()).toMatch(/Locked.*locked after \d+ wrong PINs.*ask an admin/s);
    // The right PIN too, while the lock lasts.
    await signInAs('Lou');
    await alert.waitFor();
    expect(await header().count()).toBe(0);
    await screenshot(page, 'team-03-locked');
  });

  it('Tess signs in with her PIN; the header says who, and the admin pages are not hers', async () => {
    await picker().focus();
    await page.keyboard.press('Home');
    for (
      let i = 0;
      i < 5 && !(await picker().getByRole('option', { name: /^Tess/, selected: true }).count());
      i += 1
    )
      await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.keyboard.type(pinOf('Tess'));
    await page.keyboard.press('Enter');
    await expect.poll(() => header().textContent()).toBe('TessTechnician');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByText('Fleet').waitFor();
    expect(await nav.getByText('Operators').count()).toBe(0);
  });

  it('a technician sees immobilization disabled with the supervisor note, and sends it with approval', async () => {
    await page.goto(`${agent.url}/#/vehicles/${van.id}`);
    expect(await page.getByTestId('feature-immobilization').getByTestId('feature-needs').textContent()).toBe(
      'Needs a supervisor',
    );
    await page.getByTestId('feature-immobilization').click();
    const send = page.getByRole('button', { name: /^Immobilize/ });
    expect(await send.isDisabled()).toBe(true);
    const note = page.getByTestId('send-access-note');
    expect(await note.textContent()).toContain('Needs a supervisor (ask one to approve, or sign in as one)');
    await page.getByRole('textbox', { name: /Reason/ }).fill('Lease unpaid, file 2024-118');
    await screenshot(page, 'team-04-needs-supervisor');
    await note.getByRole('button', { name: 'Ask a supervisor to approve' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Approved by' }).click();
    await page.getByRole('option', { name: 'Sam (Supervisor)' }).click();
    await dialog.getByLabel('Their PIN').fill('000000');
    await dialog.getByRole('button', { name: 'Approve and send' }).click();
    await dialog
      .getByText(/Wrong PIN/)
      .first()
      .waitFor();
    await screenshot(page, 'team-05-approval-wrong-pin');
    await dialog.getByLabel('Their PIN').fill(pinOf('Sam'));
    await dialog.getByLabel('Their PIN').press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    const timeline = page.getByTestId('sent-action').getByTestId('action-timeline');
    await timeline.waitFor();
    await timeline.getByText(/sent by Tess, approved by Sam/).waitFor();
    await page.getByTestId('sent-action').getByRole('link', { name: 'Open the full timeline' }).click();
    await expect.poll(() => page.getByTestId('approved-by').textContent()).toBe('SamSupervisor');
    expect(await page.getByTestId('sent-by').textContent()).toBe('TessTechnician');
    await screenshot(page, 'team-06-approved');
    // The history names both.
    await page.goto(`${agent.url}/#/history`);
    const row = page.getByTestId('history-row').and(page.locator('[data-type="Immobilization"]'));
    await row.getByText('approved by Sam').waitFor();
    expect(await row.getByText('Tess', { exact: true }).count()).toBe(1);
  });

  it('switches operator in two clicks and a PIN', async () => {
    await switchTo('Sam');
    expect(await header().textContent()).toBe('SamSupervisor');
  });

  it('a viewer sees sending disabled, with the reason', async () => {
    await switchTo('Vic');
    await page.goto(`${agent.url}/#/vehicles/${van.id}/horn`);
    await page.getByRole('heading', { level: 2, name: 'Send a command' }).waitFor();
    expect(await page.getByTestId('feature-horn').getByTestId('feature-needs').textContent()).toBe(
      'Needs a technician',
    );
    expect(await page.getByRole('button', { name: 'Honk', exact: true }).isDisabled()).toBe(true);
    expect(await page.getByTestId('send-access-note').textContent()).toBe(
      'Viewers cannot send commands: sign in as a technician (or higher) to send this.',
    );
    expect(await page.getByTestId('send-access-note').getByRole('button').count()).toBe(0);
    await screenshot(page, 'team-07-viewer');
  });

  it('an admin unlocks the locked operator; the audit log says who did what', async () => {
    await switchTo('Ada');
    await page.getByRole('navigation', { name: 'Main' }).getByText('Operators').click();
    const lou = page.getByTestId('operator-row').and(page.locator('[data-name="Lou"]'));
    await lou.getByTestId('operator-locked').waitFor();
    await screenshot(page, 'team-08-operators');
    await lou.getByRole('button', { name: 'Unlock Lou' }).click();
    await page.getByText('Lou is unlocked.').waitFor();
    expect(await lou.getByTestId('operator-locked').count()).toBe(0);
    await page.goto(`${agent.url}/#/audit`);
    await page.getByRole('combobox', { name: 'Operator' }).fill('Tess');
    await page.getByRole('combobox', { name: 'Operator' }).press('Enter');
    await expect
      .poll(async () =>
        (await page.getByTestId('audit-row').allTextContents()).every((t) => t.includes('Tess')),
      )
      .toBe(true);
    expect(await page.getByTestId('audit-row').filter({ hasText: 'Command sent' }).count()).toBeGreaterThan(
      0,
    );
    await screenshot(page, 'team-09-audit');
  });

  it('signing out shows the picker again', async () => {
    await signOut();
    expect(await picker().getByRole('option').count()).toBe(TEAM.length);
  });

  it('locks after the idle minutes without input (the page clock moved on, not waited for)', async () => {
    const policy = await agent.api('PUT', '/api/v1/policy', { idleLockMinutes: 1 });
    expect(policy.status).toBe(200);
    const idle = await context.newPage();
    await idle.clock.install();
    await idle.goto(`${agent.url}/`);
    await signInAs('Tess', pinOf('Tess'), idle);
    await expect.poll(() => header(idle).textContent()).toBe('TessTechnician');
    await idle.clock.fastForward('00:50');
    expect(await header(idle).count()).toBe(1);
    await idle.clock.fastForward('00:15');
    await idle.getByTestId('idle-locked').waitFor();
    expect(await idle.getByTestId('idle-locked').textContent()).toContain(
      'Locked after 1 minute without use',
    );
    // The person who was there is chosen already: the PIN is all it takes.
    await idle.getByLabel('PIN for Tess').waitFor();
    await screenshot(idle, 'team-10-idle-locked');
    await idle.close();
    await agent.api('PUT', '/api/v1/policy', {});
  });

  it('raised no page errors', () => {
    expect(pageErrors(page)).toEqual([]);
  });
});
