// Every operation of the registry, driven with the same inputs through both transports against one real core:
// over HTTP (the renderer's HTTP client → the real API on 127.0.0.1) and over IPC (the real preload bridge → the
// shared electron fake → register-ipc), both served by the same core handlers. The answers — values, or failures
// as {status, code, message, errors} — must be the same once ids a twin call creates are set aside.
import { desktopSessionOf } from '../helpers/desktop-session.js';
import { adminActor } from '../helpers/actors.js';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAgentOptions } from '../../main/core/config/agent-options.js';
import { createOperationHandlers, type OperationHandlers } from '../../main/core/operations/handlers.js';
import { silentLogger } from '../../main/core/ports/logger.js';
import { manualClock } from '../../main/core/ports/clock.js';
import { createCheckOnlyPort, createUpdateCenter } from '../../main/core/updates/index.js';
import { createSettingsPort } from '../../main/headless/settings-port.js';
import { createEventPush } from '../../main/shell/ipc/event-push.js';
import { registerIpc } from '../../main/shell/ipc/register-ipc.js';
import { createSenderCheck } from '../../main/shell/ipc/sender-check.js';
import { createBridge } from '../../preload/bridge/create-bridge.js';
import { asClientFailure, type DepotRemoteClient } from '../../preload/contract/client.js';
import {
  OPERATION_NAMES,
  OPERATIONS,
  type OperationInput,
  type OperationName,
} from '../../preload/contract/operations/index.js';
import { createHttpClient } from '../../renderer/src/api/http-client.js';
import { callbackBody, startHarness, TOKEN, type Harness } from '../helpers/api-harness.js';
import { FakeWebContents, ipcRenderer, resetElectronFake } from '../shell/electron-fake.js';

const VEHICLE = 'veh-e208-01';
const VIN = 'VR3UHZKXZMT000001';
const ACTOR = adminActor('tests');

let h: Harness;
let handlers: OperationHandlers;
let http: DepotRemoteClient;
let ipc: DepotRemoteClient;
let unregister: () => void;
/** What the scenarios share: a callback with a finished action and its deliveries, quarantined notifications. */
const world = { cbid: '', rid: '', deliveryId: '', quarantined: [] as number[], operatorId: '' };

beforeAll(async () => {
  resetElectronFake();
  h = await startHarness({
    api: (core) => {
      const parsed = parseAgentOptions([], { DEPOT_REMOTE_DATA_DIR: '/tmp/unused' });
      if (parsed.help) throw new Error('unexpected');
      handlers = createOperationHandlers({
        core,
        machineToken: TOKEN,
        settings: createSettingsPort(core, parsed.options, { argv: [], env: {}, startStored: null }),
        version: '0.0.0-test',
        startedAt: Date.now(),
        updates: createUpdateCenter({
          feed: core.services.updateFeed,
          port: createCheckOnlyPort({ version: '0.0.0-test' }),
          bus: core.bus,
          clock: manualClock(),
          logger: silentLogger,
          version: '0.0.0-test',
        }),
      });
      return { operations: { registry: OPERATIONS, handlers } };
    },
  });
  await h.app.listen({ port: 0, host: '127.0.0.1' });
  const port = (h.app.server.address() as AddressInfo).port;
  http = createHttpClient({
    baseUrl: `http://127.0.0.1:${port}`,
    fetchImpl: (url, init) =>
      fetch(url, { ...init, headers: { ...(init?.headers as object), authorization: `Bearer ${TOKEN}` } }),
  });

  const page = new FakeWebContents();
  page.finishLoad('app://depot-remote/index.html');
  unregister = registerIpc({
    handlers,
    session: desktopSessionOf(h.core),
    isTrustedSender: createSenderCheck((contents) => contents === (page as unknown)),
    events: createEventPush(h.core.changes),
    rendererLog: () => {},
    logger: silentLogger,
  });
  ipcRenderer.rendererSender = { sender: page };
  ipc = createBridge(ipcRenderer);
  // The window signs in as HTTP does (an operator exists below, so it no longer acts as the machine by itself).
  await ipc.signIn({ body: { token: TOKEN } });

  const { callbacks, remotes, deliveries } = h.core.services;
  world.cbid = (await callbacks.create(callbackBody(), ACTOR)).id;
  const action = await remotes.send({
    vehicleRef: VEHICLE,
    callbackId: world.cbid,
    body: { door: { state: 'Locked' } },
    actor: ACTOR,
  });
  world.rid = action.remoteActionId;
  world.operatorId = (
    await h.core.services.operators.create(ACTOR, { name: 'Sam', role: 'supervisor', pin: '246810' })
  ).id;
  h.clock.advance(5_000);
  world.deliveryId = deliveries.list({ callbackId: world.cbid, limit: 1, offset: 0 }).items[0]!.id;
  for (let i = 0; i < 5; i += 1) {
    const receipt = await h.core.inbox.submit({
      callbackId: world.cbid,
      body: Buffer.from(`{"events": [broken ${i}`),
      contentType: 'application/json',
      headers: {},
      remoteAddress: '127.0.0.1',
    });
    world.quarantined.push(receipt.quarantineId!);
  }
});

