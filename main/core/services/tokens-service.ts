// Scoped API tokens for site systems: a role each, an optional expiry, revocable at once. The secret is answered
// once, at creation; the store keeps its SHA-256 (a random 256-bit secret needs no slow hash: nobody can guess
// it, and a fast lookup keeps every request cheap).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { TokenDto } from '../../../preload/contract/access.js';
import type { Role } from '../../../preload/contract/vocabulary.js';
import type { ApiTokenRecord, Repositories, RunUnitOfWork } from '../db/index.js';
import type { EventBus } from '../events/event-bus.js';
import type { Clock } from '../ports/clock.js';
import { actorRef, type Actor } from '../kernel/actor.js';
import { createAuditTrail } from '../kernel/audit-trail.js';
import { notFound, ServiceError } from '../kernel/service-error.js';
import type { AccessGuard } from '../kernel/access-guard.js';

/** Scoped tokens start with this, so a leaked one is recognisable (and never confused with the machine token). */
export const TOKEN_PREFIX = 'drt_';
/** `last_used_at` is written at most this often per token: a busy script must not write on every request. */
const USE_RECORD_INTERVAL_MS = 60_000;

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function toTokenDto(r: ApiTokenRecord): TokenDto {
  return {
    id: r.id,
    label: r.label,
    role: r.role,
    createdAt: r.createdAt,
    createdBy: r.createdBy,
    expiresAt: r.expiresAt,
    revokedAt: r.revokedAt,
    lastUsedAt: r.lastUsedAt,
  };
}

export type TokensService = ReturnType<typeof createTokensService>;

export function createTokensService(deps: {
  unitOfWork: RunUnitOfWork;
  repos: Repositories;
  clock: Clock;
  bus: EventBus;
  access: AccessGuard;
}) {
  const { unitOfWork, repos, clock, bus, access } = deps;
  const trail = createAuditTrail(repos, bus);
  const lastRecorded = new Map<string, number>();

  return {
    list(actor: Actor): TokenDto[] {
      access.require(actor, 'admin', 'tokens.read');
      return repos.apiTokens.list().map(toTokenDto);
    },

    create(actor: Actor, input: { label: string; role: Role; expiresAt?: string | undefined }) {
      access.require(actor, 'admin', 'tokens.write');
      const expiresAt = input.expiresAt ? new Date(input.expiresAt).toISOString() : null;
      if (expiresAt && Date.parse(expiresAt) <= clock.now().getTime()) {
        throw new ServiceError(422, 'TOKEN_EXPIRY_PAST', {
          errors: [{ field: 'expiresAt', rule: 'token.expiryFuture' }],
        });
      }
      const secret = TOKEN_PREFIX + randomBytes(32).toString('base64url');
      const record: ApiTokenRecord = {
        id: randomUUID(),
        label: input.label,
        role: input.role,
        secretSha256: sha256(secret),
        createdAt: clock.nowIso(),
        createdBy: actor.operator,
        expiresAt,
        revokedAt: null,
        lastUsedAt: null,
      };
      unitOfWork((uow) => {
        repos.apiTokens.insert(record);
        uow.afterCommit(
          trail.append({
            at: record.createdAt,
            operator: actor.operator,
            actor: actorRef(actor),
            action: 'token.create',
            detail: { id: record.id, label: record.label, role: record.role, expiresAt },
          }),
        );
      });
      return { ...toTokenDto(record), token: secret };
    },

    revoke(actor: Actor, id: string): void {
      access.require(actor, 'admin', 'tokens.write');
      unitOfWork((uow) => {
        const record = repos.apiTokens.get(id);
        if (!record) throw notFound('TOKEN_NOT_FOUND', { id });
        if (!repos.apiTokens.revoke(id, clock.nowIso())) return;
        uow.afterCommit(
          trail.append({
            at: clock.nowIso(),
            operator: actor.operator,
            actor: actorRef(actor),
            action: 'token.revoke',
            detail: { id, label: record.label },
          }),
        );
      });
    },

    /** The actor a presented scoped token stands for; null when unknown, revoked or expired. */
    authenticate(secret: string, onBehalfOf: string | null): Actor | null {
      if (!secret.startsWith(TOKEN_PREFIX)) return null;
      const record = repos.apiTokens.bySecret(sha256(secret));
      if (!record || record.revokedAt) return null;
      const now = clock.now().getTime();
      if (record.expiresAt && Date.parse(record.expiresAt) <= now) return null;
      if (now - (lastRecorded.get(record.id) ?? 0) >= USE_RECORD_INTERVAL_MS) {
        lastRecorded.set(record.id, now);
        try {
          repos.apiTokens.used(record.id, clock.nowIso());
        } catch {
          // A full disk must not refuse a read: the last use is a convenience.
        }
      }
      return { operator: record.label, kind: 'token', id: record.id, role: record.role, onBehalfOf };
    },

    /** A token's current actor by id (sessions opened with a token end when it is revoked or expires). */
    live(id: string, onBehalfOf: string | null = null): Actor | null {
      const record = repos.apiTokens.get(id);
      if (!record || record.revokedAt) return null;
      if (record.expiresAt && Date.parse(record.expiresAt) <= clock.now().getTime()) return null;
      return { operator: record.label, kind: 'token', id: record.id, role: record.role, onBehalfOf };
    },
  };
}
