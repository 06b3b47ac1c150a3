// Shared by the outbox tests: a real SQLite file in a temp dir, the real ingest service feeding the outbox, a
// manual clock for every policy, and real HTTP servers on 127.0.0.1 as webhook targets that can go down and
// come back on the same port.
import { createAccessGuard, type AccessGuard } from '../../../main/core/kernel/access-guard.js';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import {
  createRepositories,
  createStoreWriter,
  createUnitOfWork,
  openDatabase,
  type Db,
  type Repositories,
  type RunUnitOfWork,
  type StoreWriter,
  type StoreWriterMode,
} from '../../../main/core/db/index.js';
import type { RemoteAction, RemoteEvent } from '../../../main/core/domain/action.js';
import type {
  CallbackAttribute,
  CallbackSecrets,
  CallbackStatus,
  CallbackSubscribe,
} from '../../../main/core/domain/callback/callback-model.js';
import type { RemoteType } from '../../../main/core/domain/remote-type.js';
import { changeEventOf } from '../../../main/core/change-events.js';
import { createActionView } from '../../../main/core/kernel/action-view.js';
import { createChangeFeed, type ChangeFeed } from '../../../main/core/events/change-feed.js';
import { createEventBus, type EventBus } from '../../../main/core/events/event-bus.js';
import { createOutbox, type Outbox, type OutboxOptions } from '../../../main/core/outbox/index.js';
import { manualClock, type ManualClock } from '../../../main/core/ports/clock.js';
import { silentLogger, type Logger } from '../../../main/core/ports/logger.js';
import type { Connector } from '../../../main/core/connector/connector.js';
import { createKeyFileSecretBox } from '../../../main/core/secrets/key-file-secret-box.js';
import {
  createCallbacksService,
  type CallbacksService,
} from '../../../main/core/services/callbacks-service.js';
import {
  createUpstreamRegistrar,
  type UpstreamRegistrar,
} from '../../../main/core/services/upstream-registration.js';
import { toCallbackDto } from '../../../main/core/kernel/dto-mappers.js';
import { createIngestService, type IngestService } from '../../../main/core/services/ingest-service.js';
import { tempDir } from '../../helpers/temp-dir.js';

export interface Received {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

export type Reply =
  | { status: number; headers?: Record<string, string>; body?: string; delayMs?: number }
  /** Never answer (the client's timeout decides). */
  | 'hang'
  /** Cut the connection without answering. */
  | 'drop';

export interface Sink {
  readonly port: number;
  readonly origin: string;
  url(path?: string): string;
  received: Received[];
  /** Highest number of requests being handled at the same time. */
  maxConcurrent(): number;
  reply(handler: (r: Received) => Reply): void;
  /** Stops listening and cuts every connection: the target is offline. */
  down(): Promise<void>;
  /** Listens again on the same port. */
  up(): Promise<void>;
  close(): Promise<void>;
}

export async function startSink(handler: (r: Received) => Reply = () => ({ status: 200 })): Promise<Sink> {
  const received: Received[] = [];
  const sockets = new Set<Socket>();
  let handle = handler;
  let concurrent = 0;
  let maxConcurrent = 0;
  let server: Server | null = null;
  let port = 0;

  const make = () =>
    createServer((req, res) => {
      const chunks: Buffer[] = [];
      concurrent += 1;
      maxConcurrent = Math.max(maxConcurrent, concurrent);
      res.on('close', () => {
        concurrent -= 1;
      });
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const url = new URL(req.url ?? '/', 'http://sink');
        let json: unknown;
        try {
          json = JSON.parse(body);
        } catch {
          json = null;
        }
        const r: Received = {
          method: req.method ?? '',
          path: url.pathname,
          query: url.searchParams,
          headers: req.headers,
          body,
          json,
        };
        received.push(r);
        const reply = handle(r);
        if (reply === 'hang') return;
        if (reply === 'drop') {
          req.socket.destroy();
          return;
        }
        const answer = () => {
          res.writeHead(reply.status, { 'content-type': 'text/plain', ...(reply.headers ?? {}) });
          res.end(reply.body ?? '');
        };
        if (reply.delayMs) setTimeout(answer, reply.delayMs);
        else answer();
      });
    });

  const listen = async () => {
    const s = make();
    s.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => resolve());
    });
    port = (s.address() as AddressInfo).port;
    server = s;
  };
  const stop = async () => {
    const s = server;
    server = null;
    if (!s) return;
    const closed = new Promise<void>((resolve) => s.close(() => resolve()));
    for (const socket of sockets) socket.destroy();
    await closed;
  };

  await listen();
  return {
    get port() {
      return port;
    },
    get origin() {
      return `http://127.0.0.1:${port}`;
    },
    url: (path = '/hook') => `http://127.0.0.1:${port}${path}`,
    received,
    maxConcurrent: () => maxConcurrent,
    reply(h) {
      handle = h;
    },
    down: stop,
    up: listen,
    close: stop,
  };
}

