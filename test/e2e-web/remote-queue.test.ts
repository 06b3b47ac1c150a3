// The queue per vehicle and feature, and "send again", in Debian's Chromium against the built headless agent and its
// fleet simulator (slowed to --sim-speed 2, so that an asleep vehicle's wake-up takes ≈12 s and the queue can be
// watched): a second and third horn to the asleep Pool 02 wait in the queue with their place in line, move up as
// the first finishes and then go, in order, to Done; a horn queued with a 3-second expiry behind a horn still waking
// Van 03 ends Expired on its page and is never sent; a failed doors lock (Van 06 has its key inside) is sent again
// from its timeline, and both timelines link to each other.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallbackDto, RemoteActionDto, VehicleDto } from '../../preload/contract/dto.js';
import { requireBuild, type RunningAgent, startAgent } from './helpers/agent.js';
import { HAS_CHROMIUM, launch, openApp, pageErrors, screenshot } from './helpers/browser.js';

const ASLEEP = 'Pool 02'; // asleep: its first command waits for a ≈25 s wake-up (≈12 s at speed 2)
const ASLEEP_TOO = 'Van 03'; // asleep as well
const KEY_INSIDE = 'Van 06'; // lock fails with CidInside
const HORN = { horn: { state: 'Activated' } };

let agent: RunningAgent;
let browser: Browser;
let page: Page;
let fleet: VehicleDto[] = [];
let callbackId = '';

const vehicle = (label: string) => {
  const found = fleet.find((v) => v.label === label);
  if (!found) throw new Error(`no vehicle "${label}" in the simulated fleet`);
  return found;
};

const remote = async (id: string) =>
  (await agent.api<RemoteActionDto>('GET', `/api/v1/remotes/${encodeURIComponent(id)}`)).body;

async function openFeature(slug: string, label: string) {
  await page.goto(`${agent.url}/#/vehicles/${vehicle(label).id}/${slug}`);
  await page.getByRole('heading', { level: 2, name: 'Send a command' }).waitFor();
}

/** The id of the command the send panel follows (its "Open the full timeline" link). */
async function followedId(): Promise<string> {
  const href = await page
    .getByTestId('sent-action')
    .getByRole('link', { name: 'Open the full timeline' })
    .getAttribute('href');
  return decodeURIComponent(href!.replace('#/actions/', ''));
}

