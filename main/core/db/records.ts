// What the repositories take and return. Domain objects (RemoteAction, ActionEventRecord) come from
// main/core/domain; the records below exist only as stored things and are defined here.
import type { ActionEventRecord, RemoteAction } from '../domain/action.js';
import type { BuiltInSubscribe } from '../domain/callback/built-in.js';
import type { CallbackStatus, CallbackSubscribe } from '../domain/callback/callback-model.js';
import type { RemoteType } from '../domain/remote-type.js';
import type { ActorRef, AuditAction, DeliveryState } from '../../../preload/contract/vocabulary.js';

/** Timestamps everywhere are `Date.prototype.toISOString()` strings (UTC, milliseconds); the schema enforces it. */
export type IsoTimestamp = string;

export interface Page {
  limit: number;
  offset: number;
}

// ── vehicles ────────────────────────────────────────────────────────────────────────────────────────────

export const VEHICLE_ENERGIES = ['Electric', 'PlugInHybrid', 'Combustion', 'Hybrid', 'Unknown'] as const;
export type VehicleEnergy = (typeof VEHICLE_ENERGIES)[number];

export interface VehicleCapability {
  supported: boolean;
  /**
   * Why not, when unsupported: a CAPABILITY_REASONS code (rows written before issue 17 may still hold a sentence until
   * the next fleet sync replaces them; kernel/capabilities-view.ts keeps those from clients).
   */
  reason?: string;
  /** The reason's values, by name. */
  params?: Record<string, string | number>;
}
/** What the vehicle can do, per remote type, as the connector normalised it (same shape as its `Capabilities`). */
export type VehicleCapabilities = Partial<Record<RemoteType, VehicleCapability>>;
/** The fleet API's vehicle `Status` (energies, doorsState, lastPosition…), as last read; stored verbatim. */
export type VehicleStatus = Record<string, unknown>;

export interface VehicleRecord {
  /** The network's opaque vehicle id (not the VIN). */
  id: string;
  vin: string;
  label: string | null;
  brand: string | null;
  model: string | null;
  energy: VehicleEnergy;
  capabilities: VehicleCapabilities;
  status: VehicleStatus | null;
  statusAt: IsoTimestamp | null;
  syncedAt: IsoTimestamp;
}

/** What a fleet sync writes; status is left as it is (it changes through `updateStatus`). */
export type VehicleUpsert = Omit<VehicleRecord, 'status' | 'statusAt'>;

export interface VehicleListQuery extends Page {
  /** Matched, case-insensitively, against VIN, label, brand and model. */
  search?: string;
}

// ── callbacks ───────────────────────────────────────────────────────────────────────────────────────────

interface CallbackRecordCommon {
  id: string;
  label: string | null;
  status: CallbackStatus;
  /** Encrypted blob from the service layer (CallbackSecrets); opaque to the store. */
  secrets: string | null;
  /** Encrypted blob from the service layer; opaque to the store. */
  receiverSecret: string | null;
  /** The callback's id on the network, once it exists there. */
  upstreamId: string | null;
  /** Its sealed secrets were cleared by --forget-secrets: they must be entered again (deliveries are held). */
  secretsLost: boolean;
  createdAt: IsoTimestamp;
  updatedAt: IsoTimestamp;
  deletedAt: IsoTimestamp | null;
}

/** A site system's callback: the fleet API's RemoteCallbackSubscribe, with its webhook. */
export interface SiteCallbackRecord extends CallbackRecordCommon {
  builtIn: false;
  subscribe: CallbackSubscribe;
}

/**
 * The built-in callback, "This workstation" (migration 008; domain/callback/built-in.ts): no webhook, no secrets of
 * its own (only its receiver secret), never deleted.
 */
export interface BuiltInCallbackRecord extends CallbackRecordCommon {
  builtIn: true;
  subscribe: BuiltInSubscribe;
}

export type CallbackRecord = SiteCallbackRecord | BuiltInCallbackRecord;