export const VINS = ['VR3UHZKXZMT000001', 'VR3UHZKXZMT000002', 'VR3UHZKXZMT000003'] as const;

export type SubscribeOverrides = Partial<CallbackSubscribe> & { attributes?: CallbackAttribute[] };

export function subscribe(
  target: string,
  { attributes, ...overrides }: SubscribeOverrides = {},
): CallbackSubscribe {
  return {
    label: 'depot-fms',
    callback: { webhook: { target, name: 'fms', ...(attributes ? { attributes } : {}) } },
    retryPolicy: { policy: 'Bounded', retryNumber: 3, retryDelay: 10 },
    remoteTypes: ['Doors', 'Horn', 'Lights', 'WakeUp'],
    ...overrides,
  };
}

export interface World {
  dir: string;
  file: string;
  db: Db;
  /** The services' unit of work on this store (the one the ingest and the outbox use). */
  unitOfWork: RunUnitOfWork;
  repos: Repositories;
  clock: ManualClock;
  bus: EventBus;
  /** The wire events, as live clients get them (built only while subscribed). */
  changes: ChangeFeed;
  outbox: Outbox;
  /** The access guard the services ask (the deliveries' handlers take it). */
  access: AccessGuard;
  ingest: IngestService;
  secrets: Map<string, CallbackSecrets>;
  /** The real callbacks service on the same store: status changes, and the pause the outbox asks for on a 410. */
  callbacks: CallbacksService;
  addCallback(id: string, subscribe: CallbackSubscribe, status?: CallbackStatus): void;
  /**
   * Announces a change made to a callback's row or secrets as the callbacks service does: `callback.changed` on
   * the bus, which the outbox hears.
   */
  callbackChanged(id: string): void;
  /** A remote action sent through `callbackId` to vehicle `vin`. */
  addAction(id: string, callbackId: string, vin?: string, type?: RemoteType): RemoteAction;
  /** Ingests a notification event for an action, as the receiver would. */
  notify(actionId: string, status?: string, type?: 'Pending' | 'Done'): void;
  /** Advances the clock and waits for everything that became due. */
  advance(ms: number): Promise<void>;
  /** Closes outbox and database, keeping the file (crash and restart tests). */
  shutdown(graceMs?: number): Promise<void>;
  close(): Promise<void>;
}

const emptySecrets = (): CallbackSecrets => ({
  signingSecret: null,
  previousSigningSecret: null,
  authentication: null,
});

let eventSecond = 0;

