// The client over HTTP + server-sent events: a browser against the headless agent's /api/v1. Every operation
// method is built from its registry entry's route (http-routes.ts; the build ships the routes without the
// registry's schemas): the path with its parameters encoded, the query from the entry's query keys, the JSON body,
// and the operator/reason/approver/approver PIN as X-Depot-* headers.
import type { ClientSession, DepotRemoteClient } from '../../../preload/contract/client.js';
import { ClientError } from '../../../preload/contract/client.js';
import type { ClientOf, OperationSpec } from '../../../preload/contract/operations/define.js';
import type { Operations } from '../../../preload/contract/operations/index.js';
import { OPERATION_ROUTES } from './contract-tables.js';
import { createEventStream } from './event-stream.js';
import { asRoute, type HttpRoute } from './http-routes.js';
import { createRequester, headerValue, type RequestOptions, type Requester } from './http-request.js';

export interface HttpClientOptions {
  /** '' for the page's own origin (web mode). */
  baseUrl?: string;
  /** Called when the agent answers 401: the session cookie expired or the token changed. */
  onUnauthorized?: () => void;
  fetchImpl?: typeof fetch;
  createEventSource?: (url: string) => EventSource;
}

/** The X-Depot-* header of each input key, sent when the entry declares it and the value is not blank. */
const HEADERS = [
  ['operator', 'operator', 'x-depot-operator'],
  ['reason', 'reason', 'x-depot-reason'],
  ['approval', 'approver', 'x-depot-approver'],
  ['approval', 'approverPin', 'x-depot-approver-pin'],
] as const;

function actorHeaders(route: HttpRoute, input: Record<string, unknown>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [declared, key, header] of HEADERS) {
    const value = input[key];
    const text = typeof value === 'string' ? value.trim() : '';
    if (route.headers?.[declared] && text) headers[header] = headerValue(text);
  }
  return headers;
}

/** The request one operation call makes: path under /api/v1 and the options of http-request.ts. */
export function requestOf(
  entry: HttpRoute | OperationSpec,
  input: Record<string, unknown> = {},
): [string, RequestOptions] {
  const route = asRoute(entry);
  const path = route.path.replace(/\{(\w+)\}/g, (_, key: string) => encodeURIComponent(String(input[key])));
  // In the entry's order, whatever the caller's: one call, one URL.
  const query: Record<string, string | undefined> = {};
  for (const key of route.query ?? []) {
    const value = input[key];
    if (value !== undefined && value !== null) query[key] = String(value);
  }
  const hasBody = route.body === true && input.body !== undefined;
  const headers = actorHeaders(route, input);
  return [
    path,
    {
      method: route.method,
      ...(route.query ? { query } : {}),
      ...(hasBody ? { body: input.body } : {}),
      ...(Object.keys(headers).length > 0 ? { headers } : {}),
      ...(route.produces ? { text: route.produces } : {}),
    },
  ];
}

/**
 * One method per entry: of the routes (OPERATION_ROUTES), or of a registry (OPERATIONS plus a test's own), whose
 * entries are read as their routes.
 */
export function operationsOverHttp<R extends Readonly<Record<string, OperationSpec | HttpRoute>>>(
  registry: R,
  request: Requester,
): ClientOf<{ [K in keyof R]: R[K] extends OperationSpec ? R[K] : never }> {
  return Object.fromEntries(
    Object.entries(registry).map(([name, entry]) => {
      const route = asRoute(entry);
      return [name, (input?: Record<string, unknown>) => request(...requestOf(route, input))];
    }),
  ) as ClientOf<{ [K in keyof R]: R[K] extends OperationSpec ? R[K] : never }>;
}

export function createHttpClient(options: HttpClientOptions = {}): DepotRemoteClient {
  const baseUrl = options.baseUrl ?? '';
  const unauthorized = () => options.onUnauthorized?.();
  const request: Requester = createRequester(baseUrl, unauthorized, options.fetchImpl);
  // The routes carry no types of their own: the client's are the registry's.
  const operations = operationsOverHttp(OPERATION_ROUTES, request) as unknown as ClientOf<Operations>;

  const stream = createEventStream({
    url: `${baseUrl}/api/v1/events`,
    sessionStillValid: async () => {
      try {
        return (await operations.getSession()).signedIn;
      } catch (error) {
        if (error instanceof ClientError && error.status === 401) return false;
        throw error;
      }
    },
    onSessionEnded: unauthorized,
    ...(options.createEventSource ? { createSource: options.createEventSource } : {}),
  });

  const session: ClientSession = {
    transport: 'http',
    subscribe: (listener) => stream.subscribe(listener),
    onConnection: (listener) => stream.onConnection(listener),
  };
  return {
    ...operations,
    // The stream is closed first: once the cookie is gone it would only fail, and read as an ended session.
    signOut: async () => {
      stream.stop();
      await operations.signOut();
    },
    ...session,
  };
}
