// Browsers enrolled for PIN sign-in. Without enrolment, a page anywhere on the network that reaches the API
// could try PINs and lock every operator out; with it, only browsers an admin set up once (a long-lived
// HttpOnly cookie whose SHA-256 is stored here) can sign operators in with a PIN.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Repositories, RunUnitOfWork } from '../db/index.js';
import type { EventBus } from '../events/event-bus.js';
import type { Clock } from '../ports/clock.js';
import { actorRef, type Actor } from '../kernel/actor.js';
import { createAuditTrail } from '../kernel/audit-trail.js';
import type { AccessGuard } from '../kernel/access-guard.js';
import { sha256 } from './tokens-service.js';

export type EnrolmentsService = ReturnType<typeof createEnrolmentsService>;

export function createEnrolmentsService(deps: {
  unitOfWork: RunUnitOfWork;
  repos: Repositories;
  clock: Clock;
  bus: EventBus;
  access: AccessGuard;
}) {
  const { unitOfWork, repos, clock, bus, access } = deps;
  const trail = createAuditTrail(repos, bus);
  return {
    /** A new enrolment's secret (the cookie's value), stored hashed; admins and the machine token only. */
    create(actor: Actor): string {
      access.require(actor, 'admin', 'session.enrol');
      const secret = randomBytes(32).toString('base64url');
      const id = randomUUID();
      unitOfWork((uow) => {
        repos.enrolments.insert({
          id,
          cookieSha256: sha256(secret),
          createdAt: clock.nowIso(),
          createdBy: actor.operator,
        });
        uow.afterCommit(
          trail.append({
            at: clock.nowIso(),
            operator: actor.operator,
            actor: actorRef(actor),
            action: 'session.enrol',
            detail: { enrolmentId: id },
          }),
        );
      });
      return secret;
    },
    has: (secret: string | null): boolean => secret !== null && repos.enrolments.has(sha256(secret)),
  };
}
