// Who a schedule's run acts as: its creator as they are at the time of the run, read again from the store — not as
// they were when they made it. A creator deleted, disabled, revoked or moved below supervisor since makes the run
// fail with a code saying which (never run on a role nobody holds any more).
import { roleAtLeast, type ActorRef } from '../../../preload/contract/vocabulary.js';
import type { Repositories } from '../db/index.js';
import { machineActor, type Actor } from '../kernel/actor.js';
import type { Clock } from '../ports/clock.js';
import { operatorActor } from './operators-service.js';

/** The lowest role that may make a schedule, and that its creator must still hold for it to run. */
export const SCHEDULE_ROLE = 'supervisor' as const;

/** Why a run could not act as its creator (a schedule_runs `reason`). */
export type CreatorRefusal =
  | 'CREATOR_DELETED'
  | 'CREATOR_DISABLED'
  | 'CREATOR_TOKEN_REVOKED'
  | 'CREATOR_TOKEN_EXPIRED'
  | 'CREATOR_ROLE_TOO_LOW'
  | 'CREATOR_UNKNOWN';

export type CreatorNow = { ok: true; actor: Actor } | { ok: false; reason: CreatorRefusal };

export function creatorNow(
  repos: Pick<Repositories, 'operators' | 'apiTokens'>,
  clock: Clock,
  ref: ActorRef,
): CreatorNow {
  const actor = resolve(repos, clock, ref);
  if (!actor.ok) return actor;
  if (!roleAtLeast(actor.actor.role, SCHEDULE_ROLE)) return { ok: false, reason: 'CREATOR_ROLE_TOO_LOW' };
  return actor;
}

function resolve(
  repos: Pick<Repositories, 'operators' | 'apiTokens'>,
  clock: Clock,
  ref: ActorRef,
): CreatorNow {
  switch (ref.kind) {
    case 'machine':
      // The api-token file: admin for as long as it exists, which is as long as the agent runs.
      return { ok: true, actor: machineActor(ref.onBehalfOf ?? null) };
    case 'operator': {
      const record = ref.id ? repos.operators.get(ref.id) : undefined;
      if (!record || record.deletedAt) return { ok: false, reason: 'CREATOR_DELETED' };
      if (!record.enabled) return { ok: false, reason: 'CREATOR_DISABLED' };
      return { ok: true, actor: operatorActor(record) };
    }
    case 'token': {
      const record = ref.id ? repos.apiTokens.get(ref.id) : undefined;
      if (!record || record.revokedAt) return { ok: false, reason: 'CREATOR_TOKEN_REVOKED' };
      if (record.expiresAt && Date.parse(record.expiresAt) <= clock.now().getTime())
        return { ok: false, reason: 'CREATOR_TOKEN_EXPIRED' };
      const actor: Actor = {
        operator: record.label,
        kind: 'token',
        id: record.id,
        role: record.role,
        onBehalfOf: ref.onBehalfOf ?? null,
      };
      return { ok: true, actor };
    }
    case 'system':
      // The agent itself makes no schedules; a row naming it was not written by this code.
      return { ok: false, reason: 'CREATOR_UNKNOWN' };
  }
}
