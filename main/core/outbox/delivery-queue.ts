// The narrow port the deliveries use cases (outbox-service.ts) have into the running dispatcher: what only it knows
// (why something is held, reachability, what it holds in flight) and the two ways to hand it work. Nothing else of
// its state is reachable from outside.
import type { HeldReasonDto, TargetReachabilityDto } from '../../../preload/contract/deliveries.js';
import type { DeliveryRecord } from '../db/index.js';

export interface TargetReport extends TargetReachabilityDto {
  /** Calls in the air to it now. */
  inFlight: number;
}

export interface DeliveryQueue {
  /** Why a queued delivery is not being attempted now, or null. */
  heldReason(record: DeliveryRecord): HeldReasonDto | null;
  /** Why a callback's deliveries wait, for its row in the targets list (the target row says the rest), or null. */
  callbackHeldReason(callbackId: string): HeldReasonDto | null;
  /** The origin a callback's deliveries go to; null when its webhook URL cannot be used. */
  originOf(callbackId: string): string | null;
  /** Every target this run knows (called, stored, or of a callback with work). */
  targets(): TargetReport[];
  /** Deliveries this run holds InFlight in the store: claimed and unsent, in the air, or not yet recorded. */
  heldInFlight(): number;
  /** Queues a test notification through the normal path, inside the caller's transaction. */
  enqueueTest(callbackId: string): DeliveryRecord;
  /** After the caller's commit: these deliveries of a callback were queued again or made due; look at once. */
  requeued(callbackId: string, ids: string[]): void;
}
