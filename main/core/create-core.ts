// The composition root of the core: every dependency is passed in here, nothing is a singleton.
// The headless agent, the desktop shell and the tests all build the core through this one function.
// Two phases: createCore() opens the store and builds the services; start() talks to the outside world
// (connector, fleet sync, upstream registrations, outbound delivery), once the listeners are up.
// Past 300 lines because it is the one place every service is built and wired, in order; it holds no logic.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Connector } from './connector/connector.js';
import {
  createRepositories,
  createStorageHealth,
  createStoreWriter,
  createUnitOfWork,
  openDatabase,
  StorageFullError,
  type Db,
  type OpenDatabaseOptions,
  type StoreWriterMode,
} from './db/index.js';
import { changeEventOf } from './change-events.js';
import { createChangeFeed } from './events/change-feed.js';
import { createEventBus } from './events/event-bus.js';
import { createOutbox, type OutboxOptions } from './outbox/index.js';
import type { Clock } from './ports/clock.js';
import type { Logger } from './ports/logger.js';
import type { Notifier } from './ports/notifier.js';
import type { SecretBox } from './ports/secret-box.js';
import { guardSealedData } from './secrets/sealed-data-guard.js';
import { sealStoredHeaderValues } from './secrets/seal-header-values.js';
import {
  createNotificationInbox,
  createQuarantineService,
  type InboxOptions,
  type QuarantineOptions,
} from './receiver/index.js';
import type { CredentialHasher } from './ports/credential-hasher.js';
import { scryptHasher } from './secrets/credential-hash.js';
import { createAccessGuard } from './kernel/access-guard.js';
import { createActionWatchdog, type WatchdogOptions } from './services/action-watchdog.js';
import { createRetentionRepository } from './db/retention-repository.js';
import { createRetentionService, type RetentionOptions } from './services/retention-service.js';
import { createEnrolmentsService } from './services/enrolments-service.js';
import { createIdentity } from './services/identity.js';
import { createOperatorsService } from './services/operators-service.js';
import { createTokensService } from './services/tokens-service.js';
import { createAuditService } from './services/audit-service.js';
import { createExportService } from './services/export-service.js';
import { createBulkService } from './services/bulk-service.js';
import { createGroupsService } from './services/groups-service.js';
import { createSchedulesService } from './services/schedules-service.js';
import { createCallbacksService } from './services/callbacks-service.js';
import { createCompletionFollowUp } from './services/completion-follow-up.js';
import { createIngestService } from './services/ingest-service.js';
import { createRemotesService } from './services/remotes-service.js';
import { createRemoteQueue } from './services/remote-queue.js';
import { createRemoteSender } from './services/remote-sender.js';
import { createActionView } from './kernel/action-view.js';
import { createSettingsService } from './services/settings-service.js';
import { createUpstreamRegistrar } from './services/upstream-registration.js';
import { createVehiclesService } from './services/vehicles-service.js';
import { watchVehicleConditions } from './services/vehicle-condition-watch.js';
import { currentLogFile } from './diagnostics/index.js';
import { createUpdateFeedService } from './updates/feed-setting.js';
import { createBackupService, type BackupServiceOptions } from './backup/backup-service.js';

