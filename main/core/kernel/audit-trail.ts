// Appends to the audit log inside the caller's transaction and publishes the entry once it committed. Every
// entry names its act with one of the vocabulary's AUDIT_ACTIONS (NewAuditEntry.action is typed so), so the UI
// has words for everything the core writes.
import type { AuditAction } from '../../../preload/contract/vocabulary.js';
import type { NewAuditEntry, Repositories } from '../db/index.js';
import type { RemoteAction } from '../domain/action.js';
import type { EventBus } from '../events/event-bus.js';

export type AuditTrail = ReturnType<typeof createAuditTrail>;

/** Written by the agent itself (operator "system") when --forget-secrets cleared the sealed values at start. */
export const SECRETS_FORGOTTEN = 'secrets.forgotten' satisfies AuditAction;

export function createAuditTrail(repos: Repositories, bus: EventBus) {
  return {
    /** Call inside the transaction; call the returned function after it committed. */
    append(entry: NewAuditEntry): () => void {
      const seq = repos.audit.append(entry);
      const appended = {
        seq,
        at: entry.at,
        operator: entry.operator,
        action: entry.action,
        vin: entry.vin ?? null,
        remoteActionId: entry.remoteActionId ?? null,
        callbackId: entry.callbackId ?? null,
        reason: entry.reason ?? null,
        detail: entry.detail ?? null,
        actor: entry.actor ?? null,
      };
      return () => bus.publish({ type: 'audit.appended', entry: appended });
    },
  };
}

/** The audit entry for something done to a remote action. */
export function actionAuditEntry(
  action: RemoteAction,
  what: AuditAction,
  at: string,
  detail: unknown,
): NewAuditEntry {
  return {
    at,
    operator: action.operator ?? 'unknown',
    actor: action.sentBy ?? null,
    action: what,
    vin: action.vin,
    remoteActionId: action.id,
    callbackId: action.callbackId,
    reason: action.reason,
    detail,
  };
}