afterAll(async () => {
  unregister?.();
  await h?.close();
});

type Outcome = { ok: true; value: unknown } | { ok: false; error: ReturnType<typeof asClientFailure> };

async function run(client: DepotRemoteClient, name: OperationName, input: unknown): Promise<Outcome> {
  const method = client[name] as (input?: unknown) => Promise<unknown>;
  try {
    return { ok: true, value: await method(input) };
  } catch (error) {
    return { ok: false, error: asClientFailure(error) };
  }
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** What differs between two equal answers: ids a twin call created, and the uptime. */
function normalise(value: unknown, key = ''): unknown {
  if (typeof value === 'string') return value.replace(UUID, '<id>');
  if (Array.isArray(value)) return value.map((v) => normalise(v));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, normalise(v, k)]),
    );
  }
  if (key === 'uptimeSeconds') return 0;
  return value;
}

interface Scenario {
  /** The input of each transport: the same one, or twins (two targets alike) where a call uses its target up. */
  inputs: () => Promise<[unknown, unknown]>;
  /** Between the two calls (e.g. let the first action finish). */
  between?: () => void;
  /** Further fields that differ between twins. */
  normalise?: (value: unknown) => unknown;
  /** The call must succeed (else the failure, equal on both sides, would be all that is compared). */
  succeeds?: boolean;
  /** After both calls (e.g. sign the window in again). */
  after?: () => Promise<void>;
}
const same =
  <K extends OperationName>(input?: OperationInput<K>) =>
  async (): Promise<[unknown, unknown]> => [input, input];
const twins = async (make: () => Promise<unknown>): Promise<[unknown, unknown]> => [
  await make(),
  await make(),
];
const scratchCallback = async () => (await h.core.services.callbacks.create(callbackBody(), ACTOR)).id;
/** Three horns to the second vehicle through the built-in callback (no deliveries): the last two wait. */
const queuedHorns = async () => {
  const horn = () =>
    h.core.services.remotes.send({
      vehicleRef: 'veh-c5ax-02',
      callbackId: 'workstation',
      body: { horn: { state: 'Activated' } },
      actor: ACTOR,
    });
  await horn();
  return [(await horn()).remoteActionId, (await horn()).remoteActionId] as const;
};
const withoutId = (value: unknown) => {
  const v = value as { id?: unknown; entry?: { id?: unknown } };
  return {
    ...v,
    ...(v.id !== undefined ? { id: 0 } : {}),
    ...(v.entry ? { entry: { ...v.entry, id: 0 } } : {}),
  };
};

/** A browser is enrolled or not; the desktop window always is: the one field where the transports differ. */
const withoutEnrolment = (value: unknown) => ({ ...(value as object), enrolled: null });
const withoutTimes = (value: unknown) => ({
  ...(value as object),
  createdAt: null,
  updatedAt: null,
  lastSignInAt: null,
});
const newOperator = async () =>
  (
    await h.core.services.operators.create(ACTOR, {
      name: `Op ${Math.random()}`,
      role: 'technician',
      pin: '135790',
    })
  ).id;
const newToken = async () => h.core.services.tokens.create(ACTOR, { label: 'scratch', role: 'viewer' }).id;

const SETTINGS = {
  connector: 'simulator' as const,
  stellantis: { baseUrl: '', fleetId: '', clientId: '', user: '', certFile: '', keyFile: '', caFile: '' },
  publicReceiverUrl: null,
  receiver: { port: 5781, bind: '127.0.0.1', tls: null },
  notifications: { desktop: false },
};

/** Doors locked on weekdays at 18:00 (site time), for the first vehicle. */
const SCHEDULE_BODY = {
  name: 'Closing lock',
  remote: { door: { state: 'Locked' } },
  vehicleIds: [VEHICLE],
  rule: {
    days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'] as ('Mon' | 'Tue' | 'Wed' | 'Thu' | 'Fri')[],
    time: '18:00',
  },
};
const scratchSchedule = async () => h.core.services.schedules.create(SCHEDULE_BODY, ACTOR).id;

