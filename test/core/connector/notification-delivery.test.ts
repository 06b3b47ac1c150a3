// How the simulated network delivers notifications (stellantis-api-notes.md N5–N7), checked on the wire:
// attributes and variables, batching, retries, pause, and the connector's callback rules.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectorError } from '../../../main/core/connector/connector.js';
import { batchingOf } from '../../../main/core/domain/callback/batching-rules.js';
import { RETRY_CAP_SECONDS } from '../../../main/core/domain/callback/callback-model.js';
import type { RemoteBody } from '../../../main/core/domain/remote/remote-body.js';
import { startSim, statuses, subscribeTo, type SimHarness } from './sim-harness.js';
import { startWebhookRecorder } from './webhook-recorder.js';
import { tempDir } from '../../helpers/temp-dir.js';

let h: SimHarness;
afterEach(async () => {
  await h?.close();
});

const LOCK: RemoteBody = { door: { state: 'Locked' } };
const UNLOCK: RemoteBody = { door: { state: 'Unlocked' } };
const HORN: RemoteBody = { horn: { state: 'Activated' } };
const SECOND = 1000;

/** Lets the lifecycle of an awake vehicle finish (≈4 s / 100) and every POST complete. */
const settle = () => h.run(100);

describe('payload and attributes (N5, N6)', () => {
  it('posts the fleet payload to the registered URL with Header, Query and Body attributes substituted (whole-value variables only)', async () => {
    h = await startSim({
      path: '/webhooks/stellantis/cb-42?site=north',
      attributes: [
        { type: 'Header', key: 'x-depot-secret', value: 'top-secret-1' },
        { type: 'Header', key: 'X-Vin', value: '$vin' },
        { type: 'Query', key: 'fleet', value: '$fleetID' },
        { type: 'Query', key: 'cb', value: '$callbackID' },
        { type: 'Body', key: 'remoteType', value: '$remoteType' },
        { type: 'Body', key: 'note', value: 'vin $vin on $fleetID' },
      ],
    });
    const rid = await h.send('Van 01', LOCK);
    await settle();
    const vin = h.engine.vehicle(h.id('Van 01'))!.vin;
    const fleetId = h.sim.sim.fleetId;
    expect(h.hook.requests).toHaveLength(3);
    const first = h.hook.requests[0]!;
    expect(first.method).toBe('POST');
    expect(first.path).toBe('/webhooks/stellantis/cb-42');
    expect(first.query).toEqual({ site: 'north', fleet: fleetId, cb: h.upstreamId });
    expect(first.headers['x-depot-secret']).toBe('top-secret-1');
    expect(first.headers['x-vin']).toBe(vin);
    expect(first.headers['content-type']).toBe('application/json');
    expect(first.body).toEqual({
      callbackId: h.upstreamId,
      attributes: [
        { key: 'remoteType', value: 'Doors' },
        { key: 'note', value: 'vin $vin on $fleetID' }, // a literal: not a whole variable
      ],
      events: [
        {
          remoteActionId: rid,
          vin,
          eventDate: expect.any(String),
          remoteType: 'Doors',
          eventStatus: { type: 'Pending', status: 'Accepted' },
        },
      ],
    });
    // The delivery log keeps what was sent, with the secret redacted.
    const log = h.sim.sim.deliveries();
    expect(log).toHaveLength(3);
    expect(log[0]).toMatchObject({
      callbackId: h.upstreamId,
      attempt: 1,
      outcome: 'delivered',
      statusCode: 200,
    });
    expect(log[0]!.headers['x-depot-secret']).toBe('[redacted]');
  });
});

