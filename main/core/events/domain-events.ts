// What the core tells itself after a commit: ids, or the record the publisher already holds (free to pass on).
// No wire DTO is built here: the edges that show changes to people (SSE, IPC, the tray) build those themselves,
// and only while someone there listens (change-feed.ts).
import type { ActionRecord, AuditEntry, DeliveryRecord, QuarantineSummary } from '../db/index.js';
import type { UpdateStatusDto } from '../../../preload/contract/updates.js';

export type DomainEvent =
  /** An action was created or changed (new phase, status or outcome). */
  | { type: 'action.changed'; action: ActionRecord }
  /** A callback was created, changed or deleted. */
  | { type: 'callback.changed'; callbackId: string }
  | { type: 'vehicle.changed'; vehicleId: string }
  | { type: 'audit.appended'; entry: AuditEntry }
  /** A delivery was queued or changed; `record` when the publisher holds it as stored (else it is read). */
  | { type: 'delivery.changed'; deliveryId: string; record?: DeliveryRecord }
  /** A webhook target went online or offline. */
  | { type: 'target.changed'; origin: string }
  /** The receiver kept a request it could not apply. */
  | { type: 'quarantine.added'; entry: QuarantineSummary }
  /** A vehicle group was created, changed or deleted. */
  | { type: 'group.changed'; groupId: string }
  /** A bulk command started, moved on (a vehicle sent or settled), was cancelled or finished. */
  | { type: 'bulk.changed'; bulkId: string }
  /** A schedule was created, changed, paused, resumed, deleted, or one of its planned times ran or was missed. */
  | { type: 'schedule.changed'; scheduleId: string }
  /** The update state moved or the feed changed: the status as it is now (small, and not a record to read back). */
  | { type: 'update.changed'; status: UpdateStatusDto };

export type DomainEventType = DomainEvent['type'];
