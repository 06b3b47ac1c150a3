// The schedules service over a real SQLite file (the app's migrations, repositories, units of work and access
// guard) with a manual clock and a bulk starter that records what each run asked for and stores a real bulk row
// (the run references it). `restart` closes the connection and opens the same file again at a chosen instant, as
// the agent would after a stop. The end-to-end tests use the core's own bulk service instead.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { SETTINGS_KEY, type StoredSettings } from '../../../main/core/config/stored-settings.js';
import {
  createRepositories,
  createUnitOfWork,
  openDatabase,
  type Db,
  type OperatorRecord,
  type Repositories,
  type RunUnitOfWork,
} from '../../../main/core/db/index.js';
import { remoteTypeOfBody } from '../../../main/core/domain/remote/index.js';
import { createEventBus, type EventBus } from '../../../main/core/events/event-bus.js';
import type { DomainEvent } from '../../../main/core/events/domain-events.js';
import { createAccessGuard, type AccessGuard } from '../../../main/core/kernel/access-guard.js';
import type { Actor } from '../../../main/core/kernel/actor.js';
import type { ServiceError } from '../../../main/core/kernel/service-error.js';
import { manualClock, type ManualClock } from '../../../main/core/ports/clock.js';
import { silentLogger } from '../../../main/core/ports/logger.js';
import { operatorActor } from '../../../main/core/services/operators-service.js';
import {
  createSchedulesService,
  type ScheduledBulk,
  type SchedulesService,
} from '../../../main/core/services/schedules-service.js';
import type { Role } from '../../../preload/contract/vocabulary.js';
import { IN_PROCESS_VEHICLES } from '../../helpers/in-process-fleet.js';
import { tempDir } from '../../helpers/temp-dir.js';

/** Monday 5 January 2026, 17:59 in Paris (UTC+1): a minute before a schedule at 18:00. */
export const MONDAY_1759 = '2026-01-05T16:59:00.000Z';

export interface ScheduleWorld {
  dir: string;
  clock: ManualClock;
  db: Db;
  repos: Repositories;
  unitOfWork: RunUnitOfWork;
  bus: EventBus;
  access: AccessGuard;
  schedules: SchedulesService;
  /** What each run asked the bulk service for, in order. */
  bulks: ScheduledBulk[];
  /** Domain events published, in order. */
  events: DomainEvent[];
  /** The next bulk start throws this (then starts succeed again). */
  refuseNextBulk(error: ServiceError): void;
  /** An operator with a role, stored (runs re-read their creator from the store). */
  operator(role: Role, name?: string): Actor;
  setOperator(id: string, change: Partial<Pick<OperatorRecord, 'role' | 'enabled' | 'deletedAt'>>): void;
  /** Stops the service and closes the file; then opens it again at `at` (same clock object, set there). */
  restart(at: string): Promise<ScheduleWorld>;
  /** Stops the service, closes the file and removes the folder. */
  close(): Promise<void>;
}

export interface WorldOptions {
  start?: string;
  timeZone?: string;
  graceMinutes?: number;
  dir?: string;
  /** Start the runner (default true). */
  run?: boolean;
}

export async function scheduleWorld(options: WorldOptions = {}): Promise<ScheduleWorld> {
  const temp = options.dir ? null : tempDir('depot-schedules-');
  const dir = options.dir ?? temp!.path;
  const clock = manualClock(options.start ?? MONDAY_1759);
  return open(dir, clock, options, () => temp?.remove());
}

