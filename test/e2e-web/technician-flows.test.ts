// End to end in Debian's Chromium against the built headless agent (web mode) running the fleet simulator at high
// speed: log in with the token, create a callback whose webhook is a real local HTTP server, send each of the nine
// features from the UI through it (rather than the built-in "This workstation" the form picks first; see
// out-of-the-box.test.ts) and watch the timeline reach its outcome, get notified, see real failures of the simulated
// fleet explained in plain words, and follow the callback's deliveries — delivered, a test notification, the
// offline banner while the webhook target is down and the queue draining when it is back.
import { createHmac } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RemoteActionDto, VehicleDto } from '../../preload/contract/dto.js';
import { tempDir } from '../helpers/temp-dir.js';
import { type SinkRequest, startSink, type WebhookSink } from '../helpers/webhook-sink.js';
import { requireBuild, type RunningAgent, startAgent } from './helpers/agent.js';
import { HAS_CHROMIUM, launch, openApp, pageErrors, screenshot } from './helpers/browser.js';

// Vehicles of the simulated fleet (main/core/connector/simulator/README.md), by label.
const REFERENCE = 'Van 01'; // awake; every feature succeeds
const KEY_INSIDE = 'Van 06'; // lock fails with CidInside
const DOOR_OPEN = 'Pool 05'; // lock fails with DoorsOpen
const E_REMOTE_ONLY = 'Loaner 09'; // doors, horn and lights not offered
const DEEP_SLEEP = 'Exec 08'; // WakingUpVehicle, then VehicleConnectionTimeout (≈1.3 s at speed 100)

let dataDir: ReturnType<typeof tempDir>;
let agent: RunningAgent;
let browser: Browser;
let page: Page;
let sink: WebhookSink;
let fleet: VehicleDto[] = [];
let signingSecret = '';

function vehicle(label: string): VehicleDto {
  const found = fleet.find((v) => v.label === label);
  if (!found) throw new Error(`no vehicle "${label}" in the simulated fleet`);
  return found;
}

const ENDED = '[data-phase="Done"], [data-phase="Refused"], [data-phase="Expired"], [data-phase="TimedOut"]';

/** Waits for the just-sent command's timeline to end, with its Done step listed, and reads it. */
async function sentOutcome(p: Page) {
  const timeline = p.getByTestId('sent-action').getByTestId('action-timeline');
  await timeline.and(p.locator(ENDED)).waitFor({ timeout: 15_000 });
  if ((await timeline.getAttribute('data-phase')) === 'Done') {
    // The outcome arrives first (action.changed); the step list follows with the history read just after.
    await timeline
      .locator(
        '[data-testid="timeline-step"]:is([data-status="Success"], [data-status="AlreadyDone"], [data-status="Failed"])',
      )
      .waitFor({ timeout: 10_000 });
  }
  const steps = timeline.getByTestId('timeline-step');
  return {
    phase: await timeline.getAttribute('data-phase'),
    outcome: await timeline.getAttribute('data-outcome'),
    badge: (await timeline.getByTestId('outcome-badge').textContent())?.trim(),
    steps: await steps.evaluateAll((els) => els.map((e) => e.getAttribute('data-status'))),
  };
}

async function openFeature(slug: string, label = REFERENCE) {
  await page.goto(`${agent.url}/#/vehicles/${vehicle(label).id}/${slug}`);
  await page.getByRole('heading', { level: 2, name: 'Send a command' }).waitFor();
}

const SITE_CALLBACK = 'Depot systems';

async function openCallback() {
  await page.goto(`${agent.url}/#/callbacks`);
  await page.getByTestId('callback-row').filter({ hasText: SITE_CALLBACK }).getByRole('link').click();
  await page.getByRole('heading', { name: 'Delivery log' }).waitFor();
}

/** The send form picks the built-in "This workstation"; these flows follow the site's webhook, so choose it. */
async function chooseSiteCallback() {
  await page.getByRole('combobox', { name: 'Callback' }).click();
  await page.getByRole('option', { name: SITE_CALLBACK, exact: true }).click();
  expect(await page.getByRole('combobox', { name: 'Callback' }).inputValue()).toBe(SITE_CALLBACK);
}

/** The browser notifications shown so far (recorded by helpers/browser.ts). */
const notifications = () =>
  page.evaluate(() =>
    (window as unknown as { __notifications: { title: string; body: string }[] }).__notifications.map(
      (n) => ({ title: n.title, body: n.body }),
    ),
  );

