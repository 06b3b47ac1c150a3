// A bulk doors-lock to a group of 10 simulator vehicles, through the API on 127.0.0.1: previewed, started (202),
// sent at the pace of the settings, each vehicle's command reaching its end through the receiver, the incapable
// vehicle skipped with its reason; the report downloads as CSV; the notifier hears the counts; cancelling stops
// what was not sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingsWith, startRoutinesWorld, type Answer, type RoutinesWorld } from './routines-world.js';

const LOCK = { door: { state: 'Locked' } };
/** Loaner 09 has e-remote only: no doors. The others lock (Van 01 and Van 15 are locked already: AlreadyDone). */
const LABELS = [
  'Van 01',
  'Pool 02',
  'Van 03',
  'Pool 04',
  'Loaner 09',
  'Van 15',
  'Site 18',
  'Exec 20',
  'Van 21',
  'Pool 25',
];

let w: RoutinesWorld;
beforeAll(async () => {
  w = await startRoutinesWorld();
  // The fleet view's states come from each vehicle's status, read in the background at start.
  await w.run(async () => {
    const page = await w.api('GET', '/vehicles?limit=100');
    return page.body.items.every((v: { statusAt: string | null }) => v.statusAt !== null);
  });
});
afterAll(async () => w?.close());

const bulkOf = async (bulkId: string) => (await w.api('GET', `/bulk-remotes/${bulkId}`)).body;
const over = (bulkId: string) => async () => (await bulkOf(bulkId)).finishedAt !== null;