export async function startWorld(
  opts: {
    options?: OutboxOptions;
    dir?: string;
    clock?: ManualClock;
    fleetId?: string | null;
    logger?: Logger;
    start?: boolean;
    /** Where the outbox's writes run (default: a thread, as in the app). */
    storeWriter?: StoreWriterMode;
    /** Puts something between the outbox and its store writer (a test holding a write's answer back). */
    wrapWriter?: (writer: StoreWriter) => StoreWriter;
    /** The callbacks' twins on the network; none registered by default (no receiver URL). */
    upstream?: UpstreamRegistrar;
  } = {},
): Promise<World> {
  const dir = opts.dir ? { path: opts.dir, remove() {} } : tempDir('depot-outbox-');
  const file = join(dir.path, 'depot.sqlite');
  const db = openDatabase(file);
  const repos = createRepositories(db);
  const clock = opts.clock ?? manualClock();
  const bus = createEventBus();
  const secrets = new Map<string, CallbackSecrets>();
  const unitOfWork = createUnitOfWork(db, opts.logger ?? silentLogger);
  const access = createAccessGuard({ unitOfWork, repos, clock, bus });
  const callbacks = createCallbacksService({
    unitOfWork,
    repos,
    secrets: createKeyFileSecretBox(dir.path),
    clock,
    bus,
    access,
    upstream:
      opts.upstream ?? createUpstreamRegistrar({ connector: {} as Connector, receiverBaseUrl: () => null }),
  });
  const created = createStoreWriter(db, opts.storeWriter ?? 'thread');
  const writer = opts.wrapWriter ? opts.wrapWriter(created) : created;
  const outbox = createOutbox({
    unitOfWork,
    writer,
    repos,
    clock,
    bus,
    logger: opts.logger ?? silentLogger,
    openSecrets: async (id) => secrets.get(id) ?? emptySecrets(),
    pauseCallback: (id, actor, detail) => callbacks.pauseBySystem(id, actor, detail),
    fleetId: () => (opts.fleetId === undefined ? 'fleet-42' : opts.fleetId),
    options: { requestTimeoutMs: 2000, connectTimeoutMs: 1000, ...opts.options },
  });
  const ingest = createIngestService({
    unitOfWork,
    repos,
    clock,
    bus,
    notifier: { actionCompleted() {} },
    logger: silentLogger,
    outbox,
  });
  repos.vehicles.upsertMany(
    VINS.map((vin, i) => ({
      id: `veh-${i + 1}`,
      vin,
      label: `Van ${i + 1}`,
      brand: 'Peugeot',
      model: 'e-Expert',
      energy: 'Electric' as const,
      capabilities: {},
      syncedAt: clock.nowIso(),
    })),
  );
  if (opts.start !== false) outbox.start();

  const world: World = {
    dir: dir.path,
    file,
    db,
    unitOfWork,
    repos,
    clock,
    bus,
    changes: createChangeFeed(
      bus,
      changeEventOf({
        vehicle: () => null,
        action: createActionView(repos),
        callback: async (id) => {
          const record = repos.callbacks.get(id);
          return record ? toCallbackDto(record, secrets.get(id) ?? emptySecrets(), clock.now(), false) : null;
        },
        delivery: (id, record) => outbox.views.delivery(id, record),
        target: (origin) => outbox.views.target(origin),
      }),
    ),
    outbox,
    access,
    ingest,
    secrets,
    callbacks,
    addCallback(id, sub, status = 'Running') {
      const now = clock.nowIso();
      repos.callbacks.insert({
        id,
        label: sub.label ?? null,
        subscribe: sub,
        status,
        secrets: null,
        receiverSecret: null,
        upstreamId: null,
        createdAt: now,
        updatedAt: now,
      });
      world.callbackChanged(id);
    },
    callbackChanged(id) {
      bus.publish({ type: 'callback.changed', callbackId: id });
    },
    addAction(id, callbackId, vin = VINS[0], type = 'Doors') {
      const now = clock.nowIso();
      const index = VINS.indexOf(vin as (typeof VINS)[number]);
      const action: RemoteAction = {
        id,
        vehicleId: `veh-${index + 1}`,
        vin,
        callbackId,
        type,
        remote: type === 'Doors' ? { door: { state: 'Locked' } } : ({} as RemoteAction['remote']),
        phase: 'Pending',
        status: null,
        outcome: null,
        failureCause: null,
        feedbackDetail: null,
        error: null,
        operator: 'tech',
        reason: null,
        createdAt: now,
        updatedAt: now,
        doneAt: null,
        lastEventDate: null,
      };
      repos.actions.insert(action);
      return action;
    },
    notify(actionId, status = 'Accepted', type = 'Pending') {
      const action = repos.actions.get(actionId)!;
      eventSecond += 1;
      const event: RemoteEvent = {
        remoteActionId: actionId,
        vin: action.vin,
        eventDate: new Date(Date.UTC(2026, 0, 5, 7, 0, 0) + eventSecond * 1000).toISOString(),
        remoteType: action.type,
        eventStatus: type === 'Pending' ? { type, status } : { type, status: status as 'Success' | 'Failed' },
      };
      ingest.ingest([event], 'receiver');
    },
    async advance(ms) {
      await outbox.idle();
      clock.advance(ms);
      await outbox.idle();
    },
    async shutdown(graceMs = 0) {
      await outbox.stop(graceMs);
      await writer.close();
      db.close();
    },
    async close() {
      await outbox.stop(0);
      await writer.close();
      db.close();
      dir.remove();
    },
  };
  return world;
}

/** The events[] items a sink received, flattened, in arrival order. */
export function eventsOf(received: Received[]): { remoteActionId: string; status: string }[] {
  return received.flatMap((r) =>
    (r.json?.events ?? []).map((e: { remoteActionId: string; eventStatus: { status: string } }) => ({
      remoteActionId: e.remoteActionId,
      status: e.eventStatus.status,
    })),
  );
}

/** Waits for something that happens over real sockets (never for policy time: that is the manual clock's). */
export async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('until: condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
