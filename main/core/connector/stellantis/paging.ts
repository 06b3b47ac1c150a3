// Collections of the fleet API (CollectionResult; stellantis-api.md §3.4) read to the end: `_links.next`
// (whose pageToken the server builds) is followed; without it, lists that take `indexRange` are read on by
// index while `total` says more items exist. Guards stop a server that loops.
import type { z } from 'zod';
import { ConnectorError } from '../connector.js';
import type { ApiRequest, StellantisHttp } from './stellantis-http.js';

export const PAGE_SIZE = 60;
const MAX_PAGES = 500;

/** Reads a body with a tolerant schema; an answer that is not even an object is a server fault. */
export function readBody<S extends z.ZodType>(schema: S, body: unknown, operation: string): z.output<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ConnectorError(
      'unreachable',
      `Stellantis answered the request to ${operation} with something that is not the expected JSON.`,
    );
  }
  return parsed.data;
}

interface Page<T> {
  _links?: { next?: { href: string } | undefined } | undefined;
  total?: number | undefined;
  _embedded?: Record<string, T[]> | undefined;
}

export async function collectAll<T>(
  http: StellantisHttp,
  first: ApiRequest,
  schema: z.ZodType<Page<T>>,
  key: string,
  opts: { indexRange?: boolean; pageSize?: number } = {},
): Promise<T[]> {
  const pageSize = opts.pageSize ?? PAGE_SIZE;
  const items: T[] = [];
  const seen = new Set<string>();
  let req: ApiRequest = { ...first, query: { ...first.query, pageSize } };
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const signature = http.url(req.path, req.query).href;
    if (seen.has(signature)) break;
    seen.add(signature);
    const res = await http.send(req);
    const body = readBody(schema, res.body ?? {}, first.operation);
    const got = body._embedded?.[key] ?? [];
    items.push(...got);
    const next = body._links?.next?.href;
    if (next) {
      req = { ...first, path: next, query: {} };
      continue;
    }
    if (opts.indexRange && got.length > 0 && body.total !== undefined && items.length < body.total) {
      req = {
        ...first,
        query: { ...first.query, pageSize, indexRange: `${items.length}-${items.length + pageSize - 1}` },
      };
      continue;
    }
    break;
  }
  return items;
}
