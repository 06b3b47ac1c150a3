// A real core (SQLite file in a temp dir, scripted network) with the webhook receiver listening on a real
// socket on 127.0.0.1, wired exactly as the agent wires it (the core's own inbox and quarantine service).
import { adminActor } from '../../helpers/actors.js';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { type Agent, request } from 'undici';
import type { RemoteActionDto } from '../../../preload/contract/dto.js';
import type { ChangeEvent } from '../../../preload/contract/events.js';
import { createCore, type Core, type CoreDeps } from '../../../main/core/create-core.js';
import { createRepositories, openDatabase, type Db, type Repositories } from '../../../main/core/db/index.js';
import type { RemoteAction } from '../../../main/core/domain/action.js';
import { type Clock, manualClock, systemClock } from '../../../main/core/ports/clock.js';
import type { Logger } from '../../../main/core/ports/logger.js';
import {
  createReceiver,
  type InboxOptions,
  type NotificationInbox,
  type QuarantineOptions,
  type QuarantineService,
  type ReceiverOptions,
} from '../../../main/core/receiver/index.js';
import { createKeyFileSecretBox } from '../../../main/core/secrets/key-file-secret-box.js';
import { callbackBody } from '../../helpers/api-harness.js';
import { scriptedConnector, type ScriptedConnector } from '../../helpers/scripted-connector.js';
import { tempDir } from '../../helpers/temp-dir.js';

export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  fields?: Record<string, unknown>;
}

export interface PostOptions {
  /** The secret header value; default the callback's own; null sends none. */
  secret?: string | null;
  /** The header carrying it; default x-depot-secret. */
  secretHeader?: string;
  cbid?: string;
  headers?: Record<string, string>;
  contentType?: string | null;
}

export interface Answer {
  status: number;
  body: Record<string, unknown>;
  text: string;
}

export interface ReceiverHarness {
  core: Core;
  net: ScriptedConnector;
  clock: Clock;
  dataDir: string;
  dbFile: string;
  db: Db;
  repos: Repositories;
  inbox: NotificationInbox;
  quarantine: QuarantineService;
  receiver: FastifyInstance;
  url: string;
  cbid: string;
  secret: string;
  completed: RemoteAction[];
  published: ChangeEvent[];
  logs: LogLine[];
  commits: number[];
  /** POSTs a body (objects as JSON; strings, buffers and streams as they are) to the callback's receiver URL. */
  post(body: unknown, opts?: PostOptions): Promise<Answer>;
  /** Sends a remote through the core; the scripted network answers rid-1, rid-2, … */
  sendRemote(vehicle?: string, body?: object): Promise<RemoteActionDto>;
  action(id: string): RemoteActionDto;
  /** Row count of every table (SQLite's own bookkeeping aside; contentHash covers it). */
  rowCounts(): Record<string, number>;
  /**
   * SHA-256 of the database's content: the schema and every row of every table, in rowid order. Any committed
   * change changes it; a checkpoint (the writer thread copying WAL pages into the file) does not.
   */
  contentHash(): string;
  close(): Promise<void>;
}

export interface ReceiverHarnessOptions {
  receiver?: ReceiverOptions;
  inbox?: InboxOptions;
  quarantine?: QuarantineOptions;
  /** Default a manual clock (the watchdog never fires); 'system' for benchmarks. */
  clock?: 'manual' | 'system';
  dispatcher?: Agent;
  /** Keep published events and log lines in memory (default true; benchmarks turn it off). */
  record?: boolean;
  /** How the core opens its store (tests reach the connection or its WAL sync). */
  openDb?: CoreDeps['openDb'];
}

