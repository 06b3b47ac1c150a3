// The fleet list's answer (issue 15, 3 December 2026 session 2: each status digested when it is stored, the page
// answered as its mapper built it) is, byte for byte, what the route answered before: every status parsed from the
// store at the request, each vehicle's condition derived from it then, the page checked and encoded by zod. Compared
// on a real core and API (manual clock) across the simulated fleet's conditions, those the agent's own actions make
// (immobilized, stolen, wake-ups counted and refused, the budget changed), a status that arrives between two reads,
// every filter and order, and the instants where a time-based condition flips: the deep-sleep limit and the month's
// end. The list's summaries and their JSON are kept from one answer to the next: any staleness shows here.
import { afterEach, describe, expect, it } from 'vitest';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { listVehicles } from '../../../preload/contract/operations/vehicles.js';
import {
  SETTINGS_KEY,
  wakeUpBudgetOf,
  type StoredSettings,
} from '../../../main/core/config/stored-settings.js';
import type { Connector } from '../../../main/core/connector/connector.js';
import { createSimulatorConnector } from '../../../main/core/connector/simulator/simulator-connector.js';
import { databaseFile } from '../../../main/core/create-core.js';
import { createRepositories, openDatabase } from '../../../main/core/db/index.js';
import type { RemoteEvent } from '../../../main/core/domain/action.js';
import { fleetComparator, matchesFleetFilter } from '../../../main/core/domain/vehicle/fleet-order.js';
import { readStatus } from '../../../main/core/domain/vehicle/status-readings.js';
import {
  DEEP_SLEEP_AFTER_MS,
  NO_FACTS,
  utcMonth,
  vehicleCondition,
} from '../../../main/core/domain/vehicle/vehicle-condition.js';
import { toVehicleDto } from '../../../main/core/kernel/dto-mappers.js';
import type { FleetListQuery } from '../../../main/core/services/vehicles-service.js';
import { callbackBody, startHarness, type Harness } from '../../helpers/api-harness.js';
import { scriptedConnector, type ScriptedConnector } from '../../helpers/scripted-connector.js';

const QUERIES: [string, Omit<FleetListQuery, 'limit' | 'offset'> & { limit?: number; offset?: number }][] = [
  ['', {}],
  ['&sort=state&order=desc', { sort: 'state', order: 'desc' }],
  ['&state=Asleep,DeepSleepRisk', { state: ['Asleep', 'DeepSleepRisk'] }],
  ['&readiness=ready,will-wake&sort=label', { readiness: ['ready', 'will-wake'], sort: 'label' }],
  ['&sort=statusAt&order=desc&offset=3', { sort: 'statusAt', order: 'desc', limit: 7, offset: 3 }],
  ['&search=0&offset=2', { search: '0', limit: 5, offset: 2 }],
];

const encodePage = serializerCompiler({
  schema: listVehicles.output,
  method: 'GET',
  url: '/api/v1/vehicles',
  httpStatus: '200',
} as Parameters<typeof serializerCompiler>[0]);

/** The answer as the route gave it before: read on a connection of its own, so nothing is shared with the core's. */
function before(h: Harness, query: FleetListQuery): string {
  const db = openDatabase(databaseFile(h.dataDir));
  try {
    const repos = createRepositories(db);
    const nowMs = h.clock.now().getTime();
    const facts = repos.vehicleFacts.all(utcMonth(nowMs));
    const wakeUpBudget = wakeUpBudgetOf(repos.settings.get<StoredSettings>(SETTINGS_KEY));
    const search = query.search !== undefined ? { search: query.search } : {};
    const all = repos.vehicles.list({ ...search, limit: -1, offset: 0 }).map((v) => {
      const c = vehicleCondition({
        status: v.status,
        statusAt: v.statusAt,
        facts: facts.get(v.id) ?? NO_FACTS,
        nowMs,
        wakeUpBudget,
      });
      const { status: _status, ...summary } = toVehicleDto(v, c);
      return summary;
    });
    const filter = {
      ...(query.state ? { states: query.state } : {}),
      ...(query.readiness ? { readiness: query.readiness } : {}),
    };
    const matching = all.filter((v) => matchesFleetFilter(v, filter));
    const ordered = query.sort === 'vin' && query.order === 'asc';
    if (!ordered) matching.sort(fleetComparator(query.sort ?? 'vin', query.order ?? 'asc'));
    const { limit, offset } = query;
    return encodePage({
      items: matching.slice(offset, offset + limit),
      total: matching.length,
      limit,
      offset,
    });
  } finally {
    db.close();
  }
}