export interface CoreDeps {
  dataDir: string;
  connector: Connector;
  notifier: Notifier;
  secrets: SecretBox;
  logger: Logger;
  clock: Clock;
  /** Where the network can reach this agent's receiver (resolved lazily: it listens after the core exists). */
  receiverBaseUrl?: () => string | null;
  /** For the $fleetID variable in callback attributes. */
  fleetId?: () => string | null;
  watchdog?: WatchdogOptions;
  /** How often old history is removed, and how many rows per transaction (issue 18). */
  retention?: RetentionOptions;
  outbox?: OutboxOptions;
  /** Where the outbox's hot writes run: on a thread of their own (default) or inline on the app's connection. */
  storeWriter?: StoreWriterMode;
  inbox?: InboxOptions;
  quarantine?: QuarantineOptions;
  /** Opens the store; tests wrap openDatabase to reach the connection (e.g. to make the disk "full"). */
  openDb?: (file: string, options: OpenDatabaseOptions) => Db;
  /** --forget-secrets: clear the sealed values the key cannot open instead of refusing (see sealed-data-guard). */
  forgetSecrets?: boolean;
  /** Hashes operators' PINs (default: scrypt at the agent's cost; tests pass a cheaper one). */
  credentials?: CredentialHasher;
  /** The release, for the manifest of the backups the core writes (issue 18). */
  appVersion?: string;
  /** How often the backup schedule is looked at (tests shorten it). */
  backups?: BackupServiceOptions;
}

export type Core = Awaited<ReturnType<typeof createCore>>;

export const databaseFile = (dataDir: string) => join(dataDir, 'depot-remote.sqlite');

