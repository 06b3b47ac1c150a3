// When a schedule's planned instants count from and when the next one is, and the bulk command a run asks for: what
// the service (its DTO's nextRunAt) and the runner (its timer) both read.
import { routinesOf, SETTINGS_KEY, type StoredSettings } from '../config/stored-settings.js';
import type { Repositories, ScheduleRecord, ScheduleRunRecord } from '../db/index.js';
import type { RemoteBody } from '../domain/remote/index.js';
import { nextRunAfter } from '../domain/schedule/next-run.js';
import type { Actor } from '../kernel/actor.js';

/** The bulk command a run starts: the schedule's remote to its vehicles or group, as its creator now. */
export interface ScheduledBulk {
  actor: Actor;
  remote: RemoteBody;
  callbackId: string;
  vehicleIds?: string[];
  groupId?: string;
  scheduleId: string;
}

/**
 * What the runner needs of the bulk service: start a command (checks, plan, stored) and answer its id. A refusal
 * throws a ServiceError, whose code becomes the failed run's reason.
 */
export interface BulkStarter {
  start(command: ScheduledBulk): Promise<{ bulkId: string }> | { bulkId: string };
}

/** The routines' settings now (they apply at once). */
export function scheduleSettings(repos: Pick<Repositories, 'settings'>) {
  const { timeZone, scheduleGraceMinutes } = routinesOf(repos.settings.get<StoredSettings>(SETTINGS_KEY));
  return { timeZone, graceMinutes: scheduleGraceMinutes };
}

/**
 * Planned instants count from here: the last one settled (ran, missed or failed), or the schedule's last change —
 * its creation, a replacement, a resume — whichever is later. So a resume never catches up on what passed while
 * it was paused, and a settled instant is never looked at again.
 */
export function anchorOf(schedule: ScheduleRecord, lastRun: ScheduleRunRecord | undefined): Date {
  const changed = Date.parse(schedule.updatedAt);
  const settled = lastRun ? Date.parse(lastRun.plannedFor) : Number.NEGATIVE_INFINITY;
  return new Date(Math.max(changed, settled));
}

/** The next planned instant of a running schedule, as the runner will meet it. */
export function nextRunOf(
  schedule: ScheduleRecord,
  lastRun: ScheduleRunRecord | undefined,
  timeZone: string,
  now: Date,
): Date {
  const from = Math.max(anchorOf(schedule, lastRun).getTime(), now.getTime());
  return nextRunAfter(schedule.rule, timeZone, new Date(from));
}
