// The polling fallback: an action whose Done does not arrive is read by id with backoff and reaches Done
// through the sink, against the fake server with notifications switched off, and in detail with a scripted
// reader.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConnectorError, type RemoteSnapshot } from '../../../main/core/connector/connector.js';
import {
  createRemotePoller,
  type RemotePoller,
} from '../../../main/core/connector/stellantis/remote-poller.js';
import type { RemoteEvent } from '../../../main/core/domain/action.js';
import { manualClock, type ManualClock } from '../../../main/core/ports/clock.js';
import { silentLogger } from '../../../main/core/ports/logger.js';
import { createTestPki, FAKE_VEHICLES, type TestPki } from '../../fakes/stellantis-server/index.js';
import { startWorld, statusesOf, type World } from './world.js';

const [awake, asleep, deep] = FAKE_VEHICLES as [
  (typeof FAKE_VEHICLES)[0],
  (typeof FAKE_VEHICLES)[0],
  (typeof FAKE_VEHICLES)[0],
];

describe('against the fake server, with no notification sent', () => {
  let pki: TestPki;
  let w: World;
  beforeAll(() => {
    pki = createTestPki();
  });
  afterAll(() => pki.remove());
  afterEach(async () => w?.close());

  const send = async (vehicle: (typeof FAKE_VEHICLES)[0], upstream: string | null, wakeUp = false) =>
    (
      await w.connector.sendRemote({
        vehicleId: vehicle.id,
        vin: vehicle.vin,
        callbackId: 'cb-local-1',
        upstreamCallbackId: upstream,
        ...(wakeUp
          ? { type: 'WakeUp' as const, body: { wakeUp: { action: 'WakeUp' as const } } }
          : { type: 'Doors' as const, body: { door: { state: 'Locked' as const } } }),
      })
    ).remoteActionId;

  it('reaches Done by polling once no Done arrived within 3 minutes', async () => {
    w = await startWorld({ pki });
    const cb = await w.register();
    w.fake.notifications.enabled = false;
    const id = await send(asleep, cb);
    await w.run(179_000, 10_000);
    expect(w.sunk).toHaveLength(0);
    expect(w.fake.requests.filter((r) => r.path.endsWith(id))).toHaveLength(0);
    await w.run(2_000, 1_000);
    expect(w.sunk).toEqual([
      {
        remoteActionId: id,
        vin: asleep.vin,
        eventDate: '2026-01-05T08:03:00.000Z',
        remoteType: 'Doors',
        eventStatus: { type: 'Done', status: 'Success' },
      },
    ]);
    expect(w.connector.poller.tracked()).toEqual([]);
    expect(w.receiver.received).toHaveLength(0);
  });

  it('does not poll an action whose Done arrived by notification (reported through observe)', async () => {
    w = await startWorld({ pki });
    const cb = await w.register();
    const id = await send(awake, cb);
    await w.run(5_000);
    w.connector.poller.observe(w.receiver.events() as RemoteEvent[]);
    expect(w.connector.poller.tracked()).toEqual([]);
    await w.run(600_000, 60_000);
    expect(w.fake.requests.filter((r) => r.path.endsWith(id))).toHaveLength(0);
    expect(w.sunk).toHaveLength(0);
  });

  it('behind NAT (no receiver URL) polls at once with backoff, each status once, until Done', async () => {
    w = await startWorld({ pki, connector: { notificationsExpected: () => false } });
    const id = await send(asleep, null);
    await w.run(120_000, 1_000);
    expect(statusesOf(w.sunk, id)).toEqual(['Pending/WakingUpVehicle', 'Done/Success']);
    // Reads at +10 s (WakingUpVehicle), +20 s (unchanged), +40 s (Success): then nothing more.
    expect(w.fake.requests.filter((r) => r.path.endsWith(id)).map((r) => r.path)).toHaveLength(3);
    expect(w.sunk.map((e) => e.eventDate)).toEqual(['2026-01-05T08:00:10.000Z', '2026-01-05T08:00:40.000Z']);
  });

  it('reaches Done/Failed for a vehicle in deep sleep', async () => {
    w = await startWorld({ pki, connector: { notificationsExpected: () => false } });
    const id = await send(deep, null, true);
    await w.run(400_000, 2_000);
    expect(statusesOf(w.sunk, id)).toEqual(['Pending/WakingUpVehicle', 'Done/Failed']);
    expect(w.sunk.at(-1)!.eventStatus).toEqual({
      type: 'Done',
      status: 'Failed',
      failureCause: 'VehicleConnectionTimeout',
    });
  });
});

