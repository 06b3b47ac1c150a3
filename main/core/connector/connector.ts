// The port: everything the core needs from the vehicle network. Implementations: the in-process fleet
// (the zero-configuration default for now), later the built-in simulator and the Stellantis fleet API.
import type { CapabilityReason } from '../../../preload/contract/capability-reasons.js';
import type { RemoteEvent } from '../domain/action.js';
import type { CallbackSubscribe } from '../domain/callback/callback-model.js';
import type { RemoteBody } from '../domain/remote/remote-body.js';
import type { RemoteType } from '../domain/remote-type.js';

export type Energy = 'Electric' | 'PlugInHybrid' | 'Hybrid' | 'Combustion' | 'Unknown';

export interface Capability {
  supported: boolean;
  /** Why not, as a code the clients word, when unsupported. */
  reason?: CapabilityReason;
  /** The reason's values, by name (CAPABILITY_REASONS says which). */
  params?: Record<string, string | number>;
}
export type Capabilities = Partial<Record<RemoteType, Capability>>;

export interface ConnectorVehicle {
  id: string;
  vin: string;
  label: string | null;
  brand: string | null;
  model: string | null;
  energy: Energy;
  capabilities: Capabilities;
}

export interface SendRemoteRequest {
  vehicleId: string;
  vin: string;
  /** The local callback id. */
  callbackId: string;
  /** The callback's id on the network (from registerCallback); null where the connector needs none. */
  upstreamCallbackId: string | null;
  type: RemoteType;
  body: RemoteBody;
}

/**
 * What the agent registers upstream for one local callback: the network posts notifications to the agent's
 * own receiver (`target` = <receiver URL>/webhooks/stellantis/<local cbid>) with `x-depot-secret`.
 * The body is the fleet API's RemoteCallbackSubscribe, ready to send.
 */
export type UpstreamCallback = CallbackSubscribe;

/** A remote as the network reports it when read by id (the polling fallback). */
export interface RemoteSnapshot {
  remoteActionId: string;
  type: string;
  /** The merged RemoteActionStatus (Accepted … Success/AlreadyDone/Failed). */
  status: string;
  failureCause?: string;
  feedbackDetail?: string;
  /** The Remote body as the network keeps it, where it says. */
  remote?: Record<string, unknown>;
}

/** Where a connector delivers what it learns about actions (same path as received notifications). */
export type ConnectorEventSink = (events: RemoteEvent[]) => Promise<void>;

export interface Connector {
  readonly name: string;
  start(sink: ConnectorEventSink): Promise<void>;
  listVehicles(): Promise<ConnectorVehicle[]>;
  getVehicleStatus(vehicleId: string): Promise<Record<string, unknown> | null>;
  sendRemote(request: SendRemoteRequest): Promise<{ remoteActionId: string }>;
  /** Reads one remote by id; null when the network does not know it. */
  getRemote(
    vehicleId: string,
    upstreamCallbackId: string | null,
    remoteActionId: string,
  ): Promise<RemoteSnapshot | null>;
  /**
   * Every remote the network holds for a vehicle through one callback (the fleet API's getRemoteRequestsForVhl):
   * asked before sending again a command whose earlier send may have reached it (a crash, a connection cut short),
   * so that it is never sent twice. A connector without it cannot tell: such a command is not sent again.
   */
  listRemotes?(vehicleId: string, upstreamCallbackId: string | null): Promise<RemoteSnapshot[]>;
  registerCallback(callback: UpstreamCallback): Promise<{ upstreamId: string }>;
  /** Replaces the whole object upstream, as the fleet API's PUT. */
  updateCallback(upstreamId: string, callback: UpstreamCallback): Promise<void>;
  setCallbackStatus(upstreamId: string, status: 'Running' | 'Paused'): Promise<void>;
  deleteCallback(upstreamId: string): Promise<void>;
  close(): Promise<void>;
}

export type ConnectorErrorKind = 'unreachable' | 'authentication' | 'rate-limited' | 'refused' | 'invalid';

/** A typed failure of the network; `code` and `reference` are kept for support requests. */
export class ConnectorError extends Error {
  constructor(
    readonly kind: ConnectorErrorKind,
    message: string,
    readonly details: { code?: string; reference?: string; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'ConnectorError';
  }
}