describe('batching (N7)', () => {
  it('sends one event per POST without batchNotify', async () => {
    h = await startSim();
    await h.send('Van 01', LOCK);
    await settle();
    expect(h.hook.requests.map((r) => r.body.events.length)).toEqual([1, 1, 1]);
  });

  it('sends a batch as soon as `size` events wait', async () => {
    h = await startSim({ subscribe: { batchNotify: { size: 3, timeWindow: 60 } } });
    const a = await h.send('Van 01', UNLOCK);
    const b = await h.send('Pool 02', HORN); // asleep: its events trickle in over 25 s / 100
    await h.run(60); // Van 01: Accepted, SentToVehicle, Success; Pool 02: Accepted, WakingUpVehicle
    expect(h.hook.requests).toHaveLength(1);
    expect(h.hook.requests[0]!.body.events).toHaveLength(3);
    await h.run(59 * SECOND);
    expect(h.hook.requests.map((r) => r.body.events.length)).toEqual([3, 3]);
    // The seventh event waits for its window (60 s) to end.
    await h.run(2 * SECOND);
    expect(h.hook.requests.map((r) => r.body.events.length)).toEqual([3, 3, 1]);
    const log = h.sim.sim.deliveries();
    const last = h.hook.requests[2]!.body.events[0]!;
    expect(Date.parse(log[2]!.at) - Date.parse(last.eventDate)).toBe(60 * SECOND);
    expect(statuses(h.received(a))).toEqual(['Accepted', 'SentToVehicle', 'Success']);
    expect(statuses(h.received(b))).toEqual(['Accepted', 'WakingUpVehicle', 'SentToVehicle', 'Success']);
  });

  it('sends a partial batch when the time window ends', async () => {
    h = await startSim({ subscribe: { batchNotify: { size: 10, timeWindow: 5 } } });
    await h.send('Van 01', LOCK);
    await h.run(4 * SECOND);
    expect(h.hook.requests).toHaveLength(0);
    await h.run(1 * SECOND + 10);
    expect(h.hook.requests).toHaveLength(1);
    expect(statuses(h.hook.requests[0]!.body.events)).toEqual(['Accepted', 'SentToVehicle', 'AlreadyDone']);
  });

  it('turns batching off with a $vin Query attribute', async () => {
    const sub = { batchNotify: { size: 10, timeWindow: 5 } };
    h = await startSim({ subscribe: sub });
    const withVin = subscribeTo(`${h.hook.url}/hook`, sub);
    withVin.callback.webhook.attributes!.push({ type: 'Query', key: 'vin', value: '$vin' });
    expect(batchingOf(withVin)).toBeNull();
    await h.sim.updateCallback(h.upstreamId, withVin);
    await h.send('Van 01', UNLOCK);
    await settle();
    expect(h.hook.requests.map((r) => r.body.events.length)).toEqual([1, 1, 1]);
    expect(h.hook.requests[0]!.query.vin).toBe(h.engine.vehicle(h.id('Van 01'))!.vin);
  });
});

