// End to end in Debian's Chromium against the built headless agent (web mode): log in with the token, create a
// callback, send each of the nine features from the UI and watch the timeline reach its outcome, get notified,
// see failures explained in plain words, and follow everything in the history and the audit log.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireBuild, type RunningAgent, startAgent } from './helpers/agent.js';
import { HAS_CHROMIUM, launch, openApp, pageErrors, screenshot } from './helpers/browser.js';

const VAN = 'veh-e208-01'; // supports every feature in the built-in fleet
const NO_NAVIGATION = 'veh-c5ax-02';

let agent: RunningAgent;
let browser: Browser;
let page: Page;
let webhook: Server;
const received: string[] = [];

async function sentOutcome(p: Page) {
  const timeline = p.getByTestId('sent-action').getByTestId('action-timeline');
  await timeline
    .and(p.locator('[data-phase="Done"], [data-phase="Refused"], [data-phase="TimedOut"]'))
    .waitFor({ timeout: 15_000 });
  if ((await timeline.getAttribute('data-phase')) === 'Done') {
    // The outcome arrives first (action.changed); the step list follows with the history read just after.
    await timeline
      .locator(
        '[data-testid="timeline-step"]:is([data-status="Success"], [data-status="AlreadyDone"], [data-status="Failed"])',
      )
      .waitFor({ timeout: 10_000 });
  }
  return {
    phase: await timeline.getAttribute('data-phase'),
    outcome: await timeline.getAttribute('data-outcome'),
    badge: (await timeline.getByTestId('outcome-badge').textContent())?.trim(),
    steps: await timeline.getByTestId('timeline-step').count(),
  };
}

async function openFeature(slug: string, vehicle = VAN) {
  await page.goto(`${agent.url}/#/vehicles/${vehicle}/${slug}`);
  await page.getByRole('heading', { level: 2, name: 'Send a command' }).waitFor();
}

