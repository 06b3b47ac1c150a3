import type { ActorRef, ApproverRef, QueueReason } from '../../../preload/contract/vocabulary.js';
import type { MessageParams } from './field-error.js';
import type { RemoteBody } from './remote/remote-body.js';
import type { RemoteType } from './remote-type.js';
import type { ActionPhase, DoneStatus, EventStatus } from './status.js';

/** One notification event about a remote action, as received (fleet payload item, normalised). */
export interface RemoteEvent {
  remoteActionId: string;
  vin: string | null;
  /**
   * The instant in canonical UTC (`toISOString()` form); for end-user messages, the message date. An event that
   * came without one has the time its request was received, and `eventDateFromReceipt`.
   */
  eventDate: string;
  /** Kept as it arrives: notifications carry types the request enum lacks (VehicleState, ChargingState). */
  remoteType: string;
  eventStatus: EventStatus;
  /** Set when the network sent no date: eventDate is the receipt time, and the identity ignores it. */
  eventDateFromReceipt?: true;
}

/** Where a command stands in its vehicle and feature's queue, and what it waits for (docs/decisions.md, 21). */
export interface QueueState {
  /** The order of arrival: a vehicle's commands of one feature go in this order. */
  seq: number;
  /** After this instant a command still waiting ends Expired, never sent; null: never (older actions). */
  expiresAt: string | null;
  /** Why it waits, besides its place in line. */
  reason: QueueReason | null;
  /** Tries that met an unreachable network: the delay before the next one grows with them. */
  tries: number;
  /** Not tried again before this instant. */
  nextTryAt: string | null;
  /** A send may have reached the network (it was cut short): the network is asked before it is sent again. */
  uncertain: boolean;
  /** The action (a wake-up) it waits for. */
  after: string | null;
}

/** A remote action as the agent knows it. */
export interface RemoteAction {
  id: string; // remoteActionId (the network's, or a local one for an action refused before it existed)
  vehicleId: string;
  vin: string;
  callbackId: string;
  type: RemoteType;
  remote: RemoteBody;
  phase: ActionPhase;
  /** The latest status in the merged `RemoteActionStatus` enum, or null while Sending/Refused/Expired. */
  status: string | null;
  outcome: DoneStatus | null;
  failureCause: string | null;
  feedbackDetail: string | null;
  /**
   * Why it ended without being carried out (preload/contract/action-errors.ts): a code of the agent with its values,
   * or the network's code with its words in `params.detail` and its reference. Rows recorded before carry an
   * English `message` instead, shown as it is.
   */
  error: { code: string; params?: MessageParams; message?: string; reference?: string } | null;
  operator: string | null;
  reason: string | null;
  /** Who sent it (absent for actions recorded before operators existed). */
  sentBy?: ActorRef | null;
  /** The supervisor who approved it on the sender's screen, if one did. */
  approvedBy?: ApproverRef | null;
  createdAt: string;
  updatedAt: string;
  doneAt: string | null;
  /** eventDate of the newest Pending event applied, so a late, older Pending never wins. */
  lastEventDate: string | null;
  /** Its place in line; absent for actions recorded before the queue existed. */
  queue?: QueueState;
  /** When it was handed to the network (the "no answer" timeout counts from then). */
  sentAt?: string | null;
  /** The action this one sends again, and the one that sent this one again. */
  resentFrom?: string | null;
  resentAs?: string | null;
}

/** One entry of an action's history. */
export interface ActionEventRecord {
  seq: number;
  remoteActionId: string;
  eventDate: string;
  receivedAt: string;
  eventType: 'Pending' | 'Done' | 'Local';
  status: string;
  failureCause: string | null;
  feedbackDetail: string | null;
  source: 'connector' | 'receiver' | 'poll' | 'local';
  /** Whether it changed the action (false for a late Pending after Done, etc.). */
  applied: boolean;
  /** The network sent no date: eventDate is when the agent received it. */
  eventDateFromReceipt: boolean;
}
