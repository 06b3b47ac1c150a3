// The update feed as a setting of its own (key `updates.feed` in the settings table), changed by an admin and
// audited; and what the core knows of the work in flight, so that an install never lands in the middle of a command.
import type { Repositories, RunUnitOfWork } from '../db/index.js';
import type { EventBus } from '../events/event-bus.js';
import type { Clock } from '../ports/clock.js';
import type { AccessGuard } from '../kernel/access-guard.js';
import { who, type Actor } from '../kernel/actor.js';
import { createAuditTrail } from '../kernel/audit-trail.js';
import { normaliseFeedUrl } from './feed-url.js';

export const UPDATE_FEED_KEY = 'updates.feed';

export type UpdateFeedService = ReturnType<typeof createUpdateFeedService>;

export interface WorkInFlight {
  /** Actions not settled: queued, sending or pending. */
  actions: number;
  /** Bulk commands with vehicles still to send or to settle. */
  bulks: number;
}

export function createUpdateFeedService(deps: {
  unitOfWork: RunUnitOfWork;
  repos: Repositories;
  clock: Clock;
  bus: EventBus;
  access: AccessGuard;
}) {
  const { unitOfWork, repos, clock, bus, access } = deps;
  const trail = createAuditTrail(repos, bus);
  return {
    /** The stored feed; null: updates off. */
    get(): string | null {
      return repos.settings.get<string | null>(UPDATE_FEED_KEY) ?? null;
    },

    /** Checks, stores and audits a new feed (admin); 400 UPDATE_FEED_INVALID changes nothing. */
    set(text: string, actor: Actor): string | null {
      access.require(actor, 'admin', 'updates.settings');
      const feed = normaliseFeedUrl(text);
      const before = repos.settings.get<string | null>(UPDATE_FEED_KEY) ?? null;
      const now = clock.nowIso();
      unitOfWork((uow) => {
        repos.settings.set(UPDATE_FEED_KEY, feed, now);
        uow.afterCommit(
          trail.append({
            at: now,
            ...who(actor),
            action: 'updates.settings-change',
            reason: actor.reason ?? null,
            detail: { feedUrl: feed, previous: before },
          }),
        );
      });
      return feed;
    },

    /** What an install would interrupt now. */
    inFlight(): WorkInFlight {
      return { actions: repos.actions.listOpen().length, bulks: repos.bulk.unfinished().length };
    },

    /** The install an admin asked for, in the audit log before the app quits for it. */
    auditInstall(actor: Actor, version: string): void {
      unitOfWork((uow) =>
        uow.afterCommit(
          trail.append({
            at: clock.nowIso(),
            ...who(actor),
            action: 'updates.install',
            reason: actor.reason ?? null,
            detail: { version },
          }),
        ),
      );
    },
  };
}
