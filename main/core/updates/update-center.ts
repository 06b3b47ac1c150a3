// The running app's update state (issue 18): the feed setting, a check at start and once a day on the Clock, the
// state the runtime's port reports (checking, available, downloading, ready, up to date, error) pushed to every
// client as update.changed, and an install refused while commands are in flight.
import type { UpdateStateDto, UpdateStatusDto } from '../../../preload/contract/updates.js';
import type { EventBus } from '../events/event-bus.js';
import type { Actor } from '../kernel/actor.js';
import { ServiceError } from '../kernel/service-error.js';
import type { UpdatePort } from '../operations/ports.js';
import type { Clock, TimerHandle } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';
import type { UpdateFeedService } from './feed-setting.js';

export const CHECK_EVERY_MS = 24 * 60 * 60 * 1000;

export interface UpdateCenterDeps {
  feed: UpdateFeedService;
  port: UpdatePort;
  bus: Pick<EventBus, 'publish'>;
  clock: Clock;
  logger: Logger;
  version: string;
  /** How often the feed is read again (default: daily). */
  everyMs?: number;
}

export type UpdateCenter = ReturnType<typeof createUpdateCenter>;

export function createUpdateCenter({
  feed,
  port,
  bus,
  clock,
  logger,
  version,
  everyMs = CHECK_EVERY_MS,
}: UpdateCenterDeps) {
  let state: UpdateStateDto = { kind: 'idle' };
  let lastCheckAt: string | null = null;
  let running: Promise<void> | null = null;
  let timer: TimerHandle | null = null;
  let stopped = false;
  // A check started before the feed changed reports nothing once it ends: it was about the old feed.
  let generation = 0;

  function status(): UpdateStatusDto {
    return { currentVersion: version, feedUrl: feed.get(), runtime: port.runtime, state, lastCheckAt };
  }

  function publish() {
    bus.publish({ type: 'update.changed', status: status() });
  }

  function report(at: number) {
    return (next: UpdateStateDto) => {
      if (at !== generation || stopped) return;
      // A download that failed after the check answered still ends the check's story (the state shows it).
      state = next;
      if (next.kind === 'error') logger.warn('update check failed', { code: next.code, ...next.params });
      else if (next.kind === 'ready')
        logger.info('update downloaded, installs at the next restart', { version: next.version });
      publish();
    };
  }

  /** Reads the feed now (one check at a time: a second ask joins the running one). */
  function runCheck(feedUrl: string): Promise<void> {
    if (running) return running;
    const at = generation;
    lastCheckAt = clock.nowIso();
    report(at)({ kind: 'checking' });
    running = port
      .check(feedUrl, report(at))
      .catch((err: unknown) => {
        // The port reports its own failures; anything else is a fault of the port, kept out of the schedule.
        logger.error('update check threw', { error: (err as Error).message });
      })
      .finally(() => {
        running = null;
      });
    return running;
  }

  function schedule() {
    if (stopped) return;
    timer = clock.setTimeout(() => {
      timer = null;
      const url = feed.get();
      if (url && !busyDownloading()) void runCheck(url);
      schedule();
    }, everyMs);
  }

  /** A download in progress or done is not thrown away by the daily check. */
  const busyDownloading = () => state.kind === 'downloading' || state.kind === 'ready';

  return {
    status,

    /** At start (once the core runs): a check now when a feed is set, then daily. */
    start() {
      const url = feed.get();
      if (url) void runCheck(url);
      schedule();
    },

    /** Admin: a new feed (or none). The state starts over; the next check reads the new feed. */
    setFeed(text: string, actor: Actor): UpdateStatusDto {
      const before = feed.get();
      const after = feed.set(text, actor);
      // A download under way or done stays (it is still that version); otherwise the state starts over, and a check
      // of the old feed still running reports nothing.
      if (after !== before && !busyDownloading()) {
        generation += 1;
        state = { kind: 'idle' };
      }
      publish();
      return status();
    },

    /** Admin: check now; 409 UPDATE_FEED_NOT_SET without a feed. Answers once the feed was read. */
    async check(): Promise<UpdateStatusDto> {
      const url = feed.get();
      if (!url) throw new ServiceError(409, 'UPDATE_FEED_NOT_SET');
      if (!busyDownloading()) await runCheck(url);
      return status();
    },

    /**
     * Admin: restart now to install. Refused while commands are in flight (409 UPDATE_BUSY), on a runtime that only
     * tells (409 UPDATE_CANNOT_INSTALL) and when nothing is downloaded (404 UPDATE_NOT_READY). The quit happens after
     * the answer left.
     */
    install(actor: Actor): { version: string } {
      if (port.runtime !== 'install') throw new ServiceError(409, 'UPDATE_CANNOT_INSTALL');
      if (state.kind !== 'ready') throw new ServiceError(404, 'UPDATE_NOT_READY');
      const work = feed.inFlight();
      if (work.actions > 0 || work.bulks > 0) {
        throw new ServiceError(409, 'UPDATE_BUSY', { params: { actions: work.actions, bulks: work.bulks } });
      }
      const ready = state.version;
      feed.auditInstall(actor, ready);
      logger.info('restarting to install the update', { version: ready });
      clock.setTimeout(() => port.install(), 50);
      return { version: ready };
    },

    async stop() {
      stopped = true;
      if (timer) clock.clearTimeout(timer);
      timer = null;
      await port.close();
    },
  };
}
