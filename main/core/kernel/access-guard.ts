// The one place where the core says yes or no to a caller: every service asks it before it changes anything
// (and the remotes service for each remote, by the access policy), whichever transport carried the request —
// the local API, the fleet mirror or the desktop bridge. A refusal is audited and answered 403 FORBIDDEN,
// naming the role needed; nothing else is stored.
import type { PolicyDto } from '../../../preload/contract/access.js';
import {
  POLICY_KEYS,
  roleAtLeast,
  type PolicyKey,
  type RemoteType,
  type Role,
} from '../../../preload/contract/vocabulary.js';
import type { Repositories, RunUnitOfWork } from '../db/index.js';
import {
  DEFAULT_IDLE_LOCK_MINUTES,
  DEFAULT_RULES,
  policyKeysOf,
  roleNeeded,
  type PolicyRules,
} from '../domain/access/policy.js';
import type { EventBus } from '../events/event-bus.js';
import type { Clock } from '../ports/clock.js';
import { actorRef, type Actor } from './actor.js';
import { createAuditTrail } from './audit-trail.js';
import { ServiceError } from './service-error.js';

export const POLICY_SETTING_KEY = 'access.policy';

interface StoredPolicy {
  rules?: Partial<PolicyRules>;
  idleLockMinutes?: number;
}

export interface AccessDeps {
  unitOfWork: RunUnitOfWork;
  repos: Repositories;
  clock: Clock;
  bus: EventBus;
}

export type AccessGuard = ReturnType<typeof createAccessGuard>;

export function createAccessGuard({ unitOfWork, repos, clock, bus }: AccessDeps) {
  const trail = createAuditTrail(repos, bus);
  let cached: PolicyDto | null = null;

  function policy(): PolicyDto {
    if (cached) return cached;
    const stored = repos.settings.get<StoredPolicy>(POLICY_SETTING_KEY) ?? {};
    const rules = { ...DEFAULT_RULES };
    for (const key of POLICY_KEYS) {
      const role = stored.rules?.[key];
      if (role) rules[key] = role;
    }
    cached = { rules, idleLockMinutes: stored.idleLockMinutes ?? DEFAULT_IDLE_LOCK_MINUTES };
    return cached;
  }

  /** Audits the refusal (in its own transaction: the request changes nothing else) and returns the error. */
  function deny(
    actor: Actor,
    needed: Role,
    what: string,
    detail: Record<string, unknown> = {},
  ): ServiceError {
    unitOfWork((uow) =>
      uow.afterCommit(
        trail.append({
          at: clock.nowIso(),
          operator: actor.operator,
          actor: actorRef(actor),
          action: 'access.denied',
          reason: actor.reason ?? null,
          vin: typeof detail.vin === 'string' ? detail.vin : null,
          callbackId: typeof detail.callbackId === 'string' ? detail.callbackId : null,
          detail: { what, needed, role: actor.role, ...detail },
        }),
      ),
    );
    return new ServiceError(403, 'FORBIDDEN', {
      params: { needed, operator: actor.operator, role: actor.role },
    });
  }

  /** Throws 403 FORBIDDEN (audited) unless the actor's role is at least `needed`. */
  function require(actor: Actor, needed: Role, what: string, detail?: Record<string, unknown>): void {
    if (!roleAtLeast(actor.role, needed)) throw deny(actor, needed, what, detail);
  }

  return {
    policy,
    require,

    /** The policy keys of a remote and the role they need. */
    remoteNeeds(type: RemoteType, remote: unknown): { keys: PolicyKey[]; role: Role } {
      const keys = policyKeysOf(type, remote);
      return { keys, role: roleNeeded(policy().rules, keys) };
    },

    deny,

    putPolicy(
      actor: Actor,
      input: { rules?: Partial<PolicyRules> | undefined; idleLockMinutes?: number | undefined },
    ) {
      require(actor, 'admin', 'policy.write');
      const viewers = Object.entries(input.rules ?? {})
        .filter(([, role]) => role === 'viewer')
        .map(([key]) => key);
      if (viewers.length > 0) {
        throw new ServiceError(422, 'POLICY_VIEWER_CANNOT_SEND', {
          errors: viewers.map((key) => ({ field: `rules.${key}`, rule: 'policy.role' })),
        });
      }
      const before = policy();
      const stored: StoredPolicy = {
        rules: { ...(input.rules ?? {}) },
        idleLockMinutes: input.idleLockMinutes ?? DEFAULT_IDLE_LOCK_MINUTES,
      };
      try {
        unitOfWork((uow) => {
          repos.settings.set(POLICY_SETTING_KEY, stored, clock.nowIso());
          cached = null;
          const after = policy();
          const changed = POLICY_KEYS.filter((k) => before.rules[k] !== after.rules[k]).map((k) => ({
            key: k,
            from: before.rules[k],
            to: after.rules[k],
          }));
          uow.afterCommit(
            trail.append({
              at: clock.nowIso(),
              operator: actor.operator,
              actor: actorRef(actor),
              action: 'policy.change',
              reason: actor.reason ?? null,
              detail: {
                changed,
                ...(before.idleLockMinutes !== after.idleLockMinutes
                  ? { idleLockMinutes: [before.idleLockMinutes, after.idleLockMinutes] }
                  : {}),
              },
            }),
          );
        });
      } finally {
        // Read again from the store, whether the change committed or rolled back.
        cached = null;
      }
      return policy();
    },
  };
}