describe('a bulk doors-lock to a group of 10 simulator vehicles', () => {
  let groupId: string;
  let bulkId: string;

  it('previews the plan: nine to send, Loaner 09 skipped as not capable, nothing stored', async () => {
    const group = await w.api('POST', '/groups', { name: 'Depot A', vehicleIds: LABELS.map(w.id) });
    expect(group.status, group.text).toBe(201);
    groupId = group.body.id;

    const plan = await w.api('POST', '/bulk-remotes?dryRun=true', { groupId, remote: LOCK });
    expect(plan.status, plan.text).toBe(200);
    expect(plan.body).toMatchObject({ dryRun: true, type: 'Doors', callbackId: 'workstation' });
    expect(plan.body.counts).toMatchObject({ total: 10, queued: 9, skipped: 1 });
    const skipped = plan.body.items.filter((i: { state: string }) => i.state === 'skipped');
    expect(skipped).toEqual([
      expect.objectContaining({ vehicleId: w.id('Loaner 09'), label: 'Loaner 09', reason: 'NOT_CAPABLE' }),
    ]);
    // Nine sends at the default pace (600 a minute): 8 intervals of 0.1 s.
    expect(plan.body.estimatedSeconds).toBe(0.8);
    expect((await w.api('GET', '/bulk-remotes')).body.total).toBe(0);
    expect(w.engine.remotes()).toEqual([]);
  });

  it('starts (202 {bulkId}) and each vehicle reaches its end, sent once', async () => {
    const started = await w.api('POST', '/bulk-remotes', { groupId, remote: LOCK });
    expect(started.status, started.text).toBe(202);
    bulkId = started.body.bulkId;
    expect(Object.keys(started.body)).toEqual(['bulkId']);

    await w.run(over(bulkId));
    const bulk = await bulkOf(bulkId);
    expect(bulk).toMatchObject({ status: 'finished', type: 'Doors', groupId, callbackId: 'workstation' });
    expect(bulk.counts).toMatchObject({ total: 10, done: 9, skipped: 1, queued: 0, sent: 0, failed: 0 });
    for (const item of bulk.items) {
      if (item.label === 'Loaner 09') {
        expect(item).toMatchObject({ state: 'skipped', reason: 'NOT_CAPABLE', remoteActionId: null });
        expect(w.sendsTo(item.vehicleId)).toBe(0);
        continue;
      }
      expect(item, item.label).toMatchObject({ state: 'done', reason: null });
      expect(['Success', 'AlreadyDone']).toContain(item.outcome);
      expect(w.sendsTo(item.vehicleId), item.label).toBe(1);
      // Each vehicle got a normal remote action of its own, Done like any other.
      const action = await w.api('GET', `/remotes/${item.remoteActionId}`);
      // …which names the bulk that sent it, so clients tell the bulk's end once rather than each command's.
      expect(action.body).toMatchObject({ phase: 'Done', vin: item.vin, type: 'Doors', bulkId });
    }
    expect(bulk.items.find((i: { label: string }) => i.label === 'Van 01').outcome).toBe('AlreadyDone');
  });

  it('tells the notifier once, with the counts, and audits the start and the end', async () => {
    expect(w.finished.filter((f) => f.bulkId === bulkId)).toEqual([
      {
        bulkId,
        type: 'Doors',
        status: 'finished',
        counts: expect.objectContaining({ total: 10, done: 9, skipped: 1 }),
      },
    ]);
    const audit = await w.api('GET', '/audit?limit=50');
    const actions = audit.body.items.map((e: { action: string }) => e.action);
    expect(actions).toContain('bulk.start');
    expect(actions).toContain('bulk.finish');
    expect(actions.filter((a: string) => a === 'remote.send')).toHaveLength(9);
  });

  it('downloads the report as CSV: a header and one row per vehicle', async () => {
    const report = await w.api('GET', `/bulk-remotes/${bulkId}/report.csv`);
    expect(report.status).toBe(200);
    expect(report.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(report.headers.get('content-disposition')).toBe(`attachment; filename="bulk-${bulkId}.csv"`);
    const lines = report.text.split('\r\n');
    expect(lines[0]).toBe('VIN,label,state,outcome,failure cause,reason,sent at,ended at');
    expect(lines).toHaveLength(12); // header, 10 rows, and the empty string after the last CRLF
    expect(lines[11]).toBe('');
    const loaner = lines.find((l) => l.includes('Loaner 09'))!;
    expect(loaner.split(',')).toEqual([
      w.engine.vehicle(w.id('Loaner 09'))!.vin,
      'Loaner 09',
      'skipped',
      '',
      '',
      'NOT_CAPABLE',
      '',
      expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    ]);
    const van = lines.find((l) => l.includes('Van 21'))!.split(',');
    expect(van.slice(1, 4)).toEqual(['Van 21', 'done', 'Success']);
    expect(Date.parse(van[6]!)).toBeLessThanOrEqual(Date.parse(van[7]!));
  });

  it('answers 409 BULK_NOT_RUNNING to a cancel once it is over', async () => {
    const res = await w.api('POST', `/bulk-remotes/${bulkId}/cancel`);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('BULK_NOT_RUNNING');
  });
});

describe('cancelling a bulk', () => {
  it('cancels the vehicles not yet sent; those sent go on to their end', async () => {
    // One a minute: the first goes at once, the second a minute later.
    expect((await w.api('PUT', '/settings', settingsWith(1))).status).toBe(200);
    const labels = ['Van 21', 'Exec 20', 'Site 18', 'Pool 25'];
    const before = labels.map((l) => w.sendsTo(w.id(l)));
    const started = await w.api('POST', '/bulk-remotes', {
      vehicleIds: labels.map(w.id),
      remote: { horn: { state: 'Activated' } },
    });
    expect(started.status, started.text).toBe(202);
    const { bulkId } = started.body;
    // (A minute after the last send of the bulk before, at this pace.)
    const sentOrDone = async () => {
      const { counts } = await bulkOf(bulkId);
      return counts.sent + counts.done;
    };
    await w.run(async () => (await sentOrDone()) === 1, 120_000, 1000);

    const cancelled = await w.api('POST', `/bulk-remotes/${bulkId}/cancel`, undefined, {
      'x-depot-reason': 'Wrong vans',
    });
    expect(cancelled.status, cancelled.text).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect(cancelled.body.counts).toMatchObject({ cancelled: 3 });

    // Minutes later: nothing more was sent; the one sent reached its end and the bulk is over.
    await w.run(over(bulkId), 300_000, 1000);
    const bulk = await bulkOf(bulkId);
    expect(bulk.counts).toMatchObject({ total: 4, done: 1, cancelled: 3, queued: 0, sent: 0 });
    expect(bulk.status).toBe('cancelled');
    expect(labels.map((l) => w.sendsTo(w.id(l)) - before[labels.indexOf(l)]!)).toEqual([1, 0, 0, 0]);
    expect(w.finished.at(-1)).toMatchObject({ bulkId, status: 'cancelled' });
    expect((await w.api('PUT', '/settings', settingsWith(600))).status).toBe(200);
  });
});

describe('a vehicle whose send is refused when its turn comes', () => {
  it('is skipped REFUSED with the refusal’s code; the bulk acts with its sender’s role at each send', async () => {
    const technician = (await w.api('POST', '/tokens', { label: 'yard system', role: 'technician' })).body
      .token;
    expect((await w.api('PUT', '/settings', settingsWith(60))).status).toBe(200);
    const labels = ['Van 21', 'Exec 20', 'Site 18'];
    const started = await w.api(
      'POST',
      '/bulk-remotes',
      { vehicleIds: labels.map(w.id), remote: { horn: { state: 'Activated' } } },
      { authorization: `Bearer ${technician}` },
    );
    expect(started.status, started.text).toBe(202);
    const { bulkId } = started.body;
    await w.run(async () => (await bulkOf(bulkId)).counts.queued === 2, 120_000, 100);

    // From now on honking needs an admin: the two vehicles still queued are refused when their turn comes.
    expect((await w.api('PUT', '/policy', { rules: { Horn: 'admin' } })).status).toBe(200);
    await w.run(over(bulkId), 120_000, 100);
    const bulk = await bulkOf(bulkId);
    expect(
      bulk.items.map((i: { state: string; reason: string | null; detail: string | null }) => [
        i.state,
        i.reason,
        i.detail,
      ]),
    ).toEqual([
      ['done', null, null],
      ['skipped', 'REFUSED', 'FORBIDDEN'],
      ['skipped', 'REFUSED', 'FORBIDDEN'],
    ]);
    expect(bulk.createdBy).toMatchObject({ kind: 'token', name: 'yard system', role: 'technician' });
    expect((await w.api('PUT', '/policy', { rules: {} })).status).toBe(200);
  });
});

describe('a technician’s bulk approved by a supervisor on their screen', () => {
  /** A browser's cookies, over real HTTP: enrolled by the machine token, then signed in with a PIN. */
  async function signedIn(name: string, role: string, pin: string) {
    expect((await w.api('POST', '/operators', { name, role, pin })).status).toBe(201);
    const cookies = new Map<string, string>();
    const keep = (res: Answer) => {
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const [key, value] = pair!.split('=');
        cookies.set(key!, value!);
      }
      return res;
    };
    const cookie = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    keep(await w.api('POST', '/session/enrol'));
    const signIn = keep(
      await w.api('POST', '/session', { operator: name, pin }, { authorization: '', cookie: cookie() }),
    );
    expect(signIn.status, signIn.text).toBe(200);
    return (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
      w.api(method, path, body, { authorization: '', cookie: cookie(), ...headers });
  }

  it('checks the approval once, and each vehicle’s command records the approver', async () => {
    expect(
      (await w.api('POST', '/operators', { name: 'Sam', role: 'supervisor', pin: '246810' })).status,
    ).toBe(201);
    const tess = await signedIn('Tess', 'technician', '135790');
    const body = {
      vehicleIds: ['Van 21', 'Pool 04'].map(w.id),
      remote: { immobilization: { activate: true } },
    };
    const reason = { 'x-depot-reason': 'Vans stay in the yard tonight' };
    expect((await tess('POST', '/bulk-remotes', body, reason)).status).toBe(403);
    const started = await tess('POST', '/bulk-remotes', body, {
      ...reason,
      'x-depot-approver': 'Sam',
      'x-depot-approver-pin': '246810',
    });
    expect(started.status, started.text).toBe(202);
    const { bulkId } = started.body;
    await w.run(over(bulkId), 120_000, 100);
    const bulk = await bulkOf(bulkId);
    expect(bulk.counts).toMatchObject({ total: 2, done: 2 });
    for (const item of bulk.items) {
      const action = (await w.api('GET', `/remotes/${item.remoteActionId}`)).body;
      expect(action).toMatchObject({
        sentBy: { name: 'Tess', role: 'technician' },
        approvedBy: { name: 'Sam', role: 'supervisor' },
        reason: 'Vans stay in the yard tonight',
      });
    }
    const [start] = (await w.api('GET', '/audit?limit=1&action=bulk.start')).body.items;
    expect(start.detail.approvedBy).toMatchObject({ name: 'Sam', role: 'supervisor' });
    // The approver's PIN was checked, never kept.
    expect(JSON.stringify(await w.api('GET', '/audit?limit=100'))).not.toContain('246810');
  });
});