const isTest = (r: SinkRequest) => r.headers['x-depot-test'] === 'true';
/** Requests for one vehicle: the callback's X-Vin Header attribute carries $vin. */
const eventsFor = (vin: string) => sink.requests.filter((r) => !isTest(r) && r.headers['x-vin'] === vin);
interface SinkEvent {
  remoteActionId: string;
  vin: string;
  remoteType: string;
  eventStatus: { type: string; status: string };
}
const sinkEvents = () => sink.requests.flatMap((r) => (r.json.events ?? []) as SinkEvent[]);

/** The Standard Webhooks signature: HMAC-SHA256 of "id.timestamp.body" with the secret's decoded bytes. */
function verifySignature(request: SinkRequest, secret: string): boolean {
  const id = String(request.headers['webhook-id']);
  const timestamp = String(request.headers['webhook-timestamp']);
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${request.body}`).digest('base64');
  return String(request.headers['webhook-signature']).split(' ').includes(`v1,${expected}`);
}

describe.skipIf(!HAS_CHROMIUM)('the technician in a browser against the headless agent', () => {
  beforeAll(async () => {
    requireBuild();
    dataDir = tempDir('depot-remote-e2e-');
    sink = await startSink();
    [agent, browser] = await Promise.all([startAgent({ dataDir: dataDir.path }), launch()]);
    const vehicles = await agent.api<{ items: VehicleDto[] }>('GET', '/api/v1/vehicles?limit=500');
    fleet = vehicles.body.items;
    page = await openApp(browser, agent.url, agent.token);
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await agent?.stop();
    await sink?.close();
    dataDir?.remove();
  });

  it('logs in with the token and shows the simulated fleet with what each vehicle can and cannot do', async () => {
    await page.getByTestId('vehicle-row').first().waitFor();
    expect(await page.getByTestId('vehicle-row').count()).toBe(25);
    // Sorted by label, the way the depot names them.
    const labels = await page.getByTestId('vehicle-label').allTextContents();
    expect(labels[0]).toBe('City 14');
    expect(labels.indexOf('Van 01')).toBeLessThan(labels.indexOf('Van 03'));
    const loaner = page.getByTestId('vehicle-row').filter({ hasText: E_REMOTE_ONLY });
    expect(await loaner.getByText('Cannot: Doors, Horn, Lights').count()).toBe(1);
    await screenshot(page, '01-fleet');

    // A label finds that vehicle (not every van whose VIN happens to contain "01"), a model, or the end of its VIN.
    await page.getByLabel('Search').fill(REFERENCE);
    await expect.poll(() => page.getByTestId('vehicle-label').allTextContents()).toEqual([REFERENCE]);
    await page.getByLabel('Search').fill('corsa');
    await expect.poll(() => page.getByTestId('vehicle-label').allTextContents()).toEqual([E_REMOTE_ONLY]);
    await page.getByLabel('Search').fill(vehicle(KEY_INSIDE).vin.slice(-6));
    await expect.poll(() => page.getByTestId('vehicle-label').allTextContents()).toEqual([KEY_INSIDE]);
    await page.getByLabel('Search').fill('van');
    await expect.poll(() => page.getByTestId('vehicle-row').count()).toBe(7);
    await screenshot(page, '01-fleet-search');
    await page.getByLabel('Search').fill('');
  });

  it('creates a callback to a real local webhook, with the core validation messages first', async () => {
    await page.goto(`${agent.url}/#/callbacks/new`);
    await page.getByRole('button', { name: 'Create callback' }).click();
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toMatch(/webhook URL/i);
    await screenshot(page, '02-callback-validation');

    await page.getByRole('textbox', { name: /^Name/ }).fill('depot');
    await page.getByRole('textbox', { name: /^Label/ }).fill(SITE_CALLBACK);
    await page.getByRole('textbox', { name: /^Target URL/ }).fill(`${sink.url}/hook`);
    await page.getByRole('button', { name: 'Add an attribute' }).click();
    await page.getByRole('textbox', { name: 'Key' }).fill('X-Vin');
    await page.getByRole('combobox', { name: 'Value' }).fill('$vin');
    await page.keyboard.press('Escape');
    await page.getByRole('combobox', { name: 'Signing secret' }).click();
    await page.getByRole('option', { name: 'Sign with a new secret' }).click();
    await page.getByRole('button', { name: 'Create callback' }).click();
    await page.getByTestId('revealed-secret').waitFor();
    signingSecret = /whsec_[\w+/=]+/.exec(
      (await page.getByTestId('revealed-secret').textContent()) ?? '',
    )![0];
    await screenshot(page, '03-callback-created');
    await page.goto(`${agent.url}/#/callbacks`);
    await page.getByTestId('callback-row').first().waitFor();
    // Beside the built-in one every data folder has.
    expect(await page.getByTestId('callback-row').allTextContents()).toEqual([
      expect.stringMatching(/^This workstationBuilt in/),
      expect.stringMatching(new RegExp(`^${SITE_CALLBACK}`)),
    ]);
  });

  it('sends each of the nine features to the reference van and watches every step to the outcome', async () => {
    const flows: {
      slug: string;
      prepare?: () => Promise<void>;
      send: string;
      confirm?: string;
      steps: string[];
    }[] = [
      { slug: 'horn', send: 'Honk', steps: ['Accepted', 'SentToVehicle', 'Success'] },
      { slug: 'lights', send: 'Flash the lights', steps: ['Accepted', 'SentToVehicle', 'Success'] },
      { slug: 'state', send: 'Refresh the state', steps: ['Accepted', 'SentToVehicle', 'Success'] },
      {
        slug: 'charging',
        prepare: async () => {
          await page.getByText('Programs', { exact: true }).click();
          await page.getByRole('button', { name: 'Add a program' }).click();
        },
        send: 'Send the charge programs',
        steps: ['Accepted', 'SentToVehicle', 'Success'],
      },
      // Immediate preconditioning needs the doors locked, as they are until the doors flow below unlocks them.
      {
        slug: 'preconditioning',
        send: 'Start preconditioning',
        steps: ['Accepted', 'SentToVehicle', 'Success'],
      },
      {
        slug: 'doors',
        prepare: () => page.getByText('Unlock', { exact: true }).click(),
        send: 'Unlock the doors',
        steps: ['Accepted', 'SentToVehicle', 'Success'],
      },
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
        // Navigation never emits Accepted (stellantis-api-notes.md N3).
        steps: ['SentToVehicle', 'Success'],
      },
      {
        slug: 'immobilization',
        prepare: async () => {
          await page.getByRole('textbox', { name: /Reason/ }).fill('Customer stopped paying the lease');
          await page.getByRole('textbox', { name: 'Operator', exact: true }).fill('Ana Técnica');
        },
        send: 'Immobilize…',
        confirm: `Immobilize ${REFERENCE}`,
        steps: ['Accepted', 'SentToVehicle', 'Success'],
      },
      {
        slug: 'stolen',
        prepare: async () => {
          await page.getByRole('textbox', { name: /Reason/ }).fill('Reported stolen, police report 2024-118');
        },
        send: 'Send to the vehicle…',
        confirm: `Declare ${REFERENCE} stolen`,
        steps: ['Accepted', 'SentToVehicle', 'Success'],
      },
    ];
    for (const flow of flows) {
      await openFeature(flow.slug);
      await chooseSiteCallback();
      await flow.prepare?.();
      await page.getByRole('button', { name: flow.send, exact: true }).click();
      if (flow.confirm) {
        const dialog = page.getByRole('dialog');
        await dialog.waitFor();
        await screenshot(page, `04-${flow.slug}-confirm`);
        await dialog.getByRole('button', { name: flow.confirm }).click();
      }
      const outcome = await sentOutcome(page);
      expect(outcome, flow.slug).toEqual({
        phase: 'Done',
        outcome: 'Success',
        badge: 'Done',
        steps: flow.steps,
      });
      if (['doors', 'charging', 'navigation', 'immobilization'].includes(flow.slug))
        await screenshot(page, `05-${flow.slug}-done`);
    }
  }, 40_000);

  it('notifies when a command is done; the notification opens it', async () => {
    const notes = await notifications();
    expect(notes.length).toBeGreaterThanOrEqual(9);
    expect(notes.map((n) => n.title)).toContain(`Doors · ${REFERENCE}: Done`);
    await page.evaluate(() =>
      (window as unknown as { __notifications: { onclick(): void }[] }).__notifications[0]!.onclick(),
    );
    await page.waitForURL(/#\/actions\//);
    await page.getByTestId('action-timeline').waitFor();
    await screenshot(page, '06-action-from-notification');
  });

  it('explains real failures of the fleet in plain words, with the next step', async () => {
    // The vehicle does not offer it: the reason, and no send.
    await openFeature('doors', E_REMOTE_ONLY);
    expect(await page.getByTestId('capability-reason').textContent()).toContain(
      'this vehicle has the e-remote service only',
    );
    expect(await page.getByRole('button', { name: 'Lock the doors', exact: true }).isDisabled()).toBe(true);
    await screenshot(page, '07-cannot-do');

    // A key inside: the vehicle refuses to lock.
    await openFeature('doors', KEY_INSIDE);
    await page.getByRole('button', { name: 'Lock the doors', exact: true }).click();
    expect(await sentOutcome(page)).toMatchObject({
      phase: 'Done',
      outcome: 'Failed',
      badge: 'Failed',
      steps: ['Accepted', 'SentToVehicle', 'Failed'],
    });
    const keyInside = page.getByTestId('sent-action').getByTestId('failure-explanation');
    expect(await page.getByTestId('sent-action').getByTestId('action-headline').textContent()).toBe(
      'Key detected inside the vehicle',
    );
    expect(await keyInside.textContent()).toContain('will not lock remotely while a key is inside');
    expect(await keyInside.textContent()).toContain(
      'What to do: Remove the key from the vehicle and lock again.',
    );
    await screenshot(page, '08-failed-key-inside');
    // The notification says it too, with what to do.
    const notes = await notifications();
    expect(notes.find((n) => n.title === `Doors · ${KEY_INSIDE}: Failed`)?.body).toMatch(
      /^Key detected inside the vehicle\..*What to do: Remove the key/,
    );

    // A door open.
    await openFeature('doors', DOOR_OPEN);
    await page.getByRole('button', { name: 'Lock the doors', exact: true }).click();
    expect(await sentOutcome(page)).toMatchObject({ phase: 'Done', outcome: 'Failed' });
    expect(await page.getByTestId('sent-action').getByTestId('action-headline').textContent()).toBe(
      'A door is open',
    );
    expect(await page.getByTestId('sent-action').getByTestId('failure-explanation').textContent()).toContain(
      'What to do: Close all doors, the boot and the bonnet',
    );

    // A vehicle in deep sleep: it is woken (while the first command is under way, the form says a second one
    // would wait its turn in the queue), then the network gives up; waking it first and retrying is offered.
    await openFeature('lights', DEEP_SLEEP);
    const flash = page.getByRole('button', { name: 'Flash the lights', exact: true });
    await flash.click();
    await page.getByTestId('in-flight').waitFor();
    expect(await page.getByTestId('in-flight').textContent()).toMatch(
      new RegExp(`in progress on ${DEEP_SLEEP}: this one will wait in the queue`),
    );
    // The note can show (from the live stream) before the POST's answer ends the form's own "sending" state, during
    // which the button is disabled: wait for that answer rather than read the button at one instant.
    await expect.poll(() => flash.isDisabled(), { timeout: 10_000 }).toBe(false);
    await page
      .getByTestId('sent-action')
      .locator('[data-testid="timeline-step"][data-status="WakingUpVehicle"]')
      .waitFor();
    await screenshot(page, '09-waking-up');
    expect(await sentOutcome(page)).toMatchObject({
      phase: 'Done',
      outcome: 'Failed',
      steps: ['Accepted', 'WakingUpVehicle', 'Failed'],
    });
    expect(await page.getByTestId('sent-action').getByTestId('failure-explanation').textContent()).toMatch(
      /could not reach or wake the vehicle.*What to do: Move the vehicle into mobile coverage/s,
    );
    await page.getByTestId('in-flight').waitFor({ state: 'detached' });
    expect(
      await page.getByTestId('sent-action').getByRole('button', { name: 'Wake and retry' }).count(),
    ).toBe(1);
    await screenshot(page, '10-failed-deep-sleep');

    // A paused callback: no send through it until it is resumed; the form offers it greyed out and picks another.
    await openCallback();
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByRole('button', { name: 'Resume' }).waitFor();
    await openFeature('horn');
    expect(await page.getByTestId('no-callback').count()).toBe(0);
    const picker = page.getByRole('combobox', { name: 'Callback' });
    expect(await picker.inputValue()).toBe('This workstation');
    await picker.click();
    expect(
      await page.getByRole('option', { name: `${SITE_CALLBACK} (paused)` }).getAttribute('aria-disabled'),
    ).toBe('true');
    await page.keyboard.press('Escape');
    await openCallback();
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.getByRole('button', { name: 'Pause' }).waitFor();
  }, 30_000);

  it('keeps the history, filterable, and the audit log with the reasons', async () => {
    await page.goto(`${agent.url}/#/history`);
    await page.getByTestId('history-row').first().waitFor();
    expect(await page.getByTestId('history-row').count()).toBe(12);
    await screenshot(page, '11-history');
    await page.getByTestId('history-type').click();
    await page.getByRole('option', { name: 'Immobilization' }).click();
    await expect.poll(() => page.getByTestId('history-row').count()).toBe(1);

    await page.goto(`${agent.url}/#/audit`);
    await page.getByTestId('audit-row').first().waitFor();
    expect(await page.getByText('Customer stopped paying the lease').count()).toBe(1);
    expect(await page.getByText('Ana Técnica').count()).toBeGreaterThanOrEqual(2);
    await screenshot(page, '12-audit');
  });

  it("forwards every notification to the callback's webhook and shows each delivery", async () => {
    // Every command sent to the van reached the local webhook: its steps and its outcome, with the callback's
    // attribute, and signed with the secret shown once at creation.
    const van = vehicle(REFERENCE);
    const sent = await agent.api<{ items: RemoteActionDto[] }>('GET', `/api/v1/remotes?vehicle=${van.id}`);
    const ids = sent.body.items.map((a) => a.remoteActionId);
    expect(ids).toHaveLength(9);
    const doneAtSink = () =>
      new Set(
        sinkEvents()
          .filter((e) => e.eventStatus.type === 'Done')
          .map((e) => e.remoteActionId),
      );
    await expect.poll(() => ids.filter((id) => !doneAtSink().has(id)), { timeout: 10_000 }).toEqual([]);
    expect(eventsFor(van.vin).length).toBeGreaterThanOrEqual(ids.length);
    for (const request of eventsFor(van.vin)) {
      expect(request.url).toBe('/hook');
      expect(verifySignature(request, signingSecret)).toBe(true);
    }

    await openCallback();
    await page.locator('[data-testid="delivery-row"][data-state="Delivered"]').first().waitFor();
    await expect
      .poll(() => page.locator('[data-testid="delivery-row"]:not([data-state="Delivered"])').count())
      .toBe(0);
    expect(await page.getByTestId('delivery-row').count()).toBeGreaterThanOrEqual(9);

    // A test notification, marked as such, arrives at the sink and shows as delivered.
    const tests = sink.requests.filter(isTest).length;
    await page.getByRole('button', { name: 'Send test notification' }).click();
    await page.getByText('Test notification queued').waitFor();
    await expect.poll(() => sink.requests.filter(isTest).length).toBe(tests + 1);
    await page
      .locator('[data-testid="delivery-row"][data-state="Delivered"]')
      .filter({ hasText: 'Test notification' })
      .waitFor();
    await screenshot(page, '13-callback-deliveries');

    await page.goto(`${agent.url}/#/deliveries`);
    await page
      .locator('[data-testid="target-row"][data-state="online"]')
      .filter({ hasText: sink.url })
      .waitFor();
    await screenshot(page, '14-deliveries');
    await page.goto(`${agent.url}/#/settings`);
    await page.getByRole('button', { name: 'Save settings' }).waitFor();
    await screenshot(page, '15-settings');
  });

  it('says the site is offline while the webhook is down, keeps the notifications and drains them when it is back', async () => {
    const port = sink.port;
    await sink.close();
    await openFeature('horn');
    await chooseSiteCallback();
    await page.getByRole('button', { name: 'Honk', exact: true }).click();
    expect(await sentOutcome(page)).toMatchObject({ phase: 'Done', outcome: 'Success' });
    const honk = new URL(
      (await page.getByRole('link', { name: 'Open the full timeline' }).getAttribute('href'))!,
      agent.url,
    ).hash.replace('#/actions/', '');
    const banner = page.getByTestId('offline-banner');
    await banner.waitFor({ timeout: 10_000 });
    expect(await banner.textContent()).toContain(`Site offline: ${sink.url} does not answer`);
    // The honk's three notifications (Accepted, SentToVehicle, Success) wait for the site. The banner follows the
    // agent's queue as it fills, so wait for that state first (under load the third can be queued seconds after
    // the banner appears), then for the banner to show it.
    const queuedAtSink = async () => {
      const { body } = await agent.api<{
        items: { origin: string; queued: number; waitingForBatch: number }[];
      }>('GET', '/api/v1/deliveries/targets');
      const target = body.items.find((t) => sink.url.startsWith(t.origin));
      return target ? target.queued + target.waitingForBatch : 0;
    };
    await expect.poll(queuedAtSink, { timeout: 15_000 }).toBe(3);
    await expect
      .poll(() => banner.textContent(), { timeout: 10_000 })
      .toContain('3 notifications are kept in the queue');
    await screenshot(page, '16-offline-banner');

    await page.goto(`${agent.url}/#/deliveries`);
    const offline = page.locator('[data-testid="target-row"][data-state="offline"]');
    await offline.waitFor();
    await expect.poll(() => offline.textContent(), { timeout: 10_000 }).toContain('3 queued');
    const queued = page.locator('[data-testid="delivery-row"][data-state="Queued"]');
    await expect.poll(() => queued.count(), { timeout: 10_000 }).toBe(3);
    expect(await queued.first().textContent()).toMatch(/Horn · Success · Van 01.*unreachable since/);
    await screenshot(page, '17-deliveries-offline');

    // Back on the same port: the next probe gets through and the queue drains.
    sink = await startSink(port);
    await banner.waitFor({ state: 'detached', timeout: 15_000 });
    const online = page.locator('[data-testid="target-row"][data-state="online"]');
    await online.waitFor();
    await expect.poll(() => queued.count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => online.textContent(), { timeout: 10_000 }).toContain('0 queued');
    expect(await online.textContent()).not.toContain('unreachable');
    // Kept while the site was down, every step of the honk arrives once it is back.
    await expect
      .poll(() =>
        sinkEvents()
          .filter((e) => e.remoteActionId === decodeURIComponent(honk))
          .map((e) => e.eventStatus.status)
          .sort(),
      )
      .toEqual(['Accepted', 'SentToVehicle', 'Success']);
    await screenshot(page, '18-deliveries-drained');
  }, 30_000);

  it('says "reconnecting" while the agent is down; back, it asks to sign in again, then is live', async () => {
    await page.goto(`${agent.url}/#/vehicles`);
    await agent.stop();
    await page
      .getByTestId('connection')
      .and(page.locator('[data-state="reconnecting"]'))
      .waitFor({ timeout: 10_000 });
    await screenshot(page, '19-reconnecting');
    agent = await startAgent({ port: agent.port, dataDir: dataDir.path });
    // Sessions live in the agent's memory: a restart signs everyone out (the safe side on a shared workstation).
    await page.getByText(/Your session ended/).waitFor({ timeout: 20_000 });
    await page.getByLabel('API token').fill(agent.token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByTestId('connection')
      .and(page.locator('[data-state="live"]'))
      .waitFor({ timeout: 20_000 });
    expect(pageErrors(page)).toEqual([]);
  }, 40_000);

  it('shows the quarantine under Deliveries, and says the simulator has no connection to test', async () => {
    await page.goto(`${agent.url}/#/deliveries`);
    const tabs = page.getByRole('navigation', { name: 'Deliveries' });
    await tabs.getByRole('link', { name: /Quarantine/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Quarantine' }).waitFor();
    // What the list says is what the agent holds (the simulated network sends only what it can apply).
    const { body } = await agent.api<{ total: number }>('GET', '/api/v1/quarantine?unresolved=true');
    await expect
      .poll(() => page.getByTestId('quarantine-total').textContent())
      .toBe(`${body.total} kept notification${body.total === 1 ? '' : 's'}`);
    expect(await tabs.getByRole('link', { name: /Quarantine/ }).getAttribute('aria-current')).toBe('page');
    await screenshot(page, '20-quarantine');

    await page.goto(`${agent.url}/#/settings`);
    await page.getByRole('button', { name: 'Test connection' }).click();
    const sentence = page.getByTestId('connection-nothing-to-check');
    await sentence.waitFor();
    expect(await sentence.textContent()).toContain(
      'uses the built-in simulator: there is no network connection',
    );
    await screenshot(page, '21-connection-test');
    expect(pageErrors(page)).toEqual([]);
  }, 30_000);
});
