// The transport-neutral client the renderer talks to: one method per API operation, plus change events.
// Two implementations: HTTP + server-sent events against /api/v1 (a browser against the headless agent), and the
// desktop's preload bridge (window.depotRemote), which exposes exactly this interface. Shapes are the DTOs of this
// folder; failures are ClientFailure values ({status, code, message, errors}) so they survive any transport.
import type { z } from 'zod';
import type { ErrorBody, healthSchema, remotePostResponseSchema } from './dto.js';
import type { ChangeEvent } from './events.js';
import type { OperationInput, OperationsClient } from './operations/index.js';
import type { SettingsInputDto } from './settings.js';

export type HealthDto = z.infer<typeof healthSchema>;
export type RemotePostResponseDto = z.infer<typeof remotePostResponseSchema>;

export interface PageDto<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

// The inputs of the calls the UI makes most, by name (each is its registry entry's input object).

/** The fleet API `Remote` body as sent: an optional label and exactly one action (validated by the core). */
export type RemoteBodyInput = Record<string, unknown>;
/** The fleet API RemoteCallbackSubscribe plus the local extensions (signingSecret, authentication). */
export type CallbackBodyInput = Record<string, unknown>;
/**
 * vid (vehicle id or VIN), cbid, the Remote body, operator/reason (X-Depot-Operator / X-Depot-Reason) and, for a
 * supervisor approving on this screen, approver/approverPin (X-Depot-Approver / X-Depot-Approver-Pin).
 */
export type SendRemoteInput = OperationInput<'sendRemote'>;
export type VehicleListQuery = OperationInput<'listVehicles'>;
export type RemoteListQuery = OperationInput<'listRemotes'>;
export type AuditQuery = OperationInput<'listAudit'>;
export type DeliveryListQuery = OperationInput<'listDeliveries'>;
export type QuarantineListQuery = OperationInput<'listQuarantine'>;

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
  /** The message's values: a client words the code itself with them (issue 17). */
  readonly params?: ErrorBody['params'];
  constructor(failure: ClientFailure) {
    super(failure.message);
    this.name = 'ClientError';
    this.status = failure.status;
    this.code = failure.code;
    this.errors = failure.errors;
    if (failure.params) this.params = failure.params;
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
      ...(e.params && typeof e.params === 'object' ? { params: e.params } : {}),
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

/**
 * What a client has besides the operations: its transport and the live change stream. The session itself goes
 * through operations like any other call (getSession, signIn, signOut), the same over HTTP and over the bridge.
 */
export interface ClientSession {
  /** 'http' in a browser, 'bridge' in the desktop app. */
  readonly transport: 'http' | 'bridge';

  /** Every committed change, live. Returns the unsubscribe function. */
  subscribe(listener: ChangeListener): () => void;
  /** The live stream's state; called at once with the current state. Returns the unsubscribe function. */
  onConnection(listener: ConnectionListener): () => void;
}

/**
 * One method per operation of the registry (preload/contract/operations), each taking one input object (path and
 * query parameters, `body`, `operator`/`reason`/`approver`/`approverPin`), plus the transport and the change stream.
 */
export type DepotRemoteClient = OperationsClient & ClientSession;
