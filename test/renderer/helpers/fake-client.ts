// An in-memory DepotRemoteClient: records every call (each takes its operation's one input object), answers from
// fixtures, and lets a test push change events and connection states as the agent would.
import { vi } from 'vitest';
import type {
  ChangeListener,
  ClientFailure,
  ConnectionListener,
  ConnectionState,
  DepotRemoteClient,
  SendRemoteInput,
} from '../../../preload/contract/client.js';
import type { OperationInput } from '../../../preload/contract/operations/index.js';
import type { QuarantineEntryDto } from '../../../preload/contract/quarantine.js';
import type { UpdateStateDto } from '../../../preload/contract/updates.js';
import { ClientError } from '../../../preload/contract/client.js';
import { fakeRoutines, type RoutineFixtures } from './fake-routines.js';
import type { DeliveryDto, DeliveryTargetDto } from '../../../preload/contract/deliveries.js';
import type { CallbackDto, RemoteActionDto, VehicleDto } from '../../../preload/contract/dto.js';
import type { ChangeEvent } from '../../../preload/contract/events.js';
import type { OperatorDto, PolicyDto, SessionDto, TokenDto } from '../../../preload/contract/access.js';
import {
  POLICY_KEYS,
  REMOTE_TYPES,
  type ActorRef,
  type PolicyKey,
  type Role,
} from '../../../preload/contract/vocabulary.js';

export const ALL_TYPES = [...REMOTE_TYPES];

export function vehicle(overrides: Partial<VehicleDto> = {}): VehicleDto {
  return {
    id: 'veh-1',
    vin: 'VR3UHZKXZMT000001',
    label: 'Van 01',
    brand: 'Peugeot',
    model: 'e-208',
    energy: 'Electric',
    capabilities: Object.fromEntries(ALL_TYPES.map((t) => [t, { supported: true }])),
    status: null,
    statusAt: null,
    syncedAt: '2026-01-01T00:00:00.000Z',
    states: [],
    stateSources: {},
    wakeUps: {
      month: '2026-01',
      usedThisMonth: 0,
      budget: 20,
      estimated: true,
      resetsAt: '2026-02-01T00:00:00.000Z',
      refusedByNetworkAt: null,
    },
    readiness: { code: 'ready', nextStep: 'none', severity: 'success', params: {} },
    ...overrides,
  };
}

