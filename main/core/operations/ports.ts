// What an operation handler is, and the ports the agent plugs in (settings, the network connection check).
import type { ConnectionReportDto, RateLimitBudgetDto } from '../../../preload/contract/connection.js';
import type {
  HandlerInputOf,
  HandlerOutputOf,
  OperationRegistry,
} from '../../../preload/contract/operations/define.js';
import type { Operations } from '../../../preload/contract/operations/index.js';
import type { SettingsDto } from '../../../preload/contract/settings.js';
import type { UpdateStateDto } from '../../../preload/contract/updates.js';
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

/**
 * How this runtime updates itself (issue 18): the desktop's electron-updater, which downloads, verifies and installs
 * (main/shell/updates); the headless agent's, which only reads the feed and says what to do (main/core/updates).
 */
export interface UpdatePort {
  /** `install`: downloads and installs at the next restart; `tell`: only says how to update. */
  readonly runtime: 'install' | 'tell';
  /**
   * Reads the feed (a normalised URL, see main/core/updates/feed-url.ts) and reports every state it goes through;
   * resolves once the check itself is over (a download may go on, still reporting).
   */
  check(feedUrl: string, report: (state: UpdateStateDto) => void): Promise<void>;
  /** Quits and installs what was downloaded (runtime `install` only). */
  install(): void;
  close(): Promise<void>;
}

/**
 * How the shell that runs the agent restores a backup (issue 18): the headless agent stops, restores and starts
 * again in the same process; the desktop stops, restores and relaunches. Called once the archive is proved; it
 * must return at once and act only after the answer is sent (the stop closes the API that sends it). False: a
 * restore is already under way (this one is refused).
 */
export interface AgentLifecycle {
  restoreAndRestart(request: {
    /** An archive of the backups folder, proved to open with `passphrase`. */
    archive: string;
    passphrase: string | null;
    /** Who asked, for the audit entry the next start writes. */
    actor: Actor;
    manifest: { createdAt: string; schemaVersion: number; appVersion: string };
  }): boolean;
}