describe('retries (N6)', () => {
  it('Bounded: retries `retryDelay` seconds apart until an attempt succeeds', async () => {
    h = await startSim({
      subscribe: {
        batchNotify: { size: 3, timeWindow: 60 },
        retryPolicy: { policy: 'Bounded', retryNumber: 3, retryDelay: 10 },
      },
    });
    h.hook.answers.push(500, 503);
    await h.send('Van 01', UNLOCK);
    await settle();
    expect(h.hook.requests).toHaveLength(1);
    await h.run(10 * SECOND);
    expect(h.hook.requests).toHaveLength(2);
    await h.run(10 * SECOND);
    expect(h.hook.requests).toHaveLength(3);
    expect(h.hook.requests[2]!.body).toEqual(h.hook.requests[0]!.body);
    const log = h.sim.sim.deliveries();
    expect(log.map((d) => [d.attempt, d.outcome, d.statusCode])).toEqual([
      [1, 'failed', 500],
      [2, 'failed', 503],
      [3, 'delivered', 200],
    ]);
    expect(Date.parse(log[1]!.at) - Date.parse(log[0]!.at)).toBe(10 * SECOND);
    await h.run(60 * SECOND);
    expect(h.hook.requests).toHaveLength(3);
  });

  it('Bounded: gives up after `retryNumber` attempts', async () => {
    h = await startSim({
      subscribe: {
        batchNotify: { size: 3, timeWindow: 60 },
        retryPolicy: { policy: 'Bounded', retryNumber: 2, retryDelay: 5 },
      },
    });
    h.hook.answers.push(500, 500, 500);
    await h.send('Van 01', UNLOCK);
    await settle();
    await h.run(60 * SECOND);
    expect(h.hook.requests).toHaveLength(2);
    expect(h.sim.sim.deliveries().at(-1)).toMatchObject({ attempt: 2, outcome: 'failed', dropped: true });
  });

  it('None: a single attempt', async () => {
    h = await startSim({
      subscribe: { batchNotify: { size: 3, timeWindow: 60 }, retryPolicy: { policy: 'None' } },
    });
    h.hook.answers.push(500);
    await h.send('Van 01', UNLOCK);
    await settle();
    await h.run(60 * SECOND);
    expect(h.hook.requests).toHaveLength(1);
    expect(h.sim.sim.deliveries()).toEqual([expect.objectContaining({ attempt: 1, dropped: true })]);
  });

  it('counts a timeout as a failure, and retries', async () => {
    h = await startSim({ subscribe: { batchNotify: { size: 3, timeWindow: 60 } } });
    h.hook.answers.push('hang');
    await h.send('Van 01', UNLOCK);
    await settle(); // the recorder never answers: the 500 ms request timeout ends the attempt
    expect(h.sim.sim.deliveries()).toEqual([
      expect.objectContaining({ attempt: 1, outcome: 'failed', error: expect.any(String) }),
    ]);
    await h.run(10 * SECOND);
    expect(h.sim.sim.deliveries().at(-1)).toMatchObject({ attempt: 2, outcome: 'delivered' });
  });

  it('counts an unreachable webhook as a failure', async () => {
    h = await startSim({ subscribe: { retryPolicy: { policy: 'None' } } });
    const gone = await startWebhookRecorder();
    await gone.close(); // nothing listens on its port any more
    await h.sim.updateCallback(
      h.upstreamId,
      subscribeTo(`${gone.url}/hook`, { retryPolicy: { policy: 'None' } }),
    );
    await h.send('Van 01', UNLOCK);
    await settle();
    const log = h.sim.sim.deliveries();
    expect(log).toHaveLength(3);
    for (const d of log)
      expect(d).toMatchObject({ outcome: 'failed', dropped: true, error: expect.any(String) });
  });

  it('sends waiting messages at once after the first 2xx on the callback', async () => {
    h = await startSim({ subscribe: { retryPolicy: { policy: 'Bounded', retryNumber: 5, retryDelay: 60 } } });
    h.hook.answers.push(500); // only the Accepted POST fails
    const rid = await h.send('Van 01', UNLOCK);
    await settle();
    // SentToVehicle got a 200, which flushed the failed Accepted long before its 60 s retry.
    expect(statuses(h.received(rid)).sort()).toEqual(
      ['Accepted', 'Accepted', 'SentToVehicle', 'Success'].sort(),
    );
    expect(h.clock.now().getTime() - Date.parse('2026-01-05T08:00:00.000Z')).toBeLessThan(60 * SECOND);
  });

  it('never retries more than 3 days after the event', async () => {
    const retryDelay = 100_000; // 27.8 h: attempts at 0, 27.8 h, 55.6 h; the next would pass 72 h
    h = await startSim({
      subscribe: {
        batchNotify: { size: 3, timeWindow: 60 },
        retryPolicy: { policy: 'Bounded', retryNumber: 50, retryDelay },
      },
    });
    h.hook.answers.push(...Array<number>(50).fill(500));
    await h.send('Van 01', UNLOCK);
    await settle();
    for (let i = 0; i < 5; i += 1) {
      h.clock.advance(retryDelay * SECOND);
      await h.sim.sim.idle();
    }
    const log = h.sim.sim.deliveries();
    expect(log).toHaveLength(3);
    expect(log.at(-1)).toMatchObject({ attempt: 3, dropped: true });
    expect(Date.parse(log.at(-1)!.at) - Date.parse(log[0]!.at)).toBeLessThan(RETRY_CAP_SECONDS * SECOND);
  });
});

