// Runs schedules at their planned instants, on the clock port (tests move time; nothing waits real minutes).
// Exactly once, by the store: a planned instant is *claimed* — its schedule_runs row inserted, UNIQUE on (schedule,
// planned instant) — before its bulk command starts, so a second timer, a restart at the same instant or a second
// agent on the same file finds it taken and does nothing. The claim and the bulk's own transaction are two units
// (the bulk's checks are async: an approval PIN, the policy), so a stop between them leaves a claimed run with no
// bulk id; the next start links the bulk the schedule did start, or records the run failed RUN_INTERRUPTED —
// never starts it again.
// What came while nothing ran (the agent was off, the machine slept) is decided by one rule (domain/schedule/
// due-runs.ts): the most recent planned instant runs within the grace setting; every other one is recorded missed.
import { randomUUID } from 'node:crypto';
import type {
  Repositories,
  RunUnitOfWork,
  ScheduleRecord,
  ScheduleRunRecord,
  UnitOfWork,
} from '../db/index.js';
import { dueRuns } from '../domain/schedule/due-runs.js';
import { plannedBetween } from '../domain/schedule/next-run.js';
import type { EventBus } from '../events/event-bus.js';
import { systemActor, who, type Actor } from '../kernel/actor.js';
import { createAuditTrail } from '../kernel/audit-trail.js';
import { ServiceError } from '../kernel/service-error.js';
import type { Clock, TimerHandle } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';
import { creatorNow } from './schedule-creator.js';
import { anchorOf, nextRunOf, scheduleSettings, type BulkStarter } from './schedule-timing.js';

/**
 * The longest the runner sleeps between two looks at the clock. Timers run on a monotonic clock that a suspended
 * machine does not advance, and the site's time zone may change; a look every minute catches both.
 */
const RUNNER_MAX_WAIT_MS = 60_000;

/** The agent's own name in the audit log for what no one did (a planned time found missed). */
const SCHEDULER = 'schedules';

export interface ScheduleRunnerDeps {
  unitOfWork: RunUnitOfWork;
  repos: Repositories;
  clock: Clock;
  bus: EventBus;
  logger: Logger;
  bulk: BulkStarter;
}

