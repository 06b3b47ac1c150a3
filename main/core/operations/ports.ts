// What an operation handler is, and the ports the agent plugs in (settings, the network connection check).
import type { ConnectionReportDto, RateLimitBudgetDto } from '../../../preload/contract/connection.js';
import type {
  HandlerInputOf,
  OperationRegistry,
  OutputOf,
} from '../../../preload/contract/operations/define.js';
import type { Operations } from '../../../preload/contract/operations/index.js';
import type { SettingsDto } from '../../../preload/contract/settings.js';
import type { Actor } from '../kernel/actor.js';

/** What the transport knows about the caller. */
export interface OperationContext {
  /** HTTP: X-Depot-Operator / X-Depot-Reason (operator "api" by default); IPC: the input's (or "desktop"). */
  actor: Actor;
  /** A valid token or session came with the request (always, over the desktop bridge). */
  authenticated: boolean;
}

export type OperationHandler<Op> = (
  input: HandlerInputOf<Op>,
  ctx: OperationContext,
) => Promise<OutputOf<Op>> | OutputOf<Op>;

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
