// The port: everything the core needs from the vehicle network. Implementations: the in-process fleet
// (the zero-configuration default for now), later the built-in simulator and the Stellantis fleet API.
import type { RemoteEvent } from '../domain/action.js';
import type { RemoteBody } from '../domain/remote/remote-body.js';
import type { RemoteType } from '../domain/remote-type.js';

export type Energy = 'Electric' | 'PlugInHybrid' | 'Hybrid' | 'Combustion' | 'Unknown';

export interface Capability {
  supported: boolean;
  /** Why not, in plain words, when unsupported. */
  reason?: string;
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
  callbackId: string;
  type: RemoteType;
  body: RemoteBody;
}

/** Where a connector delivers what it learns about actions (same path as received notifications). */
export type ConnectorEventSink = (events: RemoteEvent[]) => Promise<void>;

export interface Connector {
  readonly name: string;
  start(sink: ConnectorEventSink): Promise<void>;
  listVehicles(): Promise<ConnectorVehicle[]>;
  getVehicleStatus(vehicleId: string): Promise<Record<string, unknown> | null>;
  sendRemote(request: SendRemoteRequest): Promise<{ remoteActionId: string }>;
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