export function createScheduleRunner({ unitOfWork, repos, clock, bus, logger, bulk }: ScheduleRunnerDeps) {
  const trail = createAuditTrail(repos, bus);
  const publish = (scheduleId: string) => () => bus.publish({ type: 'schedule.changed', scheduleId });

  let started = false;
  let timer: TimerHandle | null = null;
  /** The pass in progress (it awaits bulk starts); a wake-up meanwhile asks for another after it. */
  let busy: Promise<void> | null = null;
  let again = false;

  function clearTimer() {
    if (timer) clock.clearTimeout(timer);
    timer = null;
  }

  /** Sleeps until the earliest next run of a running schedule (at most a minute); not at all when none runs. */
  function arm() {
    clearTimer();
    if (!started) return;
    let wait = RUNNER_MAX_WAIT_MS;
    try {
      const running = repos.schedules.listRunning();
      if (running.length === 0) return;
      const { timeZone } = scheduleSettings(repos);
      const now = clock.now();
      for (const s of running) {
        const next = nextRunOf(s, repos.schedules.lastRun(s.id), timeZone, now).getTime();
        wait = Math.min(wait, Math.max(next - now.getTime(), 0));
      }
    } catch (error) {
      // A time zone this runtime does not know, a store that cannot be read: look again in a minute.
      logger.warn('the next scheduled run could not be worked out', {
        error: (error as Error)?.message ?? String(error),
      });
    }
    timer = clock.setTimeout(wake, wait);
  }

  /** Records planned instants missed (one row each) and audits them once for the schedule. */
  function recordMissed(schedule: ScheduleRecord, missed: Date[]) {
    unitOfWork((uow) => {
      const at = clock.nowIso();
      const claimed = missed.filter((planned) =>
        repos.schedules.claimRun({
          id: randomUUID(),
          scheduleId: schedule.id,
          plannedFor: planned.toISOString(),
          status: 'missed',
          at,
          bulkId: null,
          reason: null,
        }),
      );
      if (claimed.length === 0) return;
      uow.afterCommit(
        trail.append({
          at,
          ...who(systemActor(SCHEDULER)),
          action: 'schedule.missed',
          reason: null,
          detail: {
            scheduleId: schedule.id,
            name: schedule.name,
            count: claimed.length,
            first: claimed[0]!.toISOString(),
            last: claimed.at(-1)!.toISOString(),
          },
        }),
      );
      uow.afterCommit(publish(schedule.id));
    });
  }

  /** Sets a claimed run's outcome and audits it: as the creator who ran it, or as the stored creator if none. */
  function settle(
    uow: UnitOfWork,
    schedule: ScheduleRecord,
    run: Pick<ScheduleRunRecord, 'id' | 'plannedFor'>,
    outcome: { bulkId: string } | { reason: string },
    actor: Actor | null,
  ) {
    const ran = 'bulkId' in outcome;
    const bulkId = ran ? outcome.bulkId : null;
    const reason = ran ? null : outcome.reason;
    repos.schedules.settleRun(run.id, { status: ran ? 'ran' : 'failed', bulkId, reason });
    uow.afterCommit(
      trail.append({
        at: clock.nowIso(),
        ...(actor ? who(actor) : { operator: schedule.createdBy.name, actor: schedule.createdBy }),
        action: 'schedule.run',
        reason: null,
        callbackId: schedule.callbackId,
        detail: {
          scheduleId: schedule.id,
          name: schedule.name,
          plannedFor: run.plannedFor,
          status: ran ? 'ran' : 'failed',
          bulkId,
          ...(reason ? { failure: reason } : {}),
        },
      }),
    );
    uow.afterCommit(publish(schedule.id));
  }

  /** Claims the planned instant, then starts its bulk as the creator is now; nothing when it was claimed before. */
  async function runAt(collected: ScheduleRecord, planned: Date) {
    // As it is now: paused, changed or deleted since it was collected (an earlier run of this pass took a while).
    const schedule = repos.schedules.get(collected.id);
    if (!schedule || schedule.status !== 'Running' || schedule.updatedAt !== collected.updatedAt) return;
    const run = { id: randomUUID(), plannedFor: planned.toISOString() };
    const claimed = unitOfWork(() =>
      repos.schedules.claimRun({
        ...run,
        scheduleId: schedule.id,
        status: 'ran',
        at: clock.nowIso(),
        bulkId: null,
        reason: null,
      }),
    );
    if (!claimed) return;
    const creator = creatorNow(repos, clock, schedule.createdBy);
    if (!creator.ok) {
      unitOfWork((uow) => settle(uow, schedule, run, { reason: creator.reason }, null));
      return;
    }
    let outcome: { bulkId: string } | { reason: string };
    try {
      const { bulkId } = await bulk.start({
        actor: creator.actor,
        remote: schedule.remote,
        callbackId: schedule.callbackId,
        ...(schedule.groupId !== null ? { groupId: schedule.groupId } : {}),
        ...(schedule.vehicleIds !== null ? { vehicleIds: schedule.vehicleIds } : {}),
        scheduleId: schedule.id,
      });
      outcome = { bulkId };
    } catch (error) {
      if (!(error instanceof ServiceError)) {
        logger.error('a scheduled run could not start its bulk command', {
          scheduleId: schedule.id,
          error: (error as Error)?.message ?? String(error),
        });
      }
      outcome = { reason: error instanceof ServiceError ? error.code : 'RUN_FAILED' };
    }
    unitOfWork((uow) => settle(uow, schedule, run, outcome, creator.actor));
  }

  /** What came due for each running schedule: missed ones recorded now, the ones to run returned. */
  function collect(): [ScheduleRecord, Date][] {
    const { timeZone, graceMinutes } = scheduleSettings(repos);
    const now = clock.now();
    const toRun: [ScheduleRecord, Date][] = [];
    for (const schedule of repos.schedules.listRunning()) {
      const due = plannedBetween(
        schedule.rule,
        timeZone,
        anchorOf(schedule, repos.schedules.lastRun(schedule.id)),
        now,
      );
      const { run, missed } = dueRuns(due, now, graceMinutes);
      if (missed.length > 0) recordMissed(schedule, missed);
      if (run) toRun.push([schedule, run]);
    }
    return toRun;
  }

  /** One look at the clock: record what was missed, run what is due, sleep until the next. */
  function wake() {
    timer = null;
    if (!started) return;
    if (busy) {
      again = true;
      return;
    }
    let toRun: [ScheduleRecord, Date][];
    try {
      toRun = collect();
    } catch (error) {
      // A full disk, most likely: the claims did not happen, so the next look tries again.
      logger.warn('schedules could not be checked', { error: (error as Error)?.message ?? String(error) });
      arm();
      return;
    }
    if (toRun.length === 0) {
      arm();
      return;
    }
    busy = (async () => {
      for (const [schedule, planned] of toRun) {
        try {
          await runAt(schedule, planned);
        } catch (error) {
          logger.warn('a scheduled run could not be recorded', {
            scheduleId: schedule.id,
            error: (error as Error)?.message ?? String(error),
          });
        }
      }
    })().finally(() => {
      busy = null;
      if (again) {
        again = false;
        wake();
      } else arm();
    });
  }

  /** Runs claimed before the last stop whose outcome was never written: linked to their bulk, or failed. */
  function recoverInterrupted(): number {
    const open = repos.schedules.listUnsettledRuns();
    if (open.length === 0) return 0;
    unitOfWork((uow) => {
      for (const run of open) {
        const schedule = repos.schedules.get(run.scheduleId, { includeDeleted: true });
        if (!schedule) continue;
        const bulkId = repos.schedules.bulkStartedBy(run.scheduleId, run.at);
        settle(uow, schedule, run, bulkId ? { bulkId } : { reason: 'RUN_INTERRUPTED' }, null);
      }
    });
    return open.length;
  }

  return {
    /** Settles runs a stop cut short, then catches up on what came while the agent was off, and keeps watch. */
    async start(): Promise<void> {
      if (started) return;
      started = true;
      const interrupted = recoverInterrupted();
      if (interrupted > 0)
        logger.warn('scheduled runs cut short by the last stop were settled', { interrupted });
      wake();
      await busy;
    },

    /** Stops watching; a run already starting finishes (its claim is stored). */
    async stop(): Promise<void> {
      started = false;
      clearTimer();
      await busy;
    },

    /** A schedule was created, changed, paused, resumed or deleted: look again now. */
    changed() {
      if (started && !busy) arm();
    },
  };
}
