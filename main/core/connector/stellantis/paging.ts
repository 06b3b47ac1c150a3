// Collections of the fleet API (CollectionResult; stellantis-api-notes.md N2) read to the end: `_links.next`
// (whose pageToken the server builds) is followed; without it, lists that take `indexRange` are read on by
// index while `total` says more items exist. Guards stop a server that loops.
// A link may be relative ("?pageToken=…", "../vehicles?…", "/fleets/…"): it is resolved against the URL of the
// page that carried it (RFC 3986 section 5), as a browser would, never glued onto the base URL as a string.
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
    const pageUrl = http.url(req.path, req.query);
    const signature = pageUrl.href;
    if (seen.has(signature)) break;
    seen.add(signature);
    const res = await http.send(req);
    const body = readBody(schema, res.body ?? {}, first.operation);
    const got = body._embedded?.[key] ?? [];
    items.push(...got);
    const next = body._links?.next?.href;
    if (next) {
      req = { ...first, path: resolveLink(next, pageUrl), query: {} };
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

/**
 * A HAL href resolved against the URL of the answer that carried it (RFC 3986 section 5.2), as an absolute
 * URL; the HTTP client still sends credentials only to the configured origin. A link that is not a URL
 * reference at all is a server fault.
 */
export function resolveLink(href: string, base: URL): string {
  try {
    return new URL(href, base).href;
  } catch {
    throw new ConnectorError(
      'unreachable',
      `Stellantis answered with a paging link that is not a URL (${href.slice(0, 200)}).`,
    );
  }
}
