// What the repositories take and return. Domain objects (RemoteAction, ActionEventRecord) come from
// main/core/domain; the records below exist only as stored things and are defined here.
import type { ActionEventRecord } from '../domain/action.js';
import type { CallbackStatus, CallbackSubscribe } from '../domain/callback/callback-model.js';
import type { RemoteType } from '../domain/remote-type.js';

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
  /** Why not, in plain words, when unsupported. */
  reason?: string;
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

export interface CallbackRecord {
  id: string;
  label: string | null;
  subscribe: CallbackSubscribe;
  status: CallbackStatus;
  /** Encrypted blob from the service layer (CallbackSecrets); opaque to the store. */
  secrets: string | null;
  /** Encrypted blob from the service layer; opaque to the store. */
  receiverSecret: string | null;
  /** The callback's id on the network, once it exists there. */
  upstreamId: string | null;
  createdAt: IsoTimestamp;
  updatedAt: IsoTimestamp;
  deletedAt: IsoTimestamp | null;
}

export type NewCallback = Omit<CallbackRecord, 'deletedAt'> & { deletedAt?: IsoTimestamp | null };

/**
 * A full replacement (PUT) of a callback's definition; status and creation date are kept, and so are
 * `receiverSecret` and `upstreamId` when absent (undefined). null clears them.
 */
export type CallbackReplacement = Pick<CallbackRecord, 'label' | 'subscribe' | 'secrets' | 'updatedAt'> &
  Partial<Pick<CallbackRecord, 'receiverSecret' | 'upstreamId'>>;

// ── actions and events ──────────────────────────────────────────────────────────────────────────────────

/** Keyset position in a newest-first list: the last item of the previous page. */
export interface ActionCursor {
  createdAt: IsoTimestamp;
  id: string;
}

/** An event to store: the domain record minus what the store assigns, plus the payload as received. */
export type NewActionEvent = Omit<ActionEventRecord, 'seq' | 'remoteActionId'> & {
  /** The notification item as it arrived, kept for support. */
  raw?: unknown;
};

// ── deliveries ──────────────────────────────────────────────────────────────────────────────────────────

export const DELIVERY_STATES = ['Queued', 'InFlight', 'Delivered', 'Failed', 'Dead'] as const;
/**
 * - Queued: waiting for `nextAttemptAt`.
 * - InFlight: claimed by the dispatcher (back to Queued at startup if the process died meanwhile).
 * - Delivered: the webhook answered 2xx.
 * - Failed: given up by policy (e.g. retry policy None); can be replayed by hand.
 * - Dead: retries exhausted or expired; can be replayed by hand.
 */
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export interface DeliveryRecord {
  /** Also the Standard Webhooks `webhook-id`: stable across retries. */
  id: string;
  callbackId: string;
  remoteActionId: string | null;
  eventSeq: number | null;
  /** The JSON body to send. */
  payload: unknown;
  state: DeliveryState;
  attempts: number;
  nextAttemptAt: IsoTimestamp;
  expiresAt: IsoTimestamp;
  createdAt: IsoTimestamp;
  deliveredAt: IsoTimestamp | null;
  lastError: string | null;
}

export interface NewDelivery {
  id: string;
  callbackId: string;
  remoteActionId: string | null;
  eventSeq: number | null;
  payload: unknown;
  nextAttemptAt: IsoTimestamp;
  createdAt: IsoTimestamp;
  /** Defaults to createdAt + 3 days (RETRY_CAP_SECONDS): nothing is delivered later than that. */
  expiresAt?: IsoTimestamp;
}

export interface DeliveryListQuery {
  state?: DeliveryState;
  callbackId?: string;
  limit: number;
}

export interface AttemptRecord {
  id: number;
  deliveryId: string;
  startedAt: IsoTimestamp;
  durationMs: number;
  httpStatus: number | null;
  error: string | null;
}

export type NewAttempt = Omit<AttemptRecord, 'id'>;

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
}

export interface NewAuditEntry {
  at: IsoTimestamp;
  operator: string;
  action: string;
  vin?: string | null;
  remoteActionId?: string | null;
  callbackId?: string | null;
  reason?: string | null;
  /** Any JSON value; omitted or undefined is stored as null. */
  detail?: unknown;
}

export interface AuditListQuery {
  limit: number;
  /** Entries strictly older than this seq (the last one of the previous page). */
  beforeSeq?: number;
  vin?: string;
  action?: string;
}