/** A group of the first vehicle; `name` set apart where twins need two. */
const scratchGroup = async (name = `Group ${Math.random()}`) =>
  h.core.services.groups.create(ACTOR, { name, vehicleIds: [VEHICLE] }).id;
/** A horn to Loaner 03, which has none: skipped at once, so the bulk is over and nothing is sent. */
let overBulk: string | null = null;
const finishedBulk = async () =>
  (overBulk ??= (
    await h.core.services.bulk.start({
      actor: ACTOR,
      remote: { horn: { state: 'Activated' } },
      vehicleIds: ['veh-corsa-03'],
    })
  ).bulkId);
/** A horn to Courtesy 04 and the first vehicle: running (the second waits for the pace, the clock stands still). */
const runningBulk = async () =>
  (
    await h.core.services.bulk.start({
      actor: ACTOR,
      remote: { horn: { state: 'Activated' } },
      vehicleIds: ['veh-500-04', VEHICLE],
    })
  ).bulkId;

/** One scenario per operation: a new entry fails to compile here until it is driven. */
const SCENARIOS: Record<OperationName, Scenario> = {
  health: { inputs: same(), succeeds: true },
  listVehicles: {
    // Lists go as repeated or comma-separated parameters over HTTP, as arrays over IPC.
    inputs: same({ limit: 2, offset: 1, readiness: ['ready', 'unknown'], sort: 'label', order: 'desc' }),
    succeeds: true,
  },
  getVehicle: { inputs: same({ vid: VIN }), succeeds: true },
  listCallbacks: { inputs: same(), succeeds: true },
  getCallback: { inputs: async () => [{ cbid: world.cbid }, { cbid: world.cbid }], succeeds: true },
  createCallback: {
    inputs: same({ body: callbackBody({ label: 'twin' }), operator: 'Jérôme' }),
    succeeds: true,
  },
  replaceCallback: {
    inputs: async () => {
      const cbid = await scratchCallback();
      return [
        { cbid, body: callbackBody({ label: 'replaced' }), operator: 'Ana' },
        { cbid, body: callbackBody({ label: 'replaced' }), operator: 'Ana' },
      ];
    },
    succeeds: true,
  },
  setCallbackStatus: {
    inputs: async () => {
      const cbid = await scratchCallback();
      return [
        { cbid, body: { status: 'Paused' } },
        { cbid, body: { status: 'Paused' } },
      ];
    },
    succeeds: true,
  },
  deleteCallback: {
    inputs: () => twins(async () => ({ cbid: await scratchCallback(), operator: 'Ana', reason: 'Tidy up' })),
    succeeds: true,
  },
  sendTestNotification: {
    inputs: async () => [
      { cbid: world.cbid, operator: 'Ana' },
      { cbid: world.cbid, operator: 'Ana' },
    ],
    succeeds: true,
  },
  sendRemote: {
    inputs: async () => {
      const cbid = await scratchCallback();
      const input = { vid: VEHICLE, cbid, body: { horn: { state: 'Activated' } }, operator: 'Ana' };
      return [input, input];
    },
    // One command per vehicle and feature: the first is over before the second goes.
    between: () => h.clock.advance(5_000),
    succeeds: true,
  },
  listVehicleCallbackRemotes: {
    inputs: async () => [
      { vid: VIN, cbid: world.cbid },
      { vid: VIN, cbid: world.cbid },
    ],
    succeeds: true,
  },
  getVehicleCallbackRemote: {
    inputs: async () => [
      { vid: VEHICLE, cbid: world.cbid, rid: world.rid },
      { vid: VEHICLE, cbid: world.cbid, rid: world.rid },
    ],
    succeeds: true,
  },
  listRemotes: {
    inputs: same({ vehicle: VIN, type: 'Doors', phase: 'Done', limit: 5 }),
    succeeds: true,
  },
  getRemote: { inputs: async () => [{ rid: world.rid }, { rid: world.rid }], succeeds: true },
  cancelRemote: {
    // Two horns wait behind another: one is cancelled over each transport.
    inputs: async () => {
      const [b, c] = await queuedHorns();
      return [
        { rid: b, operator: 'Ana' },
        { rid: c, operator: 'Ana' },
      ];
    },
    succeeds: true,
  },
  resendRemote: {
    // Two cancelled horns, each sent again: both wait behind the horn in flight, one place apart. (No clock moves
    // here: the outbox's probes of the callbacks' unreachable target would then race the deliveries' scenario.)
    inputs: async () => {
      const [b, c] = await queuedHorns();
      for (const rid of [b, c]) await h.core.services.remotes.cancel(rid, ACTOR);
      return [{ rid: b }, { rid: c }];
    },
    normalise: (v) => {
      const action = v as { queue?: object };
      return { ...action, queue: { ...action.queue, position: 0 } };
    },
    succeeds: true,
  },
  listDeliveries: {
    // since/until reach the desktop too (they were HTTP-only).
    inputs: async () => {
      const input = {
        callback: world.cbid,
        since: '2026-01-05T08:00:00Z',
        until: '2026-01-05T10:00:00+01:00',
        limit: 10,
      };
      return [input, input];
    },
    succeeds: true,
  },
  getDelivery: { inputs: async () => [{ id: world.deliveryId }, { id: world.deliveryId }], succeeds: true },
  listDeliveryTargets: { inputs: same(), succeeds: true },
  retryDelivery: {
    inputs: async () => [
      { id: world.deliveryId, operator: 'Ana' },
      { id: world.deliveryId, operator: 'Ana' },
    ],
  },
  retryCallbackDeliveries: {
    inputs: async () => [{ cbid: world.cbid }, { cbid: world.cbid }],
    succeeds: true,
  },
  listQuarantine: { inputs: same({ unresolved: true, limit: 10 }), succeeds: true },
  getQuarantine: {
    inputs: async () => [{ id: world.quarantined[0]! }, { id: world.quarantined[0]! }],
    succeeds: true,
  },
  replayQuarantine: {
    inputs: async () => [
      { id: world.quarantined[1]!, operator: 'Ana' },
      { id: world.quarantined[2]!, operator: 'Ana' },
    ],
    normalise: withoutId,
    succeeds: true,
  },
  resolveQuarantine: {
    inputs: async () => [
      { id: world.quarantined[3]!, operator: 'Ana', reason: 'Sent twice' },
      { id: world.quarantined[4]!, operator: 'Ana', reason: 'Sent twice' },
    ],
    normalise: withoutId,
    succeeds: true,
  },
  getSettings: { inputs: same(), succeeds: true },
  putSettings: { inputs: same({ body: SETTINGS, operator: 'Ana' }), succeeds: true },
  checkConnection: { inputs: same(), succeeds: true },
  connectionRateLimit: { inputs: same(), succeeds: true },
  listAudit: { inputs: same({ limit: 20, action: 'callback.create' }), succeeds: true },
  getDiagnostics: {
    inputs: same(),
    // Built anew on each call: its time, the growing audit log and the log tail differ; its shape must not.
    normalise: (v) => {
      const bundle = v as { versions: unknown; database: { present: boolean }; connection: unknown };
      return { versions: bundle.versions, present: bundle.database.present, connection: bundle.connection };
    },
    succeeds: true,
  },
  exportAudit: {
    // Its `operator` is a filter, not the X-Depot-Operator header: the bridge must hand it to the core as such.
    inputs: same({
      from: '2000-01-01T00:00:00Z',
      to: '2100-01-01T00:00:00Z',
      format: 'jsonl',
      operator: 'tests',
    }),
    // The log grows with every call of this run: compare whose entries the file holds.
    normalise: (text) => [
      ...new Set(
        String(text)
          .split('\n')
          .filter(Boolean)
          .map((line) => (JSON.parse(line) as { operator: string }).operator),
      ),
    ],
    succeeds: true,
  },
  getSession: { inputs: same(), normalise: withoutEnrolment, succeeds: true },
  signIn: { inputs: same({ body: { token: TOKEN } }), normalise: withoutEnrolment, succeeds: true },
  signOut: {
    inputs: same(),
    succeeds: true,
    // The window is signed out now: sign it in again for the operations that follow.
    after: async () => void (await ipc.signIn({ body: { token: TOKEN } })),
  },
  listSignInOperators: { inputs: same(), succeeds: true },
  enrolBrowser: { inputs: same(), succeeds: true },
  // The machine token has no PIN: refused alike.
  changeOwnPin: { inputs: same({ body: { current: '123456', pin: '654321' } }) },
  listOperators: { inputs: same(), normalise: (v) => ({ ...(v as object), items: null }), succeeds: true },
  createOperator: {
    inputs: async () => [
      { body: { name: 'Twin A', role: 'viewer', pin: '111222' } },
      { body: { name: 'Twin B', role: 'viewer', pin: '111222' } },
    ],
    normalise: (v) => ({ ...withoutTimes(v), name: null }),
    succeeds: true,
  },
  getOperator: { inputs: async () => [{ id: world.operatorId }, { id: world.operatorId }], succeeds: true },
  updateOperator: {
    inputs: async () => [
      { id: world.operatorId, body: { role: 'supervisor' } },
      { id: world.operatorId, body: { role: 'supervisor' } },
    ],
    normalise: withoutTimes,
    succeeds: true,
  },
  deleteOperator: { inputs: () => twins(async () => ({ id: await newOperator() })), succeeds: true },
  unlockOperator: {
    inputs: async () => [{ id: world.operatorId }, { id: world.operatorId }],
    normalise: withoutTimes,
    succeeds: true,
  },
  listTokens: { inputs: same(), normalise: (v) => ({ ...(v as object), items: null }), succeeds: true },
  createToken: {
    inputs: same({ body: { label: 'fms', role: 'viewer' } }),
    normalise: (v) => ({ ...(v as object), createdAt: null, token: null }),
    succeeds: true,
  },
  revokeToken: { inputs: () => twins(async () => ({ id: await newToken() })), succeeds: true },
  getPolicy: { inputs: same(), succeeds: true },
  putPolicy: { inputs: same({ body: { idleLockMinutes: 15 } }), succeeds: true },
  listGroups: { inputs: same(), succeeds: true },
  createGroup: {
    inputs: async () => [
      { body: { name: 'Twin group A', vehicleIds: [VIN] }, operator: 'Ana' },
      { body: { name: 'Twin group B', vehicleIds: [VIN] }, operator: 'Ana' },
    ],
    normalise: (v) => ({ ...(v as object), name: null }),
    succeeds: true,
  },
  getGroup: {
    inputs: async () => {
      const id = await scratchGroup();
      return [{ id }, { id }];
    },
    succeeds: true,
  },
  replaceGroup: {
    inputs: async () => {
      const id = await scratchGroup();
      const body = { name: `Replaced ${id}`, filter: { search: 'Van', readiness: ['ready' as const] } };
      return [
        { id, body, operator: 'Ana' },
        { id, body, operator: 'Ana' },
      ];
    },
    succeeds: true,
  },
  deleteGroup: {
    inputs: () => twins(async () => ({ id: await scratchGroup(), operator: 'Ana' })),
    succeeds: true,
  },
  startBulkRemote: {
    // The dry run: the plan is the second answer the entry declares (200), encoded by its own schema over IPC.
    inputs: same({
      dryRun: true,
      body: { vehicleIds: [VEHICLE, 'veh-corsa-03'], remote: { horn: { state: 'Activated' } } },
      operator: 'Ana',
    }),
    succeeds: true,
  },
  listBulkRemotes: { inputs: same({ limit: 5 }), succeeds: true },
  getBulkRemote: {
    inputs: async () => [{ bulkId: await finishedBulk() }, { bulkId: await finishedBulk() }],
    succeeds: true,
  },
  cancelBulkRemote: {
    inputs: () => twins(async () => ({ bulkId: await runningBulk(), operator: 'Ana' })),
    // The first twin's horn left before the second was planned (the pace): the second had nothing left going.
    normalise: (v) => ({ ...(v as object), counts: null, items: null, finishedAt: null }),
    succeeds: true,
  },
  exportRemotes: {
    inputs: same({ from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z', vehicle: VIN }),
    succeeds: true,
  },
  getBulkRemoteReport: {
    inputs: async () => [{ bulkId: await finishedBulk() }, { bulkId: await finishedBulk() }],
    succeeds: true,
  },
  listSchedules: { inputs: same(), succeeds: true },
  createSchedule: { inputs: same({ body: SCHEDULE_BODY, operator: 'Ana' }), succeeds: true },
  getSchedule: {
    inputs: async () => {
      const id = await scratchSchedule();
      return [{ id }, { id }];
    },
    succeeds: true,
  },
  replaceSchedule: {
    inputs: async () => {
      const id = await scratchSchedule();
      const body = { ...SCHEDULE_BODY, name: 'Morning horn', remote: { horn: { state: 'Activated' } } };
      return [
        { id, body, operator: 'Ana' },
        { id, body, operator: 'Ana' },
      ];
    },
    succeeds: true,
  },
  deleteSchedule: { inputs: () => twins(async () => ({ id: await scratchSchedule() })), succeeds: true },
  setScheduleStatus: {
    inputs: () => twins(async () => ({ id: await scratchSchedule(), body: { status: 'Paused' } })),
    succeeds: true,
  },
  listScheduleRuns: {
    inputs: async () => {
      const id = await scratchSchedule();
      return [
        { id, limit: 10 },
        { id, limit: 10 },
      ];
    },
    succeeds: true,
  },
  // Backups (issue 18): the folder is the harness core's own (<data dir>/backups).
  getBackups: {
    inputs: same(),
    normalise: (v) => (v as { settings: unknown }).settings,
    succeeds: true,
  },
  putBackupSettings: { inputs: same({ body: { keep: 5 }, operator: 'Ana' }), succeeds: true },
  createBackupNow: {
    inputs: same({ operator: 'Ana' }),
    // Each call writes its own archive: its name, time and size differ, not its shape.
    normalise: (v) => ({
      kind: (v as { kind: unknown }).kind,
      encrypted: (v as { encrypted: unknown }).encrypted,
    }),
    succeeds: true,
  },
  // A traversal: refused alike (404 BACKUP_NOT_FOUND), nothing restored.
  restoreFromBackup: { inputs: same({ name: '../../etc/passwd', body: {} }) },
  // Updates (issue 18), the headless agent's check-only runtime: no feed, so a check and an install are refused alike.
  getUpdates: { inputs: same(), succeeds: true },
  putUpdateSettings: { inputs: same({ body: { feedUrl: '' } }), succeeds: true },
  checkForUpdates: { inputs: same() },
  installUpdate: { inputs: same() },
};

describe('every operation answers the same over HTTP and over IPC', () => {
  it('has a scenario for every entry of the registry', () => {
    expect(Object.keys(SCENARIOS).sort()).toEqual([...OPERATION_NAMES].sort());
    expect([...OPERATION_NAMES]).toEqual(Object.keys(OPERATIONS));
  });

  for (const name of OPERATION_NAMES) {
    it(name, async () => {
      const scenario = SCENARIOS[name];
      const [httpInput, ipcInput] = await scenario.inputs();
      const viaHttp = await run(http, name, httpInput);
      scenario.between?.();
      const viaIpc = await run(ipc, name, ipcInput);
      if (scenario.succeeds) {
        expect(viaHttp, `over HTTP: ${JSON.stringify(viaHttp)}`).toMatchObject({ ok: true });
      }
      const extra = scenario.normalise ?? ((v: unknown) => v);
      const shape = (o: Outcome) => (o.ok ? { ok: true, value: extra(normalise(o.value)) } : o);
      expect(shape(viaIpc)).toEqual(shape(viaHttp));
      await scenario.after?.();
    });
  }

  it('records whom the machine token acted for, given by each transport (HTTP header, IPC field)', async () => {
    const items = h.core.services.audit.list({ limit: 500, action: 'callback.create' });
    // createCallback's scenario: once over each transport, both on behalf of Jérôme (URI-encoded in the header).
    const forJerome = items.filter((e) => e.actor?.onBehalfOf === 'Jérôme');
    expect(forJerome).toHaveLength(2);
    expect(forJerome.map((e) => [e.operator, e.actor?.kind, e.actor?.role])).toEqual([
      ['machine token', 'machine', 'admin'],
      ['machine token', 'machine', 'admin'],
    ]);
  });

  it('refuses the same bad input with the same field errors', async () => {
    const bad: [OperationName, unknown][] = [
      ['listVehicles', { limit: 0 }],
      ['listVehicles', { state: ['Asleep', 'Sleepy'] }],
      ['listDeliveries', { since: 'yesterday' }],
      ['listRemotes', { type: 'Teleport' }],
      ['getVehicle', { vid: 'a b' }],
      ['getQuarantine', { id: 0 }],
      ['putSettings', { body: { connector: 'carrier-pigeon' } }],
      ['createCallback', { body: { label: 'x' } }],
    ];
    for (const [name, input] of bad) {
      const viaHttp = await run(http, name, input);
      const viaIpc = await run(ipc, name, input);
      expect(viaHttp, name).toMatchObject({ ok: false, error: { status: 400, code: 'VALIDATION_FAILED' } });
      const fields = (o: Outcome) => (o.ok ? [] : o.error.errors.map((e) => e.field));
      expect(fields(viaIpc), name).toEqual(fields(viaHttp));
    }
  });
});
