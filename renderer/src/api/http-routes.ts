// What the HTTP client needs of each operation to build its request — method, path, query keys in the entry's
// order, whether it sends a body, the X-Depot-* headers it declares, a text answer — as plain data. Derived from
// the contract's registry (routeOf), never written by hand: the browser's build freezes the table at build time
// (contract-tables.ts), so the page does not evaluate the registry's zod schemas to send a request. This file
// imports the contract for its types only.
import type {
  HttpMethod,
  OperationRegistry,
  OperationSpec,
} from '../../../preload/contract/operations/define.js';

export interface HttpRoute {
  method: HttpMethod;
  /** Under /api/v1, with {placeholders}: '/callbacks/{cbid}'. */
  path: string;
  /** The query's keys, in the entry's order (one call, one URL); absent when it has no query. */
  query?: readonly string[];
  /** It takes a JSON body (`body` in the input object). */
  body?: true;
  headers?: { operator?: true; reason?: true; approval?: true };
  /** A text answer: the type of a report, or the types of a streamed export (the client gets the whole text). */
  produces?: string;
}

export type HttpRoutes = Readonly<Record<string, HttpRoute>>;

/** The route of one registry entry. */
export function routeOf(op: OperationSpec): HttpRoute {
  const input = op.input ?? {};
  const headers = input.headers
    ? Object.fromEntries(Object.entries(input.headers).filter(([, declared]) => declared === true))
    : {};
  return {
    method: op.http.method,
    path: op.http.path,
    ...(input.query ? { query: Object.keys(input.query.shape) } : {}),
    ...(input.body || input.domainBody ? { body: true as const } : {}),
    ...(Object.keys(headers).length > 0 ? { headers: headers as HttpRoute['headers'] } : {}),
    ...(op.http.produces ? { produces: op.http.produces } : {}),
    ...(op.http.stream ? { produces: op.http.stream.join(', ') } : {}),
  };
}

/** Every entry's route, by operation name, in the registry's order. */
export function routesOf(registry: OperationRegistry): Record<string, HttpRoute> {
  return Object.fromEntries(Object.entries(registry).map(([name, op]) => [name, routeOf(op)]));
}

/** An entry of a registry (a test's own operations) or already a route. */
export function asRoute(entry: OperationSpec | HttpRoute): HttpRoute {
  return 'http' in entry ? routeOf(entry) : entry;
}
