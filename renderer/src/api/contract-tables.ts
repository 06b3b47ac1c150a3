// The contract as the browser's HTTP client reads it: each operation's route (http-routes.ts) and the change
// events' names. Derived here from the registry, for the tests and the dev server; the renderer's production build
// replaces this module with the same two tables computed at build time (contract-tables-module.ts, plugged in by
// electron.vite.config.ts), so the page loads no zod schema to talk to the agent. A test holds the two equal.
import { CHANGE_EVENT_NAMES, type ChangeEventName } from '../../../preload/contract/events.js';
import { OPERATIONS, type OperationName } from '../../../preload/contract/operations/index.js';
import { routesOf, type HttpRoute } from './http-routes.js';

export const OPERATION_ROUTES: Readonly<Record<OperationName, HttpRoute>> = routesOf(OPERATIONS) as Record<
  OperationName,
  HttpRoute
>;

export const CHANGE_EVENTS: readonly ChangeEventName[] = CHANGE_EVENT_NAMES;