export async function createCore(deps: CoreDeps) {
  const { dataDir, connector, notifier, secrets, logger, clock } = deps;
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // Every write reports whether the disk took it; the probe at start makes a start on a full disk come up
  // degraded rather than "ok", and the same probe, repeated while degraded, notices when space is back.
  const storage = createStorageHealth({ clock, logger, probe: () => db.probeWrite() });
  const db = (deps.openDb ?? openDatabase)(databaseFile(dataDir), { writes: storage });
  storage.check();
  const repos = createRepositories(db);
  try {
    // Before any service: sealed values must open with this key (or are cleared by --forget-secrets), and header
    // values still stored in clear are sealed (the async half of migration 005).
    await guardSealedData(db, repos, secrets, { forget: deps.forgetSecrets ?? false, clock, logger });
    const resealed = await sealStoredHeaderValues(db, repos, secrets);
    if (resealed > 0) logger.info('header values stored in clear are now sealed', { callbacks: resealed });
  } catch (err) {
    storage.close();
    db.close();
    throw err;
  }
  // Services write through the repositories, one unit of work at a time; none holds the connection itself.
  const unitOfWork = createUnitOfWork(db, logger);
  const bus = createEventBus((err) =>
    logger.warn('event listener failed', { error: (err as Error).message }),
  );

  const upstream = createUpstreamRegistrar({
    connector,
    receiverBaseUrl: deps.receiverBaseUrl ?? (() => null),
  });
  const access = createAccessGuard({ unitOfWork, repos, clock, bus });
  const operators = createOperatorsService({
    unitOfWork,
    repos,
    clock,
    bus,
    access,
    credentials: deps.credentials ?? scryptHasher(),
  });
  const tokens = createTokensService({ unitOfWork, repos, clock, bus, access });
  const enrolments = createEnrolmentsService({ unitOfWork, repos, clock, bus, access });
  const identity = createIdentity(operators, tokens);
  const callbacks = createCallbacksService({ unitOfWork, repos, secrets, clock, bus, upstream, access });
  try {
    // The built-in callback ("This workstation", migration 008) gets its sealed receiver secret at its first start:
    // the migration cannot seal. Before anything registers it upstream or the receiver asks for it.
    await callbacks.ensureBuiltIn();
  } catch (err) {
    // A full disk must not keep the agent from starting (degraded): the next start seals it.
    if (!(err instanceof StorageFullError)) throw err;
    logger.warn('the built-in callback could not get its receiver secret: the disk is full');
  }
  const writer = createStoreWriter(db, deps.storeWriter, (reason) =>
    logger.warn('the outbox writes on the main thread: its writer thread could not start', { reason }),
  );
  // The WAL's checkpoints run on the writer's thread too: on the event loop they held it 10–100 ms at a time
  // (docs/benchmarks.md, 3 December).
  writer.checkpoints();
  const outbox = createOutbox({
    unitOfWork,
    writer,
    repos,
    clock,
    bus,
    logger,
    openSecrets: (id) => callbacks.openSecrets(id),
    // A 410 Gone pauses the callback through its service, which tells the upstream twin (late-bound: called later).
    pauseCallback: (id, actor, detail) => callbacks.pauseBySystem(id, actor, detail),
    fleetId: deps.fleetId ?? (() => null),
    ...(deps.outbox ? { options: deps.outbox } : {}),
  });
  const vehicles = createVehiclesService({ repos, connector, clock, bus });
  watchVehicleConditions(bus);
  const completions = createCompletionFollowUp({
    notifier,
    vehicles,
    clock,
    logger,
    partOfBulk: (id) => repos.bulk.itemByAction(id) !== null,
  });
  const ingest = createIngestService({
    unitOfWork,
    repos,
    clock,
    bus,
    notifier: completions,
    logger,
    outbox,
  });
  const quarantine = createQuarantineService(
    { unitOfWork, repos, ingest, bus, clock, logger },
    deps.quarantine,
  );
  const inbox = createNotificationInbox(
    { unitOfWork, ingest, quarantine: quarantine.intake, clock, logger, durably: unitOfWork.deferred },
    deps.inbox,
  );
  const sender = createRemoteSender({ unitOfWork, repos, connector, clock, bus });
  // The queue per vehicle and feature (docs/decisions.md, 21): it moves once started, below.
  const remoteQueue = createRemoteQueue({ unitOfWork, repos, connector, clock, bus, logger, sender, ingest });
  const remotes = createRemotesService({
    unitOfWork,
    repos,
    clock,
    bus,
    access,
    approvers: operators,
    sender,
    queue: remoteQueue,
  });
  // Depot routines (issue 16): groups, and bulk commands sent by a runner that moves once started, below.
  const groups = createGroupsService({ unitOfWork, repos, clock, bus, access, vehicles });
  const bulk = createBulkService({
    unitOfWork,
    repos,
    clock,
    bus,
    logger,
    access,
    remotes,
    vehicles,
    groups,
    notifier,
  });
  // Schedules: each run a bulk command, as its creator is at the time (docs/decisions.md, 24); it watches once started.
  const schedules = createSchedulesService({ unitOfWork, repos, clock, bus, access, logger, bulk });
  const audit = createAuditService({ repos });
  const exports = createExportService({ repos, access, bus, clock });
  const settings = createSettingsService({ unitOfWork, repos, secrets, clock, bus });
  // The update feed setting and the work an install must wait for (issue 18); the runtime's updater is the shell's.
  const updateFeed = createUpdateFeedService({ unitOfWork, repos, clock, bus, access });
  // Scheduled backups and backups from Settings (issue 18); audits a restore the shell did before this start.
  const backups = createBackupService(
    {
      dataDir,
      unitOfWork,
      repos,
      secrets,
      clock,
      bus,
      logger,
      access,
      appVersion: deps.appVersion ?? '0.0.0',
    },
    deps.backups,
  );
  const watchdog = createActionWatchdog({ unitOfWork, repos, clock, bus }, deps.watchdog);
  // Old history goes on a timer, a small batch per transaction (issue 18); it sweeps once started.
  const retention = createRetentionService(
    { repos, bus, retention: createRetentionRepository(db), clock, logger },
    deps.retention,
  );
  // The wire events for live clients, the desktop window and the tray: built only while one of them subscribes.
  const changes = createChangeFeed(
    bus,
    changeEventOf({
      vehicle: (id) => vehicles.view(id),
      action: createActionView(repos),
      callback: (id) => callbacks.view(id),
      delivery: (id, record) => outbox.views.delivery(id, record),
      target: (origin) => outbox.views.target(origin),
      group: (id) => groups.view(id),
      bulk: (id) => bulk.summary(id),
      schedule: (id) => schedules.view(id),
    }),
    (err) => logger.warn('change event failed', { error: (err as Error).message }),
  );

  try {
    // Sends cut short by the stop: back at the head of their lane, for the network to be asked about them before
    // they go (never twice); a connector that cannot be asked leaves them Refused, SEND_INTERRUPTED.
    const interrupted = connector.listRemotes
      ? remoteQueue.recoverInterrupted()
      : watchdog.recoverInterrupted();
    if (interrupted > 0)
      logger.warn('sends interrupted by the last stop were flagged', { count: interrupted });
  } catch (err) {
    // A full disk must not keep the agent from starting (degraded): the next start flags them.
    if (!(err instanceof StorageFullError)) throw err;
    logger.warn('sends interrupted by the last stop could not be flagged: the disk is full');
  }

  let started = false;
  let closed = false;
  return {
    services: {
      vehicles,
      callbacks,
      remotes,
      ingest,
      audit,
      exports,
      settings,
      deliveries: outbox.service,
      quarantine,
      storage,
      access,
      operators,
      tokens,
      enrolments,
      groups,
      bulk,
      schedules,
      backups,
      updateFeed,
    },
    /** The folder this core keeps its data in, for the support bundle (GET /api/v1/diagnostics). */
    dataFolder: {
      dataDir,
      databaseFile: databaseFile(dataDir),
      // Where the logger writes: the agent's or the desktop's log, whichever was written last.
      get logFile() {
        return currentLogFile(dataDir);
      },
      open: (sealed: string) => secrets.decrypt(sealed),
    },
    /** What a session's principal stands for now (the transports resolve callers with it). */
    identity,
    secretStorage: secrets.kind,
    /** Domain events, for the core's own subscribers. */
    bus,
    /** Wire change events (preload/contract/events.ts), for the edges: SSE, IPC, the tray. */
    changes,
    inbox,
    outbox,
    connector,
    connectorName: connector.name,
    /** The fleet the connector serves (`{fid}` of the fleet API mirror); null when it has none. */
    fleetId: deps.fleetId ?? (() => null),
    watchdog,
    retention,
    /** Actions not settled (Queued, Sending, Pending), for the tray. */
    openActions: () => repos.actions.listOpen(),
    /**
     * Actions an event may still change (not terminal: TimedOut included, a late Done completes it) created at or
     * after `since`, for a connector that polls (Stellantis without a public receiver URL).
     */
    unterminatedActions: (since: string) => repos.actions.listUnterminated(since),
    upstreamIdOf: (callbackId: string) => repos.callbacks.get(callbackId)?.upstreamId ?? null,

    async start() {
      if (started) return;
      started = true;
      await connector.start(async (events) => {
        ingest.ingest(events, 'connector');
      });
      try {
        const count = await vehicles.sync();
        logger.info('fleet synchronised', { vehicles: count, connector: connector.name });
        // In the background: a slow network must not hold the start.
        void vehicles.refreshAllStatuses().then((r) => logger.info('vehicle statuses read', r));
      } catch (err) {
        // The cached fleet still serves the UI; the next sync will catch up.
        logger.warn('fleet synchronisation failed; using the cached fleet', {
          error: (err as Error).message,
        });
      }
      const sync = await callbacks.syncUpstream();
      for (const f of sync.failed)
        logger.warn('callback not registered upstream', { callbackId: f.id, error: f.message });
      outbox.start();
      watchdog.start();
      retention.start();
      remoteQueue.start();
      // After the queue: a resumed bulk's vehicles join lanes that are moving.
      bulk.resume();
      await schedules.start();
      backups.start();
    },

    async close() {
      if (closed) return;
      closed = true;
      await backups.stop();
      await schedules.stop();
      bulk.stop();
      remoteQueue.stop();
      watchdog.stop();
      await retention.stop();
      await outbox.stop();
      await writer.close();
      inbox.close();
      quarantine.close();
      await connector.close();
      storage.close();
      db.close();
    },
  };
}