/** A new site callback (the built-in one is only ever created by migration 008). */
export type NewCallback = Omit<SiteCallbackRecord, 'deletedAt' | 'secretsLost' | 'builtIn'> & {
  deletedAt?: IsoTimestamp | null;
  secretsLost?: boolean;
};

/**
 * A full replacement (PUT) of a callback's definition; status and creation date are kept, and so are
 * `receiverSecret`, `upstreamId` and `secretsLost` when absent (undefined). null clears the first two.
 */
export type CallbackReplacement = Pick<CallbackRecordCommon, 'label' | 'secrets' | 'updatedAt'> & {
  subscribe: CallbackSubscribe | BuiltInSubscribe;
} & Partial<Pick<CallbackRecordCommon, 'receiverSecret' | 'upstreamId' | 'secretsLost'>>;

// ── actions and events ──────────────────────────────────────────────────────────────────────────────────

/**
 * An action as stored: the domain's RemoteAction (whose `id` is the agent's own, given when the action was
 * created and never changed) plus the id the network answered when it accepted it.
 */
export interface ActionRecord extends RemoteAction {
  /**
   * The network's `remoteActionId` (the 202 answer); absent until the network accepted the action, and for one
   * it never accepted. Kept after the action stopped answering to it (see `ActionsRepository.claimUpstreamId`).
   */
  upstreamId?: string;
}

/** What `ActionsRepository.claimUpstreamId` did. */
export type UpstreamClaim =
  /** The action holds the id: notifications naming it reach this action. */
  | { outcome: 'claimed'; previousHolder: null }
  /** The id named an earlier, settled action; it now names this one (the earlier one keeps it for the record). */
  | { outcome: 'reassigned'; previousHolder: ActionRecord }
  /** The id names an action still open: it keeps it, and this one was recorded with the id released. */
  | { outcome: 'conflict'; previousHolder: ActionRecord };

/** Keyset position in a newest-first list: the last item of the previous page. */
export interface ActionCursor {
  createdAt: IsoTimestamp;
  id: string;
}

/** An event to store: the domain record minus what the store assigns, plus the payload as received. */
export type NewActionEvent = Omit<ActionEventRecord, 'seq' | 'remoteActionId' | 'eventDateFromReceipt'> & {
  /** The notification item as it arrived, kept for support. */
  raw?: unknown;
  /** The network sent no date (eventDate is the receipt time): deduped without it. Default false. */
  eventDateFromReceipt?: boolean;
};

// ── deliveries ──────────────────────────────────────────────────────────────────────────────────────────

// Their states (and what each means) are shared words: the contract's vocabulary.
export { DELIVERY_STATES, type DeliveryState } from '../../../preload/contract/vocabulary.js';

export const DELIVERY_KINDS = ['event', 'batch', 'test'] as const;
/** event: one event; batch: what batchNotify grouped (one or more events); test: a test notification. */
export type DeliveryKind = (typeof DELIVERY_KINDS)[number];

export interface DeliveryRecord {
  /** Also the Standard Webhooks `webhook-id`: stable across retries. */
  id: string;
  callbackId: string;
  kind: DeliveryKind;
  eventCount: number;
  /** Distinct VINs of its events, in event order. */
  vins: string[];
  /** Distinct remote types of its events, in event order. */
  remoteTypes: string[];
  /** The JSON text of the events[] array sent (the envelope is built at send time). */
  eventsJson: string;
  state: DeliveryState;
  /** Attempts that count toward the retry policy. */
  attempts: number;
  /** Tries that could not reach the target (they count toward nothing). */
  unreachableTries: number;
  nextAttemptAt: IsoTimestamp;
  /** The 3-day cap: null until the first refusal. */
  retryDeadline: IsoTimestamp | null;
  leaseOwner: string | null;
  leaseUntil: IsoTimestamp | null;
  createdAt: IsoTimestamp;
  deliveredAt: IsoTimestamp | null;
  gaveUpAt: IsoTimestamp | null;
  lastStatus: number | null;
  lastError: string | null;
}