export async function startReceiverHarness(opts: ReceiverHarnessOptions = {}): Promise<ReceiverHarness> {
  const dir = tempDir('depot-remote-receiver-');
  const clock = opts.clock === 'system' ? systemClock() : manualClock();
  const completed: RemoteAction[] = [];
  const published: ChangeEvent[] = [];
  const logs: LogLine[] = [];
  const commits: number[] = [];
  const record = opts.record ?? true;
  const log = (level: LogLine['level']) => (message: string, fields?: Record<string, unknown>) => {
    if (record || level === 'error') logs.push({ level, message, fields });
  };
  const logger: Logger = { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
  const notifier = { actionCompleted: (a: RemoteAction) => completed.push(a) };
  const net = scriptedConnector();
  const core = await createCore({
    dataDir: dir.path,
    connector: net,
    notifier,
    secrets: createKeyFileSecretBox(dir.path),
    logger,
    clock,
    inbox: { ...opts.inbox, ...(record ? { onCommit: (info) => commits.push(info.requests) } : {}) },
    quarantine: opts.quarantine,
    ...(opts.openDb ? { openDb: opts.openDb } : {}),
  });
  await core.start();
  if (record) core.changes.subscribe((e) => published.push(e));

  // A second connection on the same file, for the tests' own reads (row counts, raw rows).
  const dbFile = join(dir.path, 'depot-remote.sqlite');
  const db = openDatabase(dbFile);
  const repos = createRepositories(db);
  const inbox = core.inbox;
  const quarantine = core.services.quarantine;
  const receiver = await createReceiver(
    { inbox, callbacks: core.services.callbacks, bus: core.bus, logger },
    opts.receiver,
  );
  const url = await receiver.listen({ port: 0, host: '127.0.0.1' });

  const cb = await core.services.callbacks.create(callbackBody(), adminActor('test'));
  const secret = (await core.services.callbacks.openReceiverSecret(cb.id))!;

  const h: ReceiverHarness = {
    core,
    net,
    clock,
    dataDir: dir.path,
    dbFile,
    db,
    repos,
    inbox,
    quarantine,
    receiver,
    url,
    cbid: cb.id,
    secret,
    completed,
    published,
    logs,
    commits,
    async post(body, o = {}) {
      const headers: Record<string, string> = { ...o.headers };
      if (o.contentType !== null) headers['content-type'] = o.contentType ?? 'application/json';
      const secretValue = o.secret === undefined ? h.secret : o.secret;
      if (secretValue !== null) headers[o.secretHeader ?? 'x-depot-secret'] = secretValue;
      const payload =
        typeof body === 'string' || Buffer.isBuffer(body) || body instanceof Readable
          ? body
          : body === undefined
            ? undefined
            : JSON.stringify(body);
      const res = await request(`${url}/webhooks/stellantis/${o.cbid ?? h.cbid}`, {
        method: 'POST',
        headers,
        body: payload,
        ...(opts.dispatcher ? { dispatcher: opts.dispatcher } : {}),
      });
      const text = await res.body.text();
      let parsed: Record<string, unknown> = {};
      try {
        parsed = JSON.parse(text) as Record<string, unknown>;
      } catch {
        // not JSON
      }
      return { status: res.statusCode, body: parsed, text };
    },
    sendRemote: (vehicle = 'veh-e208-01', body = { door: { state: 'Locked' } }) =>
      core.services.remotes.send({
        vehicleRef: vehicle,
        callbackId: h.cbid,
        body,
        actor: adminActor('test'),
      }),
    action: (id) => core.services.remotes.get(id),
    rowCounts() {
      const tables = db.raw
        .prepare<[], string>(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
        )
        .pluck()
        .all();
      return Object.fromEntries(
        tables.map((t) => [t, db.raw.prepare<[], number>(`SELECT count(*) FROM "${t}"`).pluck().get()!]),
      );
    },
    contentHash() {
      const hash = createHash('sha256');
      const objects = db.raw
        .prepare<[], { type: string; name: string; sql: string | null }>(
          'SELECT type, name, sql FROM sqlite_schema ORDER BY type, name',
        )
        .all();
      for (const o of objects) {
        hash.update(JSON.stringify(o));
        if (o.type !== 'table' || o.name.startsWith('sqlite_stat')) continue;
        for (const row of db.raw
          .prepare(`SELECT rowid AS _rowid, * FROM "${o.name}" ORDER BY rowid`)
          .raw()
          .iterate())
          hash.update(
            JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : v)),
          );
      }
      return hash.digest('hex');
    },
    async close() {
      await receiver.close();
      inbox.close();
      db.close();
      await core.close();
      dir.remove();
    },
  };
  return h;
}

/** A fleet notification item (stellantis-api-notes.md N5). */
export function fleetEvent(
  remoteActionId: string,
  eventDate: string,
  eventStatus: Record<string, unknown>,
  extra: Record<string, unknown> = {},
) {
  return {
    remoteActionId,
    vin: 'VR3UHZKXZMT000001',
    eventDate,
    remoteType: 'Doors',
    eventStatus,
    ...extra,
  };
}

/** The fleet payload around events. */
export function fleetPayload(...events: unknown[]) {
  return { callbackId: 'upstream-1', attributes: [{ key: 'site', value: 'depot-42' }], events };
}

/** An end-user message (stellantis-api-notes.md N5). */
export function endUserMessage(remoteActionId: string, date: string, eventStatus: Record<string, unknown>) {
  return {
    callbackId: 'upstream-1',
    attributes: [],
    type: 'Remote',
    date,
    remoteEvent: { remoteActionId, remoteType: 'Doors', eventStatus },
  };
}