let h: Harness;
afterEach(async () => h?.close());

/** Every query's answer now, against the one built the way it was before. Returns the whole fleet's answer. */
async function sameAsBefore(): Promise<{ items: { id: string; states: string[] }[] }> {
  let whole = '';
  for (const [text, q] of QUERIES) {
    const res = await h.call({ method: 'GET', url: `/api/v1/vehicles?limit=${q.limit ?? 5000}${text}` });
    expect(res.statusCode, res.body).toBe(200);
    const query: FleetListQuery = { sort: 'vin', order: 'asc', limit: 5000, offset: 0, ...q };
    expect(res.body, `${text} at ${h.clock.nowIso()}`).toBe(before(h, query));
    if (text === '') whole = res.body;
  }
  return JSON.parse(whole);
}

describe('the fleet answer, byte for byte as before', () => {
  it('across the simulated fleet, at the deep-sleep limit and at the month’s end', async () => {
    h = await startHarness({
      connector: (clock) => createSimulatorConnector({ clock, seed: 42, vehicles: 300 }),
    });
    await h.core.services.vehicles.refreshAllStatuses();
    const first = await sameAsBefore();
    const shown = (states: string) => first.items.filter((v) => v.states.includes(states)).length;
    for (const s of [
      'Asleep',
      'DeepSleepRisk',
      'Immobilized',
      'Stolen',
      'PrivacyMode',
      'Charging',
      'DoorsOpen',
    ])
      expect(shown(s), s).toBeGreaterThan(0);

    // The vehicle that falls into deep sleep next: not at its limit, at the millisecond after it.
    const statuses = await Promise.all(
      first.items.map(async (v) => (await h.call({ method: 'GET', url: `/api/v1/vehicles/${v.id}` })).json()),
    );
    const next = statuses
      .filter((v) => v.status && !v.states.includes('DeepSleepRisk'))
      .map((v) => ({ id: v.id as string, lastActivityAt: readStatus(v.status).lastActivityAt }))
      .filter((v): v is { id: string; lastActivityAt: string } => v.lastActivityAt !== null)
      .sort((a, b) => a.lastActivityAt.localeCompare(b.lastActivityAt))[0]!;
    const limit = Date.parse(next.lastActivityAt) + DEEP_SLEEP_AFTER_MS;
    const statesOf = (page: Awaited<ReturnType<typeof sameAsBefore>>) =>
      page.items.find((v) => v.id === next.id)!.states;
    h.clock.set(new Date(limit).toISOString());
    expect(statesOf(await sameAsBefore())).not.toContain('DeepSleepRisk');
    h.clock.set(new Date(limit + 1).toISOString());
    expect(statesOf(await sameAsBefore())).toContain('DeepSleepRisk');

    // The month's last millisecond and the next month's first: the wake-up month and its reset move.
    const month = utcMonth(h.clock.now().getTime());
    h.clock.set(new Date(Date.parse(month.to) - 1).toISOString());
    await sameAsBefore();
    h.clock.set(month.to);
    await sameAsBefore();
  }, 60_000);

  it('with the conditions the agent’s own actions make, and a status that arrives between two reads', async () => {
    const VAN = 'veh-e208-01';
    const VAN_VIN = 'VR3UHZKXZMT000001';
    let doors: 'Open' | 'Closed' = 'Closed';
    /** Off while the actions play: their facts then change with no new status (a read follows each Done). */
    let readable = true;
    const net: ScriptedConnector = scriptedConnector();
    const connector = (): Connector => ({
      ...net,
      getVehicleStatus: async (id) => {
        const at = h.clock.nowIso();
        return id === VAN && readable
          ? { ignition: { createdAt: at, type: 'Stop' }, doorsState: { createdAt: at, lockedStates: ['Unlocked'],
              opening: [{ identifier: 'Driver', state: doors }] } }
          : null;
      }, // prettier-ignore
    });
    h = await startHarness({ connector });
    await h.core.services.vehicles.refreshAllStatuses();
    const cbid = (await h.call({ method: 'POST', url: '/api/v1/callbacks', payload: callbackBody() })).json()
      .id;
    const event = (rid: string, remoteType: RemoteEvent['remoteType'], type: 'Pending' | 'Done', status: string,
      failureCause?: string): RemoteEvent => ({
      remoteActionId: rid, vin: VAN_VIN, eventDate: h.clock.nowIso(), remoteType,
      eventStatus: type === 'Pending' ? { type, status }
        : { type, status: status as 'Success' | 'Failed', ...(failureCause ? { failureCause } : {}) },
    }); // prettier-ignore
    async function play(rid: string, body: object, steps: string[], failureCause?: string) {
      net.next = { id: rid };
      const url = `/api/v1/vehicles/${VAN}/callbacks/${cbid}/remotes`;
      const headers = { 'x-depot-reason': 'Checking the fleet answer' };
      const res = await h.call({ method: 'POST', url, payload: body, headers });
      expect(res.statusCode, res.body).toBe(202);
      const type = res.json().type;
      for (const step of steps) await net.emit([event(rid, type, 'Pending', step)]);
      await net.emit([event(rid, type, 'Done', failureCause ? 'Failed' : 'Success', failureCause)]);
      h.clock.advance(1000);
    }

    await sameAsBefore();
    readable = false;
    await play('rid-1', { immobilization: { activate: true } }, ['Accepted']);
    await play('rid-2', { stolen: { stolen: true } }, ['Accepted']);
    await play('rid-3', { horn: { state: 'Activated' } }, ['Accepted', 'WakingUpVehicle', 'SentToVehicle']);
    const acted = await sameAsBefore();
    expect(acted.items.find((v) => v.id === VAN)!.states).toEqual(['Stolen', 'Immobilized', 'Unlocked']);

    // The network refuses the lights as not allowed: the capability is learnt unsupported, the status unchanged.
    await play('rid-5', { lights: { on: true } }, ['Accepted'], 'MissingRights');
    const learnt = (await sameAsBefore()).items.find((v) => v.id === VAN) as unknown as {
      capabilities: Record<string, { supported: boolean }>;
    };
    expect(learnt.capabilities.Lights!.supported).toBe(false);

    // The budget lowered to the one wake-up used (written as the settings service writes it): no wake-ups left.
    const db = openDatabase(databaseFile(h.dataDir));
    try {
      const { settings } = createRepositories(db);
      const stored = settings.get<StoredSettings>(SETTINGS_KEY);
      settings.set(SETTINGS_KEY, { ...stored, wakeUps: { monthlyBudget: 1 } }, h.clock.nowIso());
    } finally {
      db.close();
    }
    const spent = await sameAsBefore();
    expect(spent.items.find((v) => v.id === VAN)!.states).toContain('NoWakeUpsLeft');

    await play('rid-4', { horn: { state: 'Activated' } }, ['Accepted'], 'TooManyWakeUpsOverMonth');
    readable = true;
    doors = 'Open';
    h.clock.advance(4 * 60_000); // read again after the awake window: asleep as read, doors open
    expect(await h.core.services.vehicles.refreshStatus(VAN)).toBe(true);
    const reread = await sameAsBefore();
    expect(reread.items.find((v) => v.id === VAN)!.states).toEqual([
      'Stolen',
      'Immobilized',
      'NoWakeUpsLeft',
      'DoorsOpen',
      'Unlocked',
    ]);
  }, 30_000);
});