/** One event a delivery carries (or will carry, once its batch closes). */
export interface DeliveryEventRow {
  vin: string;
  remoteType: string;
  /** The event object of the fleet payload, as JSON text. */
  eventJson: string;
}

export interface NewDelivery {
  id: string;
  callbackId: string;
  kind: DeliveryKind;
  events: DeliveryEventRow[];
  createdAt: IsoTimestamp;
  nextAttemptAt: IsoTimestamp;
  /** Queued by default; Dead (with `lastError`) for what can never be delivered, e.g. a deleted callback. */
  state?: 'Queued' | 'Dead';
  lastError?: string | null;
}

/** An event waiting for its callback's batch. */
export interface WaitingEvent extends DeliveryEventRow {
  id: number;
  createdAt: IsoTimestamp;
}

/** How a delivery leaves InFlight: every column the outcome sets. */
export interface DeliverySettlement {
  id: string;
  state: 'Queued' | 'Delivered' | 'Failed' | 'Dead';
  attempts: number;
  unreachableTries: number;
  nextAttemptAt: IsoTimestamp;
  retryDeadline: IsoTimestamp | null;
  deliveredAt: IsoTimestamp | null;
  gaveUpAt: IsoTimestamp | null;
  lastStatus: number | null;
  lastError: string | null;
}

export interface DeliveryListQuery extends Page {
  state?: DeliveryState;
  callbackId?: string;
  vin?: string;
  /** created_at >= since */
  since?: IsoTimestamp;
  /** created_at < until */
  until?: IsoTimestamp;
}

export interface AttemptRecord {
  id: number;
  deliveryId: string;
  startedAt: IsoTimestamp;
  durationMs: number;
  httpStatus: number | null;
  error: string | null;
  /** False for a connection failure: it did not use up an attempt. */
  counted: boolean;
}

export type NewAttempt = Omit<AttemptRecord, 'id'>;

export type DeliveryTargetState = 'online' | 'offline';

/** Reachability of a webhook origin. */
export interface DeliveryTargetRecord {
  origin: string;
  state: DeliveryTargetState;
  /** Since when it is in that state. */
  since: IsoTimestamp;
  lastError: string | null;
  probeFailures: number;
  nextProbeAt: IsoTimestamp | null;
  updatedAt: IsoTimestamp;
}

/** Why a callback's deliveries are held, and since when. */
export interface DeliveryHoldRecord {
  callbackId: string;
  since: IsoTimestamp;
  reason: string;
}

// ── settings and audit ──────────────────────────────────────────────────────────────────────────────────

export interface SettingRecord {
  key: string;
  value: unknown;
  updatedAt: IsoTimestamp;
}

export interface AuditEntry {
  seq: number;
  at: IsoTimestamp;
  operator: string;
  /** What was done, dotted: 'remote.send', 'callback.create', … */
  action: string;
  vin: string | null;
  remoteActionId: string | null;
  callbackId: string | null;
  reason: string | null;
  detail: unknown;
  /** Who, with their id and role (null for entries written before operators existed). */
  actor: ActorRef | null;
}

export interface NewAuditEntry {
  at: IsoTimestamp;
  operator: string;
  /** Only the kinds the vocabulary lists: the UI words each one. (Stored ones stay plain strings.) */
  action: AuditAction;
  vin?: string | null;
  remoteActionId?: string | null;
  callbackId?: string | null;
  reason?: string | null;
  /** Any JSON value; omitted or undefined is stored as null. */
  detail?: unknown;
  /** Who, with their id and role; `operator` is their name. */
  actor?: ActorRef | null;
}

export interface AuditListQuery {
  limit: number;
  /** Entries strictly older than this seq (the last one of the previous page). */
  beforeSeq?: number;
  vin?: string;
  action?: string;
  /** An operator's or token's id, or a name as recorded. */
  operator?: string;
}