describe('the poller in detail', () => {
  let clock: ManualClock;
  let poller: RemotePoller;
  let answers: (RemoteSnapshot | null | Error)[];
  let reads: string[];
  let sunk: RemoteEvent[];
  let failSink: boolean;

  function make(opts: { nat?: boolean; quietMs?: number } = {}) {
    clock = manualClock();
    answers = [];
    reads = [];
    sunk = [];
    failSink = false;
    poller = createRemotePoller({
      clock,
      logger: silentLogger,
      async readRemote(_vid, _cb, rid) {
        reads.push(clock.nowIso());
        const next = answers.length > 1 ? answers.shift()! : answers[0]!;
        if (next instanceof Error) throw next;
        return next && { ...next, remoteActionId: rid };
      },
      async sink(events) {
        if (failSink) throw new Error('database busy');
        sunk.push(...events);
      },
      notificationsExpected: () => !opts.nat,
      ...(opts.quietMs !== undefined && { quietMs: opts.quietMs }),
    });
  }
  const snap = (status: string, extra: Partial<RemoteSnapshot> = {}): RemoteSnapshot => ({
    remoteActionId: 'r1',
    type: 'Horn',
    status,
    ...extra,
  });
  const track = (acceptedAt = clock.nowIso()) =>
    poller.track({
      remoteActionId: 'r1',
      vehicleId: 'v1',
      upstreamCallbackId: 'cb1',
      acceptedAt,
      vin: 'VIN1',
    });
  async function run(ms: number, step = 1_000) {
    for (let t = 0; t < ms; t += step) {
      clock.advance(step);
      await poller.idle();
    }
  }
  const offsets = () => reads.map((r) => (Date.parse(r) - Date.parse('2026-01-05T08:00:00.000Z')) / 1000);

  it('waits the quiet period, then backs off 10 s, 20 s, 40 s … capped at 5 min', async () => {
    make();
    answers = [snap('SentToVehicle')];
    track();
    await run(20 * 60_000, 1_000);
    expect(offsets()).toEqual([180, 190, 210, 250, 330, 490, 790, 1090]);
    expect(sunk.map((e) => e.eventStatus)).toEqual([{ type: 'Pending', status: 'SentToVehicle' }]);
  });

  it('starts at once behind NAT and looks again soon after progress', async () => {
    make({ nat: true });
    answers = [
      snap('Accepted'),
      snap('Accepted'),
      snap('WakingUpVehicle'),
      snap('WakingUpVehicle'),
      snap('Success'),
    ];
    track();
    await run(120_000);
    expect(offsets()).toEqual([10, 20, 40, 50, 70]);
    expect(
      sunk.map((e) => `${e.eventStatus.type}/${e.eventStatus.status}@${e.eventDate.slice(14, 19)}`),
    ).toEqual(['Pending/Accepted@00:10', 'Pending/WakingUpVehicle@00:40', 'Done/Success@01:10']);
    expect(sunk[0]).toMatchObject({ remoteActionId: 'r1', vin: 'VIN1', remoteType: 'Horn' });
    expect(poller.tracked()).toEqual([]);
  });

  it('carries failure cause and feedback detail into the Done event', async () => {
    make({ nat: true });
    answers = [snap('Failed', { failureCause: 'DoorsOpen', feedbackDetail: 'x' })];
    track();
    await run(10_000);
    expect(sunk[0]!.eventStatus).toEqual({
      type: 'Done',
      status: 'Failed',
      failureCause: 'DoorsOpen',
      feedbackDetail: 'x',
    });
  });

  it('does not emit a status already observed from a notification', async () => {
    make({ nat: true });
    answers = [snap('SentToVehicle'), snap('Success')];
    track();
    poller.observe([
      {
        remoteActionId: 'r1',
        vin: 'VIN1',
        eventDate: clock.nowIso(),
        remoteType: 'Horn',
        eventStatus: { type: 'Pending', status: 'SentToVehicle' },
      },
    ]);
    await run(60_000);
    expect(sunk.map((e) => e.eventStatus.status)).toEqual(['Success']);
  });

  it('polls a restored action that is already overdue right away', async () => {
    make();
    answers = [snap('Success')];
    track('2026-01-05T07:00:00.000Z');
    await run(1_000);
    expect(offsets()).toEqual([0]);
    expect(sunk).toHaveLength(1);
  });

  it('waits out a 429 before the next read', async () => {
    make({ nat: true });
    answers = [new ConnectorError('rate-limited', 'slow down', { retryAfterSeconds: 120 }), snap('Success')];
    track();
    await run(200_000);
    expect(offsets()).toEqual([10, 130]);
    expect(sunk.map((e) => e.eventStatus.status)).toEqual(['Success']);
  });

  it('retries after network trouble and when the sink could not take the event', async () => {
    make({ nat: true });
    answers = [new ConnectorError('unreachable', 'down'), snap('Success')];
    failSink = true;
    track();
    await run(25_000);
    expect(sunk).toHaveLength(0);
    failSink = false;
    await run(60_000);
    expect(offsets()).toEqual([10, 20, 40]);
    expect(sunk.map((e) => e.eventStatus.status)).toEqual(['Success']);
  });

  it('gives up on an action the network does not know after 5 reads', async () => {
    make({ nat: true });
    answers = [null];
    track();
    await run(30 * 60_000, 5_000);
    expect(reads).toHaveLength(5);
    expect(poller.tracked()).toEqual([]);
  });

  it('gives up 24 h after acceptance', async () => {
    make({ nat: true });
    answers = [snap('SentToVehicle')];
    track();
    await run(25 * 60 * 60_000, 60_000);
    expect(poller.tracked()).toEqual([]);
    expect(offsets().at(-1)).toBeLessThanOrEqual(24 * 3600);
  });

  it('untrack and stop end polling; tracking twice keeps one schedule', async () => {
    make({ nat: true });
    answers = [snap('SentToVehicle')];
    track();
    track();
    await run(10_000);
    expect(reads).toHaveLength(1);
    poller.untrack('r1');
    await run(600_000, 10_000);
    expect(reads).toHaveLength(1);
    track();
    poller.stop();
    await run(600_000, 10_000);
    expect(reads).toHaveLength(1);
    expect(clock.pendingTimers()).toBe(0);
  });
});
