// Operators: local accounts with a role and a PIN (or password), and the PIN check with its lock. Wrong PINs
// lock the operator — not the address: on a shared workstation every attempt comes from one address, so an
// address lock would lock everyone out — and the lock blocks the correct PIN too, or it would not slow a guesser.
import { randomUUID } from 'node:crypto';
import type { OperatorDto } from '../../../preload/contract/access.js';
import type { Role } from '../../../preload/contract/vocabulary.js';
import type { OperatorRecord, Repositories, RunUnitOfWork } from '../db/index.js';
import type { EventBus } from '../events/event-bus.js';
import type { Clock } from '../ports/clock.js';
import { actorRef, type Actor } from '../kernel/actor.js';
import { createAuditTrail } from '../kernel/audit-trail.js';
import { notFound, ServiceError } from '../kernel/service-error.js';
import type { CredentialHasher } from '../ports/credential-hasher.js';
import type { AccessGuard } from '../kernel/access-guard.js';

/** Wrong PINs in a row before the first lock… */
export const FAILURES_BEFORE_LOCK = 5;
/** …which lasts this long, doubling with each further wrong PIN, up to an hour. */
export const FIRST_LOCK_MS = 30_000;
export const LONGEST_LOCK_MS = 60 * 60_000;

export interface OperatorsDeps {
  unitOfWork: RunUnitOfWork;
  repos: Repositories;
  clock: Clock;
  bus: EventBus;
  access: AccessGuard;
  credentials: CredentialHasher;
}

export interface NewOperator {
  name: string;
  role: Role;
  pin?: string | undefined;
  password?: string | undefined;
}

export interface OperatorChange {
  name?: string | undefined;
  role?: Role | undefined;
  enabled?: boolean | undefined;
  pin?: string | undefined;
  password?: string | undefined;
}

export type OperatorsService = ReturnType<typeof createOperatorsService>;

export function toOperatorDto(r: OperatorRecord): OperatorDto {
  return {
    id: r.id,
    name: r.name,
    role: r.role,
    credential: r.credential,
    enabled: r.enabled,
    lockedUntil: r.lockedUntil,
    failedAttempts: r.failedAttempts,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    lastSignInAt: r.lastSignInAt,
  };
}

/** The actor of a signed-in operator. */
export function operatorActor(r: OperatorRecord, reason: string | null = null): Actor {
  return { operator: r.name, reason, kind: 'operator', id: r.id, role: r.role };
}