describe.skipIf(!HAS_CHROMIUM)('the queue per vehicle and send again, in a browser', () => {
  beforeAll(async () => {
    requireBuild();
    [agent, browser] = await Promise.all([startAgent({ args: ['--sim-speed', '2'] }), launch()]);
    fleet = (await agent.api<{ items: VehicleDto[] }>('GET', '/api/v1/vehicles?limit=500')).body.items;
    const callbacks = await agent.api<{ items: CallbackDto[] }>('GET', '/api/v1/callbacks');
    callbackId = callbacks.body.items[0]!.id;
    page = await openApp(browser, agent.url, agent.token);
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await agent?.dispose();
  });

  it('a second and third horn to an asleep vehicle wait in the queue with their place, then go to Done', async () => {
    await openFeature('horn', ASLEEP);
    const honk = page.getByRole('button', { name: 'Honk', exact: true });
    const sent = page.getByTestId('sent-action');
    await honk.click();
    await sent.locator('[data-testid="timeline-step"][data-status="WakingUpVehicle"]').waitFor();
    const first = await followedId();

    // Said plainly before sending: it will wait, not be refused.
    const note = page.getByTestId('in-flight');
    expect(await note.textContent()).toContain(
      `A horn command is in progress on ${ASLEEP}: this one will wait in the queue and go when it finishes (position 1).`,
    );
    expect(await honk.isDisabled()).toBe(false);
    await honk.click();
    await expect.poll(followedId).not.toBe(first);
    const second = await followedId();
    await sent.getByTestId('action-timeline').and(page.locator('[data-phase="Queued"]')).waitFor();
    expect(await sent.getByTestId('queue-position').textContent()).toBe('Next in line');
    expect(await sent.getByTestId('queue-expiry').textContent()).toMatch(/^expires in (10|9) min$/);

    await expect.poll(() => note.textContent()).toContain('and 1 more is waiting');
    await honk.click();
    await expect.poll(followedId).not.toBe(second);
    const third = await followedId();
    expect(await sent.getByTestId('queue-position').textContent()).toBe('2nd in line');
    await screenshot(page, 'queue-01-second-in-line');

    // The first finishes: the third moves up, live, then goes, after the second.
    await expect
      .poll(
        () =>
          sent
            .getByTestId('queue-position')
            .textContent({ timeout: 500 })
            .catch(() => 'gone'),
        { timeout: 30_000 },
      )
      .toMatch(/^(Next in line|gone)$/);
    await sent
      .getByTestId('action-timeline')
      .and(page.locator('[data-phase="Done"]'))
      .waitFor({ timeout: 30_000 });
    await screenshot(page, 'queue-02-done');
    const answers = await Promise.all([first, second, third].map(remote));
    expect(answers.map((a) => [a.phase, a.outcome])).toEqual([
      ['Done', 'Success'],
      ['Done', 'Success'],
      ['Done', 'Success'],
    ]);
    // In order, one at a time: each was done after the one before it.
    expect(answers[0]!.doneAt! <= answers[1]!.doneAt!).toBe(true);
    expect(answers[1]!.doneAt! <= answers[2]!.doneAt!).toBe(true);
  }, 60_000);

  it('a queued command whose expiry passes ends Expired on its page, never sent', async () => {
    const path = `/api/v1/vehicles/${vehicle(ASLEEP_TOO).id}/callbacks/${callbackId}/remotes`;
    const first = await agent.api<{ remoteActionId: string; phase: string }>('POST', path, HORN);
    expect(first).toMatchObject({ status: 202, body: { phase: 'Pending' } });
    const late = await agent.api<{ remoteActionId: string; phase: string; queue: { position: number } }>(
      'POST',
      `${path}?expiresInSeconds=3`,
      HORN,
    );
    expect(late).toMatchObject({ status: 202, body: { phase: 'Queued', queue: { position: 1 } } });
    const id = late.body.remoteActionId;

    await page.goto(`${agent.url}/#/actions/${encodeURIComponent(id)}`);
    const timeline = page.getByTestId('action-timeline');
    await timeline.waitFor();
    if ((await timeline.getAttribute('data-phase')) === 'Queued') {
      expect(await page.getByTestId('queue-expiry').textContent()).toMatch(
        /^(expires in \d s|expiring now)$/,
      );
      expect(await page.getByRole('button', { name: 'Cancel this command' }).isEnabled()).toBe(true);
      await screenshot(page, 'queue-03-about-to-expire');
    }
    await timeline.and(page.locator('[data-phase="Expired"]')).waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('outcome-badge').textContent()).toBe('Expired');
    expect(await page.getByTestId('action-headline').textContent()).toBe('Expired before sending');
    expect(await page.getByRole('button', { name: 'Send again' }).isEnabled()).toBe(true);
    await screenshot(page, 'queue-04-expired');

    // Never sent: the network never gave it an id, no step ever arrived; the first one is not held up by it.
    const expired = await remote(id);
    expect(expired).toMatchObject({ phase: 'Expired', events: [] });
    expect(expired.upstreamRemoteActionId).toBeUndefined();
    expect((await remote(first.body.remoteActionId)).phase).not.toBe('Expired');
  }, 30_000);

  it('a failed doors lock (key inside) is sent again from its timeline; both timelines link to each other', async () => {
    await openFeature('doors', KEY_INSIDE);
    await page.getByRole('button', { name: 'Lock the doors', exact: true }).click();
    const sent = page.getByTestId('sent-action').getByTestId('action-timeline');
    await sent.and(page.locator('[data-phase="Done"]')).waitFor({ timeout: 30_000 });
    expect(await sent.getAttribute('data-outcome')).toBe('Failed');
    const first = await followedId();

    await page.getByRole('link', { name: 'Open the full timeline' }).click();
    await page.waitForURL(new RegExp(`#/actions/${first}$`));
    const again = page.getByRole('button', { name: 'Send again' });
    await again.focus();
    await page.keyboard.press('Enter');
    // The new command opens, linked to the first.
    await page.waitForURL((url) => url.hash.startsWith('#/actions/') && !url.hash.endsWith(first));
    const second = decodeURIComponent(new URL(page.url()).hash.replace('#/actions/', ''));
    const from = page.getByTestId('resent-from');
    await from.waitFor();
    expect(await from.getByRole('link').getAttribute('href')).toBe(`#/actions/${first}`);
    // The key is still inside: it fails the same way, and can be sent again in turn.
    await page
      .getByTestId('action-timeline')
      .and(page.locator('[data-phase="Done"]'))
      .waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('action-headline').textContent()).toBe('Key detected inside the vehicle');
    expect(await page.getByRole('button', { name: 'Send again' }).count()).toBe(1);
    await screenshot(page, 'queue-05-sent-again');

    await from.getByRole('link').click();
    await page.waitForURL(new RegExp(`#/actions/${first}$`));
    const as = page.getByTestId('resent-as');
    await as.waitFor();
    expect(await as.getByRole('link').getAttribute('href')).toBe(`#/actions/${second}`);
    // Sent again once: the first is not offered again.
    expect(await page.getByRole('button', { name: 'Send again' }).count()).toBe(0);
    expect((await remote(second)).resentFrom).toBe(first);
    expect((await remote(first)).resentAs).toBe(second);
    expect(pageErrors(page)).toEqual([]);
  }, 40_000);
});