async function open(
  dir: string,
  clock: ManualClock,
  options: WorldOptions,
  removeDir: () => void,
): Promise<ScheduleWorld> {
  const db = openDatabase(join(dir, 'depot-remote.sqlite'));
  const repos = createRepositories(db);
  const unitOfWork = createUnitOfWork(db, silentLogger);
  const bus = createEventBus();
  const events: DomainEvent[] = [];
  bus.subscribe((e) => events.push(e));
  const access = createAccessGuard({ unitOfWork, repos, clock, bus });

  if (repos.vehicles.count() === 0) {
    repos.vehicles.upsertMany(
      IN_PROCESS_VEHICLES.map((v) => ({
        id: v.id,
        vin: v.vin,
        label: v.label ?? null,
        brand: v.brand ?? null,
        model: v.model ?? null,
        energy: v.energy,
        capabilities: v.capabilities,
        syncedAt: clock.nowIso(),
      })),
    );
  }
  if (options.timeZone !== undefined || options.graceMinutes !== undefined) {
    const stored = repos.settings.get<StoredSettings>(SETTINGS_KEY) ?? ({} as StoredSettings);
    repos.settings.set(
      SETTINGS_KEY,
      {
        ...stored,
        routines: {
          bulkRatePerMinute: 600,
          timeZone: options.timeZone ?? stored.routines?.timeZone ?? 'Europe/Paris',
          scheduleGraceMinutes: options.graceMinutes ?? stored.routines?.scheduleGraceMinutes ?? 30,
        },
      },
      clock.nowIso(),
    );
  } else if (!repos.settings.get<StoredSettings>(SETTINGS_KEY)?.routines) {
    repos.settings.set(
      SETTINGS_KEY,
      { routines: { bulkRatePerMinute: 600, timeZone: 'Europe/Paris', scheduleGraceMinutes: 30 } },
      clock.nowIso(),
    );
  }

  const bulks: ScheduledBulk[] = [];
  let refusal: ServiceError | null = null;
  const schedules = createSchedulesService({
    unitOfWork,
    repos,
    clock,
    bus,
    access,
    logger: silentLogger,
    bulk: {
      async start(command) {
        bulks.push(command);
        if (refusal) {
          const error = refusal;
          refusal = null;
          throw error;
        }
        const bulkId = randomUUID();
        unitOfWork(() =>
          repos.bulk.insert(
            {
              id: bulkId,
              type: remoteTypeOfBody(command.remote),
              remote: command.remote as unknown as Record<string, unknown>,
              callbackId: command.callbackId,
              groupId: command.groupId ?? null,
              scheduleId: command.scheduleId,
              status: 'running',
              whenBusy: null,
              expiresInSeconds: null,
              actor: command.actor,
              approvedBy: null,
              createdAt: clock.nowIso(),
              finishedAt: null,
            },
            [],
          ),
        );
        return { bulkId };
      },
    },
  });
  if (options.run ?? true) await schedules.start();

  let shut = false;
  async function shutDown() {
    if (shut) return;
    shut = true;
    await schedules.stop();
    db.close();
  }
  const world: ScheduleWorld = {
    dir,
    clock,
    db,
    repos,
    unitOfWork,
    bus,
    access,
    schedules,
    bulks,
    events,
    refuseNextBulk(error) {
      refusal = error;
    },
    operator(role, name = `${role} ${randomUUID().slice(0, 4)}`) {
      const now = clock.nowIso();
      const record: OperatorRecord = {
        id: randomUUID(),
        name,
        role,
        credential: 'pin',
        secretHash: 'not-used',
        enabled: true,
        failedAttempts: 0,
        lockedUntil: null,
        createdAt: now,
        updatedAt: now,
        lastSignInAt: null,
        deletedAt: null,
      };
      repos.operators.insert(record);
      return operatorActor(record);
    },
    setOperator(id, change) {
      repos.operators.update({ ...repos.operators.get(id)!, ...change, updatedAt: clock.nowIso() });
    },
    async restart(at) {
      await shutDown();
      clock.set(at);
      return open(dir, clock, { ...options, timeZone: undefined, graceMinutes: undefined }, removeDir);
    },
    async close() {
      await shutDown();
      removeDir();
    },
  };
  return world;
}

/** Lets the runner's pending promises (a bulk start, its settling) finish. */
export async function settled(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** The actions of the audit log, oldest first, optionally only one kind. */
export function auditActions(world: Pick<ScheduleWorld, 'repos'>, action?: string) {
  return world.repos.audit
    .list({ limit: 500, ...(action ? { action } : {}) })
    .map((e) => ({ action: e.action, operator: e.operator, actor: e.actor, detail: e.detail }))
    .reverse();
}
