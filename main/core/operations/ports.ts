// What an operation handler is, and the ports the agent plugs in (settings, the network connection check).
import type { ConnectionReportDto, RateLimitBudgetDto } from '../../../preload/contract/connection.js';
import type {
  HandlerInputOf,
  HandlerOutputOf,
  OperationRegistry,
} from '../../../preload/contract/operations/define.js';
import type { Operations } from '../../../preload/contract/operations/index.js';
import type { SettingsDto } from '../../../preload/contract/settings.js';
import type { Actor } from '../kernel/actor.js';
import type { Principal } from '../services/identity.js';

/** The client's session as its transport keeps it: an HttpOnly cookie over HTTP, the window's over IPC. */
export interface SessionPort {
  readonly transport: 'http' | 'bridge';
  /** HTTP: the enrolment cookie's value, if the browser has one (the handler checks it is known). */
  readonly enrolmentSecret: string | null;
  /** Starts a session as the principal, replacing the client's current one. */
  start(principal: Principal): void;
  end(): void;
  /** HTTP: sets the enrolment cookie; the bridge has nothing to enrol. */
  setEnrolment(secret: string): void;
  /** A wrong machine token was given: counts it for the caller's address; seconds to wait when over the limit. */
  tokenFailed(): number | null;
}

/** What the transport knows about the caller. */
export interface OperationContext {
  /**
   * Who asks, resolved from the credential (the session or the bearer token), with X-Depot-Reason and, for tokens,
   * X-Depot-Operator as "on behalf of". Signed out (public operations only): ANONYMOUS.
   */
  actor: Actor;
  /** A valid credential came with the request. */
  authenticated: boolean;
  session: SessionPort;
}

export type OperationHandler<Op> = (
  input: HandlerInputOf<Op>,
  ctx: OperationContext,
) => Promise<HandlerOutputOf<Op>> | HandlerOutputOf<Op>;

/** One handler per operation of the registry. */
export type OperationHandlers<R extends OperationRegistry = Operations> = {
  [K in keyof R]: OperationHandler<R[K]>;
};

export interface SettingsPort {
  get(): Promise<SettingsDto>;
  put(input: unknown, actor: Actor): Promise<SettingsDto>;
}

export interface ConnectionPort {
  /** Runs every check against the configured network; null when the connector has nothing to check. */
  check(): Promise<ConnectionReportDto | null>;
  rateLimit(): RateLimitBudgetDto | null;
}

/** The running agent's data folder, for its support bundle (main/core/diagnostics): read, never written. */
export interface DataFolderPort {
  dataDir: string;
  databaseFile: string;
  /** The agent's log (electron-log rotates it to <name>.old.log). */
  logFile: string;
  /** Opens a sealed value, only to know which secrets to mask. */
  open(sealed: string): Promise<string>;
}