export function createOperatorsService({
  unitOfWork,
  repos,
  clock,
  bus,
  access,
  credentials,
}: OperatorsDeps) {
  const trail = createAuditTrail(repos, bus);
  const hash = (secret: string) => credentials.hash(secret);

  function requireOperator(id: string): OperatorRecord {
    const record = repos.operators.get(id);
    if (!record || record.deletedAt) throw notFound('OPERATOR_NOT_FOUND', { id });
    return record;
  }

  function nameTaken(name: string, except: string | null) {
    const other = repos.operators.find(name);
    if (other && other.id !== except && other.name.toLowerCase() === name.toLowerCase()) {
      throw new ServiceError(409, 'OPERATOR_NAME_TAKEN', {
        params: { name: other.name },
        errors: [{ field: 'name', rule: 'operator.nameTaken' }],
      });
    }
  }

  function audit(actor: Actor, action: Parameters<typeof trail.append>[0]['action'], detail: unknown) {
    return trail.append({
      at: clock.nowIso(),
      operator: actor.operator,
      actor: actorRef(actor),
      action,
      reason: actor.reason ?? null,
      detail,
    });
  }

  /** Seconds left on a lock, or 0. */
  function lockLeft(r: OperatorRecord): number {
    if (!r.lockedUntil) return 0;
    const ms = Date.parse(r.lockedUntil) - clock.now().getTime();
    return ms > 0 ? Math.ceil(ms / 1000) : 0;
  }

  function locked(r: OperatorRecord, seconds: number) {
    return new ServiceError(429, 'OPERATOR_LOCKED', {
      params: { name: r.name, failures: r.failedAttempts, seconds },
      retryAfterSeconds: seconds,
    });
  }

  const service = {
    list: (actor: Actor): OperatorDto[] => {
      access.require(actor, 'admin', 'operators.read');
      return repos.operators.list().map(toOperatorDto);
    },

    get: (actor: Actor, id: string): OperatorDto => {
      access.require(actor, 'admin', 'operators.read');
      return toOperatorDto(requireOperator(id));
    },

    /** Whether any operator exists (none: the first admin is still to be created). */
    any: () => repos.operators.any(),

    /** For the sign-in picker: enabled operators' names and roles. */
    signInList: () =>
      repos.operators
        .list()
        .filter((r) => r.enabled)
        .map((r) => ({ id: r.id, name: r.name, role: r.role, credential: r.credential })),

    async create(actor: Actor, input: NewOperator): Promise<OperatorDto> {
      access.require(actor, 'admin', 'operators.write');
      nameTaken(input.name, null);
      const secretHash = await hash(input.pin ?? input.password ?? '');
      const now = clock.nowIso();
      const record: OperatorRecord = {
        id: randomUUID(),
        name: input.name,
        role: input.role,
        credential: input.pin !== undefined ? 'pin' : 'password',
        secretHash,
        enabled: true,
        failedAttempts: 0,
        lockedUntil: null,
        createdAt: now,
        updatedAt: now,
        lastSignInAt: null,
        deletedAt: null,
      };
      unitOfWork((uow) => {
        nameTaken(input.name, null);
        repos.operators.insert(record);
        uow.afterCommit(
          audit(actor, 'operator.create', { id: record.id, name: record.name, role: record.role }),
        );
      });
      return toOperatorDto(record);
    },

    async update(actor: Actor, id: string, change: OperatorChange): Promise<OperatorDto> {
      access.require(actor, 'admin', 'operators.write');
      requireOperator(id);
      const secret = change.pin ?? change.password;
      const secretHash = secret !== undefined ? await hash(secret) : null;
      return unitOfWork((uow) => {
        const current = requireOperator(id);
        if (change.name !== undefined) nameTaken(change.name, id);
        const next: OperatorRecord = {
          ...current,
          ...(change.name !== undefined ? { name: change.name } : {}),
          ...(change.role !== undefined ? { role: change.role } : {}),
          ...(change.enabled !== undefined ? { enabled: change.enabled } : {}),
          ...(secretHash !== null
            ? {
                secretHash,
                credential: change.pin !== undefined ? ('pin' as const) : ('password' as const),
                failedAttempts: 0,
                lockedUntil: null,
              }
            : {}),
          updatedAt: clock.nowIso(),
        };
        const wasAdmin = current.enabled && current.role === 'admin';
        const staysAdmin = next.enabled && next.role === 'admin';
        if (wasAdmin && !staysAdmin && repos.operators.countEnabledAdmins() <= 1) {
          throw new ServiceError(409, 'LAST_ADMIN', { params: { name: current.name } });
        }
        repos.operators.update(next);
        const detail = {
          id,
          name: next.name,
          ...(change.role !== undefined && change.role !== current.role
            ? { role: [current.role, change.role] }
            : {}),
          ...(change.enabled !== undefined && change.enabled !== current.enabled
            ? { enabled: change.enabled }
            : {}),
          ...(change.name !== undefined && change.name !== current.name ? { renamedFrom: current.name } : {}),
          ...(secretHash !== null ? { credentialReset: true } : {}),
        };
        uow.afterCommit(
          audit(actor, change.enabled === false ? 'operator.disable' : 'operator.change', detail),
        );
        return toOperatorDto(next);
      });
    },

    remove(actor: Actor, id: string): void {
      access.require(actor, 'admin', 'operators.write');
      unitOfWork((uow) => {
        const current = requireOperator(id);
        if (current.enabled && current.role === 'admin' && repos.operators.countEnabledAdmins() <= 1) {
          throw new ServiceError(409, 'LAST_ADMIN', {
            params: { name: current.name },
            key: 'errors:code.LAST_ADMIN.remove',
          });
        }
        const now = clock.nowIso();
        repos.operators.update({ ...current, enabled: false, deletedAt: now, updatedAt: now });
        uow.afterCommit(audit(actor, 'operator.delete', { id, name: current.name }));
      });
    },

    unlock(actor: Actor, id: string): OperatorDto {
      access.require(actor, 'admin', 'operators.write');
      return unitOfWork((uow) => {
        const current = requireOperator(id);
        const next = { ...current, failedAttempts: 0, lockedUntil: null, updatedAt: clock.nowIso() };
        repos.operators.update(next);
        uow.afterCommit(audit(actor, 'operator.unlock', { id, name: current.name }));
        return toOperatorDto(next);
      });
    },

    /**
     * Checks an operator's PIN (name or id): the operator, or a refusal — 401 unknown or wrong, 403 disabled,
     * 429 locked (with the seconds to wait). Each wrong PIN counts toward the lock, and is audited.
     */
    async verify(ref: string, secret: string, purpose: 'sign-in' | 'approval'): Promise<OperatorRecord> {
      const found = repos.operators.find(ref);
      if (!found) {
        throw new ServiceError(401, 'UNKNOWN_OPERATOR', {
          params: { name: ref },
          errors: [{ field: 'operator', rule: 'operator.choose' }],
        });
      }
      if (!found.enabled) {
        throw new ServiceError(403, 'OPERATOR_DISABLED', { params: { name: found.name } });
      }
      const wait = lockLeft(found);
      if (wait > 0) throw locked(found, wait);
      const ok = await credentials.verify(secret, found.secretHash);
      // The failure must be stored before the refusal is answered, so the unit returns and the refusal is
      // thrown after its commit (a throw inside would roll the count back).
      const outcome = unitOfWork((uow) => {
        // Read again: other attempts may have counted while the hash was computed.
        const current = repos.operators.get(found.id) ?? found;
        const now = clock.nowIso();
        if (ok) {
          const next = {
            ...current,
            failedAttempts: 0,
            lockedUntil: null,
            ...(purpose === 'sign-in' ? { lastSignInAt: now } : {}),
          };
          repos.operators.update(next);
          return next;
        }
        const failures = current.failedAttempts + 1;
        const lockMs =
          failures >= FAILURES_BEFORE_LOCK
            ? Math.min(FIRST_LOCK_MS * 2 ** (failures - FAILURES_BEFORE_LOCK), LONGEST_LOCK_MS)
            : 0;
        const next = {
          ...current,
          failedAttempts: failures,
          lockedUntil:
            lockMs > 0 ? new Date(clock.now().getTime() + lockMs).toISOString() : current.lockedUntil,
        };
        repos.operators.update(next);
        const who = { kind: 'operator' as const, id: current.id, name: current.name, role: current.role };
        uow.afterCommit(
          trail.append({
            at: now,
            operator: current.name,
            actor: who,
            action: lockMs > 0 ? 'operator.locked' : 'session.sign-in-failed',
            detail: {
              purpose,
              failedAttempts: failures,
              ...(lockMs > 0 ? { lockedUntil: next.lockedUntil } : {}),
            },
          }),
        );
        return null;
      });
      if (outcome) return outcome;
      const after = repos.operators.get(found.id) ?? found;
      const left = lockLeft(after);
      if (left > 0) throw locked(after, left);
      throw new ServiceError(401, 'WRONG_PIN', {
        params: { name: after.name },
        errors: [
          { field: 'pin', rule: 'pin.wrong', params: { left: FAILURES_BEFORE_LOCK - after.failedAttempts } },
        ],
      });
    },

    /** The operator's own PIN change: the current one is checked (and counts toward the lock). */
    async changeOwn(
      actor: Actor,
      current: string,
      next: { pin?: string | undefined; password?: string | undefined },
    ) {
      if (actor.kind !== 'operator' || !actor.id) {
        throw new ServiceError(403, 'NOT_AN_OPERATOR');
      }
      const record = await service.verify(actor.id, current, 'approval');
      const secretHash = await hash(next.pin ?? next.password ?? '');
      unitOfWork((uow) => {
        const fresh = repos.operators.get(record.id) ?? record;
        repos.operators.update({
          ...fresh,
          secretHash,
          credential: next.pin !== undefined ? 'pin' : 'password',
          updatedAt: clock.nowIso(),
        });
        uow.afterCommit(audit(actor, 'operator.pin-change', { id: record.id }));
      });
    },

    /** A signed-in operator's current state (role changes and disabling apply to open sessions at once). */
    live: (id: string): OperatorRecord | undefined => {
      const r = repos.operators.get(id);
      return r && !r.deletedAt && r.enabled ? r : undefined;
    },

    /** Records a sign-in in the audit log. */
    signedIn(actor: Actor, how: 'pin' | 'token'): void {
      unitOfWork((uow) => uow.afterCommit(audit(actor, 'session.sign-in', { how })));
    },
  };
  return service;
}
