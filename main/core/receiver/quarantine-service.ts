// Use cases for quarantined notifications (the API's /quarantine): the attention list, one entry as received,
// replay and resolve.
import type {
  QuarantineDetailDto,
  QuarantineEntryDto,
  QuarantinePageDto,
  QuarantineReplayDto,
} from '../../../preload/contract/quarantine.js';
import type { Repositories } from '../db/index.js';
import type { Actor } from '../services/actor.js';
import { notFound } from '../services/service-error.js';
import type { NotificationInbox } from './notification-inbox.js';
import { toQuarantineDetailDto, toQuarantineEntryDto } from './quarantine-dto.js';

export interface QuarantineServiceDeps {
  repos: Pick<Repositories, 'quarantine'>;
  inbox: Pick<NotificationInbox, 'replay' | 'dismiss' | 'capacity'>;
}

export interface QuarantineListRequest {
  unresolved?: boolean;
  limit: number;
  offset: number;
}

export type QuarantineService = ReturnType<typeof createQuarantineService>;

export function createQuarantineService({ repos, inbox }: QuarantineServiceDeps) {
  return {
    /**
     * Newest first; `unresolved: true` for what still needs attention. Items carry no body and no errors
     * (see get); `capacity` says how full the quarantine is and whether the receiver refuses because of it.
     */
    list(query: QuarantineListRequest): QuarantinePageDto {
      const filter = query.unresolved === undefined ? {} : { unresolved: query.unresolved };
      return {
        items: repos.quarantine
          .list({ ...filter, limit: query.limit, offset: query.offset })
          .map(toQuarantineEntryDto),
        total: repos.quarantine.count(filter),
        unresolved: repos.quarantine.count({ unresolved: true }),
        limit: query.limit,
        offset: query.offset,
        capacity: inbox.capacity(),
      };
    },

    get(id: number): QuarantineDetailDto {
      const record = repos.quarantine.get(id);
      if (!record) throw notFound('QUARANTINE_NOT_FOUND', `No quarantined notification with id ${id}.`);
      return toQuarantineDetailDto(record);
    },

    replay(id: number, actor: Actor): QuarantineReplayDto {
      const r = inbox.replay(id, actor);
      return {
        outcome: r.outcome,
        stored: r.stored,
        duplicates: r.duplicates,
        entry: toQuarantineEntryDto(r.entry),
      };
    },

    resolve(id: number, actor: Actor): QuarantineEntryDto {
      return toQuarantineEntryDto(inbox.dismiss(id, actor));
    },
  };
}