export function callback(overrides: Partial<CallbackDto> = {}): CallbackDto {
  return {
    _links: { self: { href: '/api/v1/callbacks/cb-1' }, remotes: { href: '/x', templated: true } },
    id: 'cb-1',
    callbackId: 'cb-1',
    status: 'Running',
    subscribe: {
      label: 'depot',
      callback: { webhook: { target: 'https://depot.example/hook', name: 'depot' } },
      retryPolicy: { policy: 'Bounded', retryNumber: 3, retryDelay: 10 },
      remoteTypes: ALL_TYPES,
    },
    signingSecret: null,
    previousSigningSecretValidUntil: null,
    authentication: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/** An explanation as the agent sends it: a code the catalogs word (explain:<code>.title, .text, .next). */
const explanation = (code: string, severity: 'info' | 'success' | 'warning' | 'error' = 'info') => ({
  code,
  severity,
  retryable: false,
});

export function action(overrides: Partial<RemoteActionDto> = {}): RemoteActionDto {
  return {
    _links: { self: { href: '/x' }, callback: { href: '/x' }, vehicle: { href: '/x' } },
    remoteActionId: 'ra-1',
    type: 'Doors',
    remote: { door: { state: 'Locked' } },
    status: 'Accepted',
    phase: 'Pending',
    outcome: null,
    vehicleId: 'veh-1',
    vin: 'VR3UHZKXZMT000001',
    callbackId: 'cb-1',
    error: null,
    operator: null,
    reason: null,
    sentBy: null,
    approvedBy: null,
    createdAt: '2026-01-01T10:00:00.000Z',
    updatedAt: '2026-01-01T10:00:00.000Z',
    doneAt: null,
    explanation: explanation('pending.Accepted'),
    ...overrides,
  };
}

export function event(
  seq: number,
  status: string,
  overrides: Partial<NonNullable<RemoteActionDto['events']>[number]> = {},
) {
  const done = ['Success', 'AlreadyDone', 'Failed'].includes(status);
  return {
    seq,
    eventDate: `2026-01-01T10:00:0${seq}.000Z`,
    receivedAt: `2026-01-01T10:00:0${seq}.000Z`,
    eventType: done ? ('Done' as const) : ('Pending' as const),
    status,
    failureCause: null,
    feedbackDetail: null,
    source: 'connector' as const,
    applied: true,
    eventDateFromReceipt: false,
    explanation: explanation(
      done ? `done.${status}` : `pending.${status}`,
      status === 'Failed' ? 'error' : done ? 'success' : 'info',
    ),
    ...overrides,
  };
}

export function target(overrides: Partial<DeliveryTargetDto> = {}): DeliveryTargetDto {
  return {
    origin: 'http://127.0.0.1:9',
    state: 'online',
    since: '2026-01-01T10:00:00.000Z',
    lastError: null,
    nextProbeAt: null,
    probeFailures: 0,
    insecure: true,
    inFlight: 0,
    queued: 2,
    waitingForBatch: 0,
    callbacks: [
      {
        callbackId: 'cb-1',
        label: 'depot',
        status: 'Running',
        queued: 2,
        waitingForBatch: 0,
        heldReason: null,
      },
    ],
    ...overrides,
  };
}

export function delivery(overrides: Partial<DeliveryDto> = {}): DeliveryDto {
  return {
    _links: { self: { href: '/x' }, callback: { href: '/x' } },
    id: 'd1',
    webhookId: 'msg_d1',
    callbackId: 'cb-1',
    kind: 'event',
    state: 'Queued',
    heldReason: null,
    eventCount: 1,
    vins: ['VR3UHZKXZMT000001'],
    remoteTypes: ['Doors'],
    statuses: ['Accepted'],
    attempts: 0,
    unreachableTries: 0,
    createdAt: '2026-01-01T10:00:00.000Z',
    nextAttemptAt: null,
    retryDeadline: null,
    deliveredAt: null,
    gaveUpAt: null,
    lastStatus: null,
    lastError: null,
    ...overrides,
  };
}

export function quarantineEntry(overrides: Partial<QuarantineEntryDto> = {}): QuarantineEntryDto {
  return {
    id: 1,
    callbackId: 'cb-1',
    receivedAt: '2026-01-01T10:00:00.000Z',
    reason: 'UNKNOWN_ACTION',
    message: 'The notification names a remote action this agent does not know.',
    errorCount: 0,
    contentType: 'application/json',
    size: 2,
    remoteActionIds: ['ra-unknown'],
    remoteActionIdCount: 1,
    replays: 0,
    lastReplayAt: null,
    resolvedAt: null,
    resolvedBy: null,
    resolution: null,
    ...overrides,
  };
}

/** The agent's default policy: immobilization and stolen for supervisors, the rest for technicians. */
export const DEFAULT_RULES = Object.fromEntries(
  POLICY_KEYS.map((key) => [
    key,
    key === 'Stolen' || key.startsWith('Immobilization.') ? 'supervisor' : 'technician',
  ]),
) as Record<PolicyKey, Role>;

export function operatorActor(name: string, role: Role, id = `op-${name.toLowerCase()}`): ActorRef {
  return { kind: 'operator', id, name, role };
}

export const MACHINE: ActorRef = { kind: 'machine', id: null, name: 'machine token', role: 'admin' };

/** A signed-in session (an admin operator by default), enrolled, with the default policy. */
export function session(overrides: Partial<SessionDto> = {}): SessionDto {
  return {
    signedIn: true,
    actor: operatorActor('Ada', 'admin'),
    enrolled: true,
    firstAdminNeeded: false,
    idleLockMinutes: 10,
    rules: DEFAULT_RULES,
    ...overrides,
  };
}

export const SIGNED_OUT: SessionDto = {
  signedIn: false,
  actor: null,
  enrolled: true,
  firstAdminNeeded: false,
  idleLockMinutes: 10,
  rules: {},
};

export function operator(overrides: Partial<OperatorDto> = {}): OperatorDto {
  return {
    id: 'op-tess',
    name: 'Tess',
    role: 'technician',
    credential: 'pin',
    enabled: true,
    lockedUntil: null,
    failedAttempts: 0,
    createdAt: '2026-01-01T08:00:00.000Z',
    updatedAt: '2026-01-01T08:00:00.000Z',
    lastSignInAt: null,
    ...overrides,
  };
}

/** The depot team of the tests: an admin, a supervisor, a technician and a viewer; every PIN is 123456. */
export const TEAM: OperatorDto[] = [
  operator({ id: 'op-ada', name: 'Ada', role: 'admin' }),
  operator({ id: 'op-sam', name: 'Sam', role: 'supervisor' }),
  operator({ id: 'op-tess', name: 'Tess', role: 'technician' }),
  operator({ id: 'op-vic', name: 'Vic', role: 'viewer' }),
];
export const GOOD_PIN = '123456';

export function token(overrides: Partial<TokenDto> = {}): TokenDto {
  return {
    id: 'tok-1',
    label: 'fleet script',
    role: 'technician',
    createdAt: '2026-01-01T08:00:00.000Z',
    createdBy: 'Ada',
    expiresAt: null,
    revokedAt: null,
    lastUsedAt: null,
    ...overrides,
  };
}

export function failure(status: number, code: string, message: string, errors: ClientFailure['errors'] = []) {
  return new ClientError({ status, code, message, errors });
}

export type FakeClient = DepotRemoteClient & {
  [K in keyof DepotRemoteClient]: DepotRemoteClient[K] extends (...args: infer A) => infer R
    ? ReturnType<typeof vi.fn<(...args: A) => R>>
    : DepotRemoteClient[K];
} & {
  emit(event: ChangeEvent): void;
  connect(state: ConnectionState): void;
  sent: SendRemoteInput[];
  /** The routines' in-memory state, and moving a bulk's vehicles on (fake-routines.ts). */
  routines: Pick<ReturnType<typeof fakeRoutines>, 'settle' | 'state'>;
};

export function fakeClient(
  fixtures: {
    vehicles?: VehicleDto[];
    callbacks?: CallbackDto[];
    actions?: RemoteActionDto[];
    /** What getSession answers first (signed in as Ada, an admin, by default). */
    session?: SessionDto;
    team?: OperatorDto[];
  } & RoutineFixtures = {},
): FakeClient {
  const listeners = new Set<ChangeListener>();
  const connections = new Set<ConnectionListener>();
  let state: ConnectionState = 'closed';
  const vehicles = fixtures.vehicles ?? [vehicle()];
  const callbacks = fixtures.callbacks ?? [callback()];
  const actions = fixtures.actions ?? [];
  const routines = fakeRoutines(vehicles, fixtures);
  const sent: SendRemoteInput[] = [];
  let counter = 0;
  // The agent's side of the session: signIn and signOut change what getSession answers.
  let current: SessionDto = fixtures.session ?? session();
  const team = [...(fixtures.team ?? TEAM)];
  let policy: PolicyDto = { rules: { ...DEFAULT_RULES }, idleLockMinutes: 10 };
  const findMember = (ref: string) =>
    team.find((o) => o.id === ref || o.name.toLowerCase() === ref.toLowerCase());
  const wrongPin = (name: string) =>
    failure(401, 'WRONG_PIN', `Wrong PIN for ${name}.`, [
      { field: 'pin', message: 'Wrong PIN. 4 tries left before a lock.' },
    ]);
  const client = {
    transport: 'http' as const,
    sent,
    getSession: vi.fn(async () => current),
    signIn: vi.fn(async ({ body }: OperationInput<'signIn'>) => {
      if ('token' in body) {
        if (body.token !== 'right')
          throw failure(401, 'UNAUTHORIZED', 'That token is not the one in api-token.');
        current = { ...current, signedIn: true, actor: MACHINE, rules: policy.rules };
        return current;
      }
      if (!current.enrolled) throw failure(403, 'NOT_ENROLLED', 'This browser is not enrolled.');
      const member = findMember(body.operator);
      if (!member) throw failure(401, 'UNKNOWN_OPERATOR', `No operator named ${body.operator}.`);
      if (body.pin !== GOOD_PIN) throw wrongPin(member.name);
      current = {
        ...current,
        signedIn: true,
        actor: operatorActor(member.name, member.role, member.id),
        rules: policy.rules,
      };
      return current;
    }),
    signOut: vi.fn(async () => {
      current = { ...current, signedIn: false, actor: null, rules: {} };
    }),
    listSignInOperators: vi.fn(async () => {
      if (!current.enrolled && !current.signedIn) throw failure(403, 'NOT_ENROLLED', 'Not enrolled.');
      return {
        items: team
          .filter((o) => o.enabled)
          .map(({ id, name, role, credential }) => ({ id, name, role, credential })),
      };
    }),
    enrolBrowser: vi.fn(async () => {
      current = { ...current, enrolled: true };
    }),
    changeOwnPin: vi.fn(async ({ body }: OperationInput<'changeOwnPin'>) => {
      if (body.current !== GOOD_PIN) throw wrongPin(current.actor?.name ?? '');
    }),
    listOperators: vi.fn(async () => ({ items: team })),
    createOperator: vi.fn(async ({ body }: OperationInput<'createOperator'>) => {
      const created = operator({
        id: `op-${body.name.toLowerCase()}`,
        name: body.name,
        role: body.role,
        credential: body.password ? 'password' : 'pin',
      });
      team.push(created);
      current = { ...current, firstAdminNeeded: false };
      return created;
    }),
    getOperator: vi.fn(async ({ id }: OperationInput<'getOperator'>) => findMember(id)!),
    updateOperator: vi.fn(async ({ id, body }: OperationInput<'updateOperator'>) => {
      const index = team.findIndex((o) => o.id === id);
      const { pin: _pin, password: _password, ...fields } = body;
      const next = { ...team[index]!, ...fields, failedAttempts: 0, lockedUntil: null };
      team[index] = next;
      return next;
    }),
    deleteOperator: vi.fn(async ({ id }: OperationInput<'deleteOperator'>) => {
      team.splice(
        team.findIndex((o) => o.id === id),
        1,
      );
    }),
    unlockOperator: vi.fn(async ({ id }: OperationInput<'unlockOperator'>) => {
      const index = team.findIndex((o) => o.id === id);
      team[index] = { ...team[index]!, failedAttempts: 0, lockedUntil: null };
      return team[index]!;
    }),
    listTokens: vi.fn(async () => ({ items: [token()] })),
    createToken: vi.fn(async ({ body }: OperationInput<'createToken'>) => ({
      ...token({ id: 'tok-new', label: body.label, role: body.role, expiresAt: body.expiresAt ?? null }),
      token: 'dr_secret_shown_once',
    })),
    revokeToken: vi.fn(async () => {}),
    getPolicy: vi.fn(async () => policy),
    putPolicy: vi.fn(async ({ body }: OperationInput<'putPolicy'>) => {
      policy = {
        rules: { ...DEFAULT_RULES, ...body.rules },
        idleLockMinutes: body.idleLockMinutes ?? 10,
      };
      current = { ...current, rules: policy.rules, idleLockMinutes: policy.idleLockMinutes };
      return policy;
    }),
    health: vi.fn(async () => ({ status: 'ok' as const, version: '0', connector: 'fake', uptimeSeconds: 1 })),
    // As the agent answers: the list without each vehicle's status, one vehicle read by itself with it.
    listVehicles: vi.fn(async () => ({
      items: vehicles.map(({ status: _status, ...summary }) => summary),
      total: vehicles.length,
      limit: 500,
      offset: 0,
    })),
    getVehicle: vi.fn(async ({ vid }: OperationInput<'getVehicle'>) => {
      const found = vehicles.find((v) => v.id === vid || v.vin === vid);
      if (!found) throw failure(404, 'VEHICLE_NOT_FOUND', `No vehicle with id or VIN ${vid} in this fleet.`);
      return found;
    }),
    listCallbacks: vi.fn(async () => ({ items: callbacks, total: callbacks.length })),
    getCallback: vi.fn(async ({ cbid }: OperationInput<'getCallback'>) =>
      callbacks.find((c) => c.id === cbid)!,
    ),
    createCallback: vi.fn(async () => callback({ id: 'cb-new', callbackId: 'cb-new' })),
    replaceCallback: vi.fn(async ({ cbid }: OperationInput<'replaceCallback'>) =>
      callback({ id: cbid, callbackId: cbid }),
    ),
    setCallbackStatus: vi.fn(async ({ cbid, body }: OperationInput<'setCallbackStatus'>) =>
      callback({ id: cbid, status: body.status as 'Running' | 'Paused' }),
    ),
    deleteCallback: vi.fn(async () => {}),
    sendTestNotification: vi.fn(async () => ({
      deliveryId: 'd-test',
      delivery: delivery({ id: 'd-test', kind: 'test' }),
    })),
    sendRemote: vi.fn(async (input: SendRemoteInput) => {
      sent.push(input);
      counter += 1;
      return {
        _links: { self: { href: '' }, callback: { href: '' }, remote: { href: '' } },
        remoteActionId: `ra-sent-${counter}`,
        type: 'Doors',
        phase: 'Pending' as const,
      };
    }),
    // A queued fixture action ends Cancelled; any other is refused, as the agent does.
    cancelRemote: vi.fn(async ({ rid }: OperationInput<'cancelRemote'>) => {
      const index = actions.findIndex((a) => a.remoteActionId === rid);
      const found = actions[index];
      if (found?.phase !== 'Queued')
        throw failure(409, 'ACTION_NOT_QUEUED', `Action ${rid} is not queued: it cannot be cancelled.`);
      const { queue: _queue, ...rest } = found;
      const cancelled = { ...rest, phase: 'Cancelled' as const, updatedAt: '2026-01-01T10:05:00.000Z' };
      actions[index] = { ...cancelled, resend: { wakeFirst: false } };
      return actions[index]!;
    }),
    // A new action linked to the fixture it sends again (which then names it).
    resendRemote: vi.fn(async ({ rid }: OperationInput<'resendRemote'>) => {
      const index = actions.findIndex((a) => a.remoteActionId === rid);
      const { resend: _resend, ...first } = actions[index] ?? action({ remoteActionId: rid });
      counter += 1;
      const { type, remote, vehicleId, vin, callbackId } = first;
      const created = action({
        ...{ type, remote, vehicleId, vin, callbackId },
        remoteActionId: `ra-again-${counter}`,
        resentFrom: first.remoteActionId,
        createdAt: '2026-01-01T10:06:00.000Z',
        updatedAt: '2026-01-01T10:06:00.000Z',
        events: [],
      });
      if (index >= 0) actions[index] = { ...first, resentAs: created.remoteActionId };
      actions.push(created);
      return created;
    }),
    listVehicleCallbackRemotes: vi.fn(async ({ vid, cbid }: OperationInput<'listVehicleCallbackRemotes'>) => {
      const items = actions.filter((a) => a.vehicleId === vid && a.callbackId === cbid);
      return { items, total: items.length, limit: 50, offset: 0 };
    }),
    getVehicleCallbackRemote: vi.fn(
      async ({ rid }: OperationInput<'getVehicleCallbackRemote'>) =>
        actions.find((a) => a.remoteActionId === rid) ?? action({ remoteActionId: rid, events: [] }),
    ),
    listRemotes: vi.fn(async (q: OperationInput<'listRemotes'> = {}) => {
      const offset = q.offset ?? 0;
      const limit = q.limit ?? 50;
      return { items: actions.slice(offset, offset + limit), total: actions.length, limit, offset };
    }),
    getRemote: vi.fn(
      async ({ rid }: OperationInput<'getRemote'>) =>
        actions.find((a) => a.remoteActionId === rid) ?? action({ remoteActionId: rid, events: [] }),
    ),
    listDeliveries: vi.fn(async () => ({ items: [], total: 0, limit: 100, offset: 0 })),
    getDelivery: vi.fn(async ({ id }: OperationInput<'getDelivery'>) => ({
      ...delivery({ id }),
      events: [],
      attemptLog: [],
    })),
    listDeliveryTargets: vi.fn(async () => ({
      items: [target()],
      counts: { Queued: 2, InFlight: 0, Delivered: 5, Failed: 1, Dead: 0, waitingForBatch: 0 },
    })),
    retryDelivery: vi.fn(async ({ id }: OperationInput<'retryDelivery'>) => delivery({ id })),
    retryCallbackDeliveries: vi.fn(async ({ cbid }: OperationInput<'retryCallbackDeliveries'>) => ({
      callbackId: cbid,
      requeued: ['d9'],
    })),
    listQuarantine: vi.fn(async () => ({
      items: [],
      total: 0,
      limit: 1,
      offset: 0,
      unresolved: 0,
      capacity: { bytes: 0, capBytes: 100 * 1024 * 1024, waitingBytes: 0, full: false },
    })),
    getQuarantine: vi.fn(async ({ id }: OperationInput<'getQuarantine'>) => ({
      ...quarantineEntry({ id }),
      errors: [],
      body: '{}',
      bodyEncoding: 'utf8' as const,
      headers: {},
      remoteAddress: '127.0.0.1',
    })),
    replayQuarantine: vi.fn(async ({ id }: OperationInput<'replayQuarantine'>) => ({
      outcome: 'Applied' as const,
      stored: 1,
      duplicates: 0,
      entry: quarantineEntry({ id, resolvedAt: '2026-01-01T10:00:00.000Z', resolution: 'Replayed' }),
    })),
    resolveQuarantine: vi.fn(async ({ id }: OperationInput<'resolveQuarantine'>) =>
      quarantineEntry({ id, resolvedAt: '2026-01-01T10:00:00.000Z', resolution: 'Dismissed' }),
    ),
    getSettings: vi.fn(async () => {
      throw failure(404, 'ROUTE_NOT_FOUND', 'No route GET /api/v1/settings.');
    }),
    putSettings: vi.fn(async () => {
      throw failure(404, 'ROUTE_NOT_FOUND', 'No route.');
    }),
    checkConnection: vi.fn(async () => null),
    connectionRateLimit: vi.fn(async () => ({ budget: null })),
    listAudit: vi.fn(async () => ({ items: [] })),
    exportAudit: vi.fn(async () => 'seq,at\r\n'),
    getDiagnostics: vi.fn(async () => ({
      format: 1,
      createdAt: '2026-03-01T10:00:00.000Z',
      dataDir: '/var/lib/depot-remote',
      versions: { app: '1.0.0', node: '22.0.0', electron: null, sqlite: '3.45.0', schema: null },
      environment: {},
      settings: {},
      files: { database: 4096, wal: null, shm: null, log: null },
      database: { present: true, integrity: { ok: true } },
      connection: { connector: 'simulator', status: 'nothing-to-check' },
      log: { files: [], requested: 500, lines: [] },
    })),
    exportRemotes: vi.fn(async () => 'remote action id,created at\r\n'),
    getBackups: vi.fn(async () => ({
      settings: { folder: '/var/lib/depot-remote/backups', keep: 7, enabled: true, passphraseSet: false },
      lastResult: null,
      running: false,
      backups: [],
    })),
    putBackupSettings: vi.fn(async () => ({
      settings: { folder: '/var/lib/depot-remote/backups', keep: 7, enabled: true, passphraseSet: false },
      lastResult: null,
      running: false,
      backups: [],
    })),
    createBackupNow: vi.fn(async () => ({
      name: 'depot-remote-manual-2026-03-01T10-00-00-000Z.backup',
      createdAt: '2026-03-01T10:00:00.000Z',
      bytes: 4096,
      encrypted: false,
      kind: 'manual' as const,
    })),
    restoreFromBackup: vi.fn(async () => ({
      name: 'depot-remote-2026-03-01T10-00-00-000Z.backup',
      createdAt: '2026-03-01T10:00:00.000Z',
      schemaVersion: 11,
      appVersion: '1.0.0',
    })),
    // Updates (issue 18): the desktop's runtime, no feed yet.
    getUpdates: vi.fn(async () => ({
      currentVersion: '1.2.0',
      feedUrl: null as string | null,
      runtime: 'install' as 'install' | 'tell',
      state: { kind: 'idle' } as UpdateStateDto,
      lastCheckAt: null as string | null,
    })),
    putUpdateSettings: vi.fn(async ({ body }: OperationInput<'putUpdateSettings'>) => ({
      currentVersion: '1.2.0',
      feedUrl: body.feedUrl === '' ? null : body.feedUrl,
      runtime: 'install' as const,
      state: { kind: 'idle' } as UpdateStateDto,
      lastCheckAt: null,
    })),
    checkForUpdates: vi.fn(async () => ({
      currentVersion: '1.2.0',
      feedUrl: 'http://updates.depot.lan/depot-remote/',
      runtime: 'install' as const,
      state: { kind: 'up-to-date', latest: '1.2.0' } as UpdateStateDto,
      lastCheckAt: '2026-03-01T10:00:00.000Z',
    })),
    installUpdate: vi.fn(async () => ({ version: '1.3.0' })),
    ...routines.methods,
    routines: { settle: routines.settle, state: routines.state },
    subscribe: vi.fn((listener: ChangeListener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }),
    onConnection: vi.fn((listener: ConnectionListener) => {
      connections.add(listener);
      listener(state);
      return () => connections.delete(listener);
    }),
    emit(e: ChangeEvent) {
      for (const l of listeners) l(e);
    },
    connect(next: ConnectionState) {
      state = next;
      for (const l of connections) l(next);
    },
  };
  // Every method of the contract is faked: a new operation fails to compile here until it is.
  const everyMethod: Record<keyof DepotRemoteClient, unknown> = client;
  void everyMethod;
  return client as unknown as FakeClient;
}