describe('HTTPS webhooks', () => {
  /** A self-signed certificate for 127.0.0.1, made with openssl (as the receiver's TLS tests do). */
  function selfSigned() {
    const dir = tempDir('depot-remote-sim-tls-');
    try {
      execFileSync(
        'openssl',
        ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
          '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir.path, 'key.pem'),
          '-out', join(dir.path, 'cert.pem')],
        { stdio: 'ignore' },
      ); // prettier-ignore
      return { cert: readFileSync(join(dir.path, 'cert.pem')), key: readFileSync(join(dir.path, 'key.pem')) };
    } finally {
      dir.remove();
    }
  }
  const pem = selfSigned();

  it('delivers over HTTPS to a webhook whose CA it is given', async () => {
    h = await startSim({ https: { ...pem, trust: true } });
    expect(h.hook.url).toMatch(/^https:/);
    await h.send('Van 01', UNLOCK);
    await settle();
    expect(h.hook.requests).toHaveLength(3);
  });

  it('fails the delivery when the certificate is not trusted', async () => {
    h = await startSim({ https: { ...pem, trust: false }, subscribe: { retryPolicy: { policy: 'None' } } });
    await h.send('Van 01', UNLOCK);
    await settle();
    expect(h.hook.requests).toHaveLength(0);
    expect(h.sim.sim.deliveries()[0]).toMatchObject({
      outcome: 'failed',
      dropped: true,
      error: expect.any(String),
    });
  });
});

describe('callback status (N2)', () => {
  it('holds events while Paused and sends them once Running again', async () => {
    h = await startSim();
    await h.sim.setCallbackStatus(h.upstreamId, 'Paused');
    const rid = await h.send('Van 01', UNLOCK);
    await h.run(10 * SECOND);
    expect(h.sim.sim.remotes({ vehicleId: h.id('Van 01') })[0]!.done).toBe(true);
    expect(h.hook.requests).toHaveLength(0);
    expect(h.sim.sim.callbacks()[0]!.status).toBe('Paused');
    await h.sim.setCallbackStatus(h.upstreamId, 'Running');
    await h.sim.sim.idle();
    expect(statuses(h.received(rid)).sort()).toEqual(['Accepted', 'SentToVehicle', 'Success'].sort());
  });

  it('holds a retry while Paused', async () => {
    h = await startSim({ subscribe: { batchNotify: { size: 3, timeWindow: 60 } } });
    h.hook.answers.push(500);
    await h.send('Van 01', UNLOCK);
    await settle();
    await h.sim.setCallbackStatus(h.upstreamId, 'Paused');
    await h.run(60 * SECOND);
    expect(h.hook.requests).toHaveLength(1);
    await h.sim.setCallbackStatus(h.upstreamId, 'Running');
    await h.sim.sim.idle();
    expect(h.sim.sim.deliveries().map((d) => [d.attempt, d.outcome])).toEqual([
      [1, 'failed'],
      [2, 'delivered'],
    ]);
  });
});