describe.skipIf(!HAS_CHROMIUM)('the technician in a browser against the headless agent', () => {
  beforeAll(async () => {
    requireBuild();
    webhook = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        received.push(body);
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => webhook.listen(0, '127.0.0.1', resolve));
    [agent, browser] = await Promise.all([startAgent(), launch()]);
    page = await openApp(browser, agent.url, agent.token);
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await agent?.dispose();
    webhook?.closeAllConnections();
    await new Promise((resolve) => webhook?.close(resolve));
  });

  it('logs in with the token and shows the fleet with what each vehicle can and cannot do', async () => {
    await page.getByTestId('vehicle-row').first().waitFor();
    expect(await page.getByTestId('vehicle-row').count()).toBeGreaterThanOrEqual(4);
    expect(await page.getByText('Cannot: Navigation').count()).toBe(1);
    await page.getByLabel('Search').fill('corsa');
    await expect.poll(() => page.getByTestId('vehicle-row').count()).toBe(1);
    await screenshot(page, '01-fleet-search');
    await page.getByLabel('Search').fill('');
    await screenshot(page, '01-fleet');
  });

  it('creates a callback, with the core validation messages first', async () => {
    await page.goto(`${agent.url}/#/callbacks/new`);
    await page.getByRole('button', { name: 'Create callback' }).click();
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toMatch(/webhook URL/i);
    await screenshot(page, '02-callback-validation');

    const port = (webhook.address() as AddressInfo).port;
    await page.getByRole('textbox', { name: /^Name/ }).fill('depot');
    await page.getByRole('textbox', { name: /^Label/ }).fill('Depot systems');
    await page.getByRole('textbox', { name: /^Target URL/ }).fill(`http://127.0.0.1:${port}/hook`);
    await page.getByRole('button', { name: 'Add an attribute' }).click();
    await page.getByRole('textbox', { name: 'Key' }).fill('X-Vin');
    await page.getByRole('combobox', { name: 'Value' }).fill('$vin');
    await page.keyboard.press('Escape');
    await page.getByRole('combobox', { name: 'Signing secret' }).click();
    await page.getByRole('option', { name: 'Sign with a new secret' }).click();
    await page.getByRole('button', { name: 'Create callback' }).click();
    await page.getByTestId('revealed-secret').waitFor();
    expect(await page.getByTestId('revealed-secret').textContent()).toMatch(/whsec_/);
    await screenshot(page, '03-callback-created');
    await page.goto(`${agent.url}/#/callbacks`);
    await page.getByTestId('callback-row').first().waitFor();
    expect(await page.getByTestId('callback-row').count()).toBe(1);
  });

  it('sends each of the nine features and watches it reach its outcome', async () => {
    const flows: { slug: string; prepare?: () => Promise<void>; send: string; confirm?: string }[] = [
      { slug: 'doors', send: 'Lock the doors' },
      { slug: 'horn', send: 'Honk' },
      { slug: 'lights', send: 'Flash the lights' },
      { slug: 'state', send: 'Refresh the state' },
      {
        slug: 'charging',
        prepare: async () => {
          await page.getByText('Programs', { exact: true }).click();
          await page.getByRole('button', { name: 'Add a program' }).click();
        },
        send: 'Send the charge programs',
      },
      { slug: 'preconditioning', send: 'Start preconditioning' },
      {
        slug: 'navigation',
        prepare: async () => {
          await page.getByLabel('Destination latitude').fill('48.8566');
          await page.getByLabel('Destination longitude').fill('2.3522');
          await page.getByRole('button', { name: 'Add a point' }).click();
          await page.getByLabel('Destination latitude').fill('45.7640');
          await page.getByLabel('Destination longitude').fill('4.8357');
        },
        send: 'Send the destination',
      },
      {
        slug: 'immobilization',
        prepare: async () => {
          await page.getByRole('textbox', { name: /Reason/ }).fill('Customer stopped paying the lease');
          await page.getByRole('textbox', { name: 'Operator', exact: true }).fill('Ana Técnica');
        },
        send: 'Immobilize…',
        confirm: 'Immobilize Van 01',
      },
      {
        slug: 'stolen',
        prepare: async () => {
          await page.getByRole('textbox', { name: /Reason/ }).fill('Reported stolen, police report 2024-118');
        },
        send: 'Send to the vehicle…',
        confirm: 'Declare Van 01 stolen',
      },
    ];
    for (const flow of flows) {
      await openFeature(flow.slug);
      await flow.prepare?.();
      await page.getByRole('button', { name: flow.send, exact: true }).click();
      if (flow.confirm) {
        const dialog = page.getByRole('dialog');
        await dialog.waitFor();
        await screenshot(page, `04-${flow.slug}-confirm`);
        await dialog.getByRole('button', { name: flow.confirm }).click();
      }
      const outcome = await sentOutcome(page);
      expect(outcome, flow.slug).toMatchObject({ phase: 'Done', outcome: 'Success', badge: 'Done' });
      expect(outcome.steps, flow.slug).toBeGreaterThanOrEqual(2);
      if (['doors', 'charging', 'navigation', 'immobilization'].includes(flow.slug))
        await screenshot(page, `05-${flow.slug}-done`);
    }
  }, 60_000);

  it('notifies when a command is done; the notification opens it', async () => {
    const notes = await page.evaluate(() =>
      (window as unknown as { __notifications: { title: string; body: string }[] }).__notifications.map(
        (n) => ({ title: n.title, body: n.body }),
      ),
    );
    expect(notes.length).toBeGreaterThanOrEqual(9);
    expect(notes.map((n) => n.title)).toContain('Doors · Van 01: Done');
    await page.evaluate(() =>
      (window as unknown as { __notifications: { onclick(): void }[] }).__notifications[0]!.onclick(),
    );
    await page.waitForURL(/#\/actions\//);
    await page.getByTestId('action-timeline').waitFor();
    await screenshot(page, '06-action-from-notification');
  });

  it('explains failures in plain words', async () => {
    // The vehicle cannot do it: the reason, and no send.
    await openFeature('navigation', NO_NAVIGATION);
    expect(await page.getByTestId('capability-reason').textContent()).toContain(
      'No connected navigation on this vehicle.',
    );
    expect(await page.getByRole('button', { name: 'Send the destination' }).isDisabled()).toBe(true);
    await screenshot(page, '07-cannot-do');

    // The same feature twice on one vehicle: not offered while the first is in flight.
    await openFeature('lights');
    const flash = page.getByRole('button', { name: 'Flash the lights', exact: true });
    await flash.click();
    await page.getByTestId('in-flight').waitFor();
    expect(await page.getByTestId('in-flight').textContent()).toMatch(/already on its way to Van 01/);
    expect(await flash.isDisabled()).toBe(true);
    await screenshot(page, '08-already-in-progress');
    await sentOutcome(page);
    await page.getByTestId('in-flight').waitFor({ state: 'detached' });
    expect(await flash.isDisabled()).toBe(false);

    // A paused callback: say so and how to fix it.
    await page.goto(`${agent.url}/#/callbacks`);
    await page.getByTestId('callback-row').getByRole('link').click();
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByRole('button', { name: 'Resume' }).waitFor();
    await openFeature('horn');
    expect(await page.getByTestId('no-callback').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Honk', exact: true }).isDisabled()).toBe(true);
    await page.goto(`${agent.url}/#/callbacks`);
    await page.getByTestId('callback-row').getByRole('link').click();
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.getByRole('button', { name: 'Pause' }).waitFor();
  }, 30_000);

  it('keeps the history, filterable, and the audit log with the reasons', async () => {
    await page.goto(`${agent.url}/#/history`);
    await page.getByTestId('history-row').first().waitFor();
    expect(await page.getByTestId('history-row').count()).toBeGreaterThanOrEqual(10);
    await screenshot(page, '09-history');
    await page.getByTestId('history-type').click();
    await page.getByRole('option', { name: 'Immobilization' }).click();
    await expect.poll(() => page.getByTestId('history-row').count()).toBe(1);

    await page.goto(`${agent.url}/#/audit`);
    await page.getByTestId('audit-row').first().waitFor();
    expect(await page.getByText('Customer stopped paying the lease').count()).toBe(1);
    expect(await page.getByText('Ana Técnica').count()).toBeGreaterThanOrEqual(2);
    await screenshot(page, '10-audit');
  });

  it('shows the deliveries and settings, or says plainly they are not in this version', async () => {
    await page.goto(`${agent.url}/#/deliveries`);
    await page.getByRole('heading', { name: 'Deliveries' }).waitFor();
    await page
      .getByTestId('not-available')
      .or(page.getByRole('table', { name: 'Webhook targets' }))
      .waitFor();
    await screenshot(page, '11-deliveries');
    await page.goto(`${agent.url}/#/settings`);
    await page
      .getByTestId('not-available')
      .or(page.getByRole('button', { name: 'Save settings' }))
      .waitFor();
    await screenshot(page, '12-settings');
  });

  it('shows the callback deliveries, a test notification, and the offline banner while the site is down', async (ctx) => {
    const outbox = await fetch(`${agent.url}/api/v1/deliveries/targets`, {
      headers: { authorization: `Bearer ${agent.token}` },
    });
    if (outbox.status === 404) {
      console.warn('e2e-web: this agent has no outbox routes yet; the deliveries flow is skipped.');
      ctx.skip();
    }
    await page.goto(`${agent.url}/#/callbacks`);
    await page.getByTestId('callback-row').getByRole('link').click();
    await page.getByRole('button', { name: 'Send test notification' }).click();
    await page.getByText('Test notification queued').waitFor();
    await page.getByTestId('delivery-row').first().waitFor({ timeout: 15_000 });
    await expect.poll(() => received.length, { timeout: 15_000 }).toBeGreaterThan(0);
    await page
      .locator('[data-testid="delivery-row"][data-state="Delivered"]')
      .first()
      .waitFor({ timeout: 15_000 });
    await screenshot(page, '14-callback-deliveries');

    // The site goes down: notifications are kept, and every page says so.
    const closed = new Promise((resolve) => webhook.close(resolve));
    webhook.closeAllConnections();
    await closed;
    await openFeature('horn');
    await page.getByRole('button', { name: 'Honk', exact: true }).click();
    await sentOutcome(page);
    await page.getByTestId('offline-banner').waitFor({ timeout: 20_000 });
    await screenshot(page, '15-offline-banner');
    await page.goto(`${agent.url}/#/deliveries`);
    await page.locator('[data-testid="target-row"][data-state="offline"]').waitFor();
    await screenshot(page, '16-deliveries-offline');
  }, 60_000);

  it('says "reconnecting" while the agent is down and is live again when it is back', async () => {
    await page.goto(`${agent.url}/#/vehicles`);
    await agent.stop();
    await page
      .getByTestId('connection')
      .and(page.locator('[data-state="reconnecting"]'))
      .waitFor({ timeout: 10_000 });
    await screenshot(page, '13-reconnecting');
    agent = { ...(await startAgent({ port: agent.port, dataDir: agent.dataDir })), dispose: agent.dispose };
    await page
      .getByTestId('connection')
      .and(page.locator('[data-state="live"]'))
      .waitFor({ timeout: 20_000 });
    expect(pageErrors(page)).toEqual([]);
  }, 40_000);
});
