// The transport-neutral client the renderer talks to: one method per API operation, plus change events.
// Two implementations: HTTP + server-sent events against /api/v1 (a browser against the headless agent), and the
// desktop's preload bridge (window.depotRemote), which exposes exactly this interface. Shapes are the DTOs of this
// folder; failures are ClientFailure values ({status, code, message, errors}) so they survive any transport.
import type { z } from 'zod';
import type {
  AuditEntryDto,
  CallbackDto,
  ErrorBody,
  healthSchema,
  RemoteActionDto,
  remotePostResponseSchema,
  VehicleDto,
} from './dto.js';
import type {
  DeliveryDetailDto,
  DeliveryDto,
  DeliveryPageDto,
  DeliveryRetryAllDto,
  DeliveryStateDto,
  DeliveryTargetsDto,
  TestNotificationDto,
} from './deliveries.js';
import type { ChangeEvent } from './events.js';
import type { QuarantinePageDto } from './quarantine.js';
import type { SettingsDto, SettingsInputDto } from './settings.js';

export type HealthDto = z.infer<typeof healthSchema>;
export type RemotePostResponseDto = z.infer<typeof remotePostResponseSchema>;

export interface PageDto<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** The fleet API `Remote` body as sent: an optional label and exactly one action (validated by the core). */
export type RemoteBodyInput = Record<string, unknown>;
/** The fleet API RemoteCallbackSubscribe plus the local extensions (signingSecret, authentication). */
export type CallbackBodyInput = Record<string, unknown>;

export interface SendRemoteInput {
  /** Vehicle id or VIN. */
  vehicle: string;
  callbackId: string;
  body: RemoteBodyInput;
  /** Who sends it, for the audit log (X-Depot-Operator). */
  operator?: string;
  /** Why; required for Immobilization and Stolen (X-Depot-Reason). */
  reason?: string;
}

export interface VehicleListQuery {
  search?: string;
  limit?: number;
  offset?: number;
}

export interface RemoteListQuery {
  vehicle?: string;
  type?: string;
  phase?: string;
  limit?: number;
  offset?: number;
}

export interface AuditQuery {
  limit?: number;
  beforeSeq?: number;
  vin?: string;
  action?: string;
}

// ── Deliveries (the outbox): shapes in deliveries.ts ──────────────────────────────────────────────────────

export interface DeliveryListQuery {
  callback?: string;
  state?: DeliveryStateDto;
  /** Vehicle id or VIN. */
  vehicle?: string;
  limit?: number;
  offset?: number;
}

// ── Quarantine (notifications the receiver kept): shapes in quarantine.ts ────────────────────────────────────

export interface QuarantineListQuery {
  /** true: only those needing attention; false: only resolved ones. */
  unresolved?: boolean;
  limit?: number;
  offset?: number;
}

// ── Settings ────────────────────────────────────────────────────────────────────────────────────────────────

export type { SettingsDto } from './settings.js';

/** PUT body: the settings, with a new password only when it changes. */
export type SettingsInput = SettingsInputDto;

// ── Failures and live updates ───────────────────────────────────────────────────────────────────────────────

/** Any failed call: the API's error body plus the HTTP status (0 when the agent could not be reached). */
export interface ClientFailure extends ErrorBody {
  status: number;
}

export class ClientError extends Error implements ClientFailure {
  readonly status: number;
  readonly code: string;
  readonly errors: ErrorBody['errors'];
  constructor(failure: ClientFailure) {
    super(failure.message);
    this.name = 'ClientError';
    this.status = failure.status;
    this.code = failure.code;
    this.errors = failure.errors;
  }
}

/** Reads a failure from anything thrown (a ClientError, or its plain-object form after a bridge). */
export function asClientFailure(error: unknown): ClientFailure {
  if (typeof error === 'object' && error !== null && 'code' in error && 'message' in error) {
    const e = error as Partial<ClientFailure>;
    return {
      status: typeof e.status === 'number' ? e.status : 0,
      code: String(e.code),
      message: String(e.message),
      errors: Array.isArray(e.errors) ? e.errors : [],
    };
  }
  return {
    status: 0,
    code: 'UNEXPECTED',
    message: error instanceof Error ? error.message : 'Something went wrong.',
    errors: [],
  };
}

/**
 * - connecting: first connection under way
 * - live: change events are arriving
 * - reconnecting: the stream dropped; retrying with backoff (data may be stale until it is back)
 * - closed: unsubscribed, or the session ended
 */
export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'closed';

export type ChangeListener = (event: ChangeEvent) => void;
export type ConnectionListener = (state: ConnectionState) => void;

export interface DepotRemoteClient {
  /** 'http' in a browser, 'bridge' in the desktop app. */
  readonly transport: 'http' | 'bridge';

  /** Whether this client may call the API now (a valid session, or always on the bridge). */
  hasSession(): Promise<boolean>;
  /** Trades the API token for a session (HTTP: an HttpOnly cookie). */
  login(token: string): Promise<void>;
  logout(): Promise<void>;
  health(): Promise<HealthDto>;

  listVehicles(query?: VehicleListQuery): Promise<PageDto<VehicleDto>>;
  getVehicle(vehicle: string): Promise<VehicleDto>;

  listCallbacks(): Promise<{ items: CallbackDto[]; total: number }>;
  getCallback(callbackId: string): Promise<CallbackDto>;
  createCallback(body: CallbackBodyInput, operator?: string): Promise<CallbackDto>;
  replaceCallback(callbackId: string, body: CallbackBodyInput, operator?: string): Promise<CallbackDto>;
  setCallbackStatus(
    callbackId: string,
    status: 'Running' | 'Paused',
    operator?: string,
  ): Promise<CallbackDto>;
  deleteCallback(callbackId: string, operator?: string): Promise<void>;
  /** Queues a test notification to the callback's webhook (it shows in the delivery log). */
  sendTestNotification(callbackId: string, operator?: string): Promise<TestNotificationDto>;

  sendRemote(input: SendRemoteInput): Promise<RemotePostResponseDto>;
  listRemotes(query?: RemoteListQuery): Promise<PageDto<RemoteActionDto>>;
  /** One action with its whole event history. */
  getRemote(remoteActionId: string): Promise<RemoteActionDto>;

  listDeliveries(query?: DeliveryListQuery): Promise<DeliveryPageDto>;
  /** One delivery with every attempt. */
  getDelivery(deliveryId: string): Promise<DeliveryDetailDto>;
  /** Each webhook target's reachability and queue, and the counts by state. */
  listDeliveryTargets(): Promise<DeliveryTargetsDto>;
  /** Queues a dead letter (Failed or Dead) again. */
  retryDelivery(deliveryId: string, operator?: string): Promise<DeliveryDto>;
  /** Queues every dead letter of a callback again. */
  retryCallbackDeliveries(callbackId: string, operator?: string): Promise<DeliveryRetryAllDto>;

  /** Kept notifications (no bodies, no errors) and the quarantine's capacity: full means the receiver refuses. */
  listQuarantine(query?: QuarantineListQuery): Promise<QuarantinePageDto>;

  getSettings(): Promise<SettingsDto>;
  putSettings(settings: SettingsInput): Promise<SettingsDto>;

  listAudit(query?: AuditQuery): Promise<{ items: AuditEntryDto[] }>;

  /** Every committed change, live. Returns the unsubscribe function. */
  subscribe(listener: ChangeListener): () => void;
  /** The live stream's state; called at once with the current state. Returns the unsubscribe function. */
  onConnection(listener: ConnectionListener): () => void;
}
