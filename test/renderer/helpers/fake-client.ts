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
import { ClientError } from '../../../preload/contract/client.js';
import type { DeliveryDto, DeliveryTargetDto } from '../../../preload/contract/deliveries.js';
import type { CallbackDto, RemoteActionDto, VehicleDto } from '../../../preload/contract/dto.js';
import type { ChangeEvent } from '../../../preload/contract/events.js';
import { REMOTE_TYPES } from '../../../preload/contract/vocabulary.js';

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

const explanation = (title: string, severity: 'info' | 'success' | 'warning' | 'error' = 'info') => ({
  title,
  explanation: `${title} explained.`,
  nextStep: `${title} next step.`,
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
    createdAt: '2026-01-01T10:00:00.000Z',
    updatedAt: '2026-01-01T10:00:00.000Z',
    doneAt: null,
    explanation: explanation('Accepted by the network'),
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
    explanation: explanation(`${status} step`, status === 'Failed' ? 'error' : done ? 'success' : 'info'),
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
};

export function fakeClient(
  fixtures: { vehicles?: VehicleDto[]; callbacks?: CallbackDto[]; actions?: RemoteActionDto[] } = {},
): FakeClient {
  const listeners = new Set<ChangeListener>();
  const connections = new Set<ConnectionListener>();
  let state: ConnectionState = 'closed';
  const vehicles = fixtures.vehicles ?? [vehicle()];
  const callbacks = fixtures.callbacks ?? [callback()];
  const actions = fixtures.actions ?? [];
  const sent: SendRemoteInput[] = [];
  let counter = 0;
  const client = {
    transport: 'http' as const,
    sent,
    hasSession: vi.fn(async () => true),
    login: vi.fn(async () => {}),
    logout: vi.fn(async () => {}),
    health: vi.fn(async () => ({ status: 'ok' as const, version: '0', connector: 'fake', uptimeSeconds: 1 })),
    listVehicles: vi.fn(async () => ({ items: vehicles, total: vehicles.length, limit: 500, offset: 0 })),
    getVehicle: vi.fn(async ({ vid }: OperationInput<'getVehicle'>) => vehicles.find((v) => v.id === vid)!),
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
      };
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