describe('the connector’s callback rules', () => {
  const expectRefusal = async (p: Promise<unknown>, kind: string, code: string) => {
    const err = await p.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ConnectorError);
    expect(err).toMatchObject({
      kind,
      details: { code, reference: expect.stringMatching(/^[0-9a-f-]{36}$/) },
    });
    return err as ConnectorError;
  };
  const request = (overrides: Partial<Parameters<SimHarness['sim']['sendRemote']>[0]> = {}) => {
    const v = h.engine.vehicle(h.id('Van 01'))!;
    return {
      vehicleId: v.id,
      vin: v.vin,
      callbackId: 'cb-1',
      upstreamCallbackId: h.upstreamId,
      type: 'Horn' as const,
      body: HORN,
      ...overrides,
    };
  };

  it('refuses a remote type the callback does not subscribe (40004)', async () => {
    h = await startSim({ subscribe: { remoteTypes: ['Doors'] } });
    const err = await expectRefusal(h.sim.sendRemote(request()), 'refused', '40004');
    expect(err.message).toMatch(/Horn/);
    expect(h.sim.sim.remotes()).toEqual([]);
  });

  it('refuses an unknown or unregistered callback (40400) and an unknown vehicle (40300)', async () => {
    h = await startSim();
    await expectRefusal(h.sim.sendRemote(request({ upstreamCallbackId: null })), 'refused', '40400');
    await expectRefusal(h.sim.sendRemote(request({ upstreamCallbackId: 'nope' })), 'refused', '40400');
    await expectRefusal(h.sim.sendRemote(request({ vehicleId: 'nope' })), 'refused', '40300');
    await expectRefusal(h.sim.setCallbackStatus('nope', 'Paused'), 'refused', '40400');
    await expectRefusal(h.sim.updateCallback('nope', subscribeTo(h.hook.url)), 'refused', '40400');
    await expectRefusal(h.sim.deleteCallback('nope'), 'refused', '40400');
  });

  it('refuses an invalid remote body or a type that does not match it (40000)', async () => {
    h = await startSim();
    await expectRefusal(
      h.sim.sendRemote(request({ body: { horn: { state: 'Loud' } } as unknown as RemoteBody })),
      'invalid',
      '40000',
    );
    await expectRefusal(h.sim.sendRemote(request({ type: 'Doors' })), 'invalid', '40000');
  });

  it('refuses an invalid callback subscription (40001)', async () => {
    h = await startSim();
    await expectRefusal(
      h.sim.registerCallback(subscribeTo(h.hook.url, { batchNotify: { size: 5, timeWindow: 2 } })),
      'invalid',
      '40001',
    );
  });

  it('refuses to delete a callback while a remote is pending, then deletes it', async () => {
    h = await startSim();
    await h.send('Pool 02', HORN);
    await expectRefusal(h.sim.deleteCallback(h.upstreamId), 'refused', '40003');
    await h.run(60 * SECOND);
    await h.sim.deleteCallback(h.upstreamId);
    expect(h.sim.sim.callbacks()).toEqual([]);
    await expectRefusal(h.sim.sendRemote(request()), 'refused', '40400');
  });

  it('reads a remote by id with its merged status, scoped to its vehicle and callback (N4)', async () => {
    h = await startSim();
    const rid = await h.send('Van 06', LOCK);
    const vid = h.id('Van 06');
    expect(await h.sim.getRemote(vid, h.upstreamId, rid)).toEqual({
      remoteActionId: rid,
      type: 'Doors',
      status: 'Accepted',
    });
    await settle();
    expect(await h.sim.getRemote(vid, null, rid)).toEqual({
      remoteActionId: rid,
      type: 'Doors',
      status: 'Failed',
      failureCause: 'CidInside',
    });
    expect(await h.sim.getRemote(h.id('Van 01'), h.upstreamId, rid)).toBeNull();
    expect(await h.sim.getRemote(vid, 'other-callback', rid)).toBeNull();
    expect(await h.sim.getRemote(vid, h.upstreamId, 'unknown')).toBeNull();
  });

  it('lists a vehicle’s remotes with their bodies, scoped to the vehicle and the callback (getRemoteRequestsForVhl)', async () => {
    h = await startSim();
    const lock = await h.send('Van 06', LOCK);
    const horn = await h.send('Van 06', HORN);
    await h.send('Van 01', HORN);
    const vid = h.id('Van 06');
    const listed = await h.sim.listRemotes!(vid, h.upstreamId);
    expect(listed.map((r) => [r.remoteActionId, r.type, r.remote]).sort()).toEqual(
      [
        [lock, 'Doors', LOCK],
        [horn, 'Horn', HORN],
      ].sort(),
    );
    expect(await h.sim.listRemotes!(vid, 'other-callback')).toEqual([]);
  });

  it('routes each remote’s events to the callback it was sent through', async () => {
    h = await startSim();
    const other = await h.sim.registerCallback(subscribeTo(`${h.hook.url}/second`));
    const v = h.engine.vehicle(h.id('Van 01'))!;
    await h.sim.sendRemote({
      vehicleId: v.id,
      vin: v.vin,
      callbackId: 'cb-2',
      upstreamCallbackId: other.upstreamId,
      type: 'Horn',
      body: HORN,
    });
    await settle();
    expect(h.hook.requests.map((r) => [r.path, r.body.callbackId])).toEqual(
      Array(3).fill(['/second', other.upstreamId]),
    );
  });

  it('stops delivering once closed', async () => {
    h = await startSim();
    await h.send('Pool 02', HORN);
    await h.run(10);
    const before = h.hook.requests.length;
    await h.sim.close();
    h.clock.advance(60 * SECOND);
    expect(h.hook.requests.length).toBe(before);
  });
});
