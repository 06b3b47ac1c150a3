// The fleet API's paging (api-b2b.yaml `pageSize`, `pageToken`, `indexRange`; CollectionResult): a collection is
// the items in `indexRange` (all by default), served `pageSize` at a time; `pageToken` says where a page starts.
// The token is base64url of {"offset": n} (n counted from the start of the range): stateless, as the spec wants,
// and meant to be taken from the `_links` of the previous page, never built by a client.
import { z } from 'zod';
import { invalid } from '../../../kernel/service-error.js';

export const MAX_PAGE_SIZE = 60;
/** Far past any collection here; keeps offsets plain integers for the store. */
const MAX_OFFSET = 1_000_000_000;

/** Stellantis needs `client_id` on every call; the mirror authenticates by the bearer token instead. */
export const stellantisQuery = {
  client_id: z
    .string()
    .max(200)
    .optional()
    .describe('Accepted and ignored: the mirror authenticates by the bearer token'),
};

export const pageQuery = {
  ...stellantisQuery,
  pageSize: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE_SIZE)
    .default(MAX_PAGE_SIZE)
    .describe(`Items per page (1–${MAX_PAGE_SIZE}, default ${MAX_PAGE_SIZE})`),
  pageToken: z
    .string()
    .max(200)
    .optional()
    .describe('Where the page starts: take it from the `next`, `prev`, `first` or `last` link of a page'),
};

export const indexRangeQuery = {
  indexRange: z
    .string()
    .regex(
      /^\d{1,9}(-\d{0,9})?$/,
      'Give a range of item indexes such as 0-9 (the first ten) or 5- (from 5 on).',
    )
    .optional()
    .describe('Only the items whose index is in this range, e.g. 0-9 or 5- (default 0-)'),
};

export interface PageRequest {
  pageSize: number;
  pageToken?: string | undefined;
  indexRange?: string | undefined;
}

/** Items from `offset` (at most `limit`), and how many there are in all. */
export type Fetch<T> = (offset: number, limit: number) => { items: T[]; total: number };

export function encodePageToken(offset: number): string {
  return Buffer.from(JSON.stringify({ offset })).toString('base64url');
}

function decodePageToken(token: string): number {
  let offset: unknown;
  try {
    if (!/^[\w-]+$/.test(token)) throw new Error('not base64url');
    offset = (JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { offset?: unknown }).offset;
  } catch {
    offset = undefined;
  }
  if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0 || offset > MAX_OFFSET) {
    throw invalid('errors:invalid.pageToken', [{ field: 'query.pageToken', rule: 'paging.pageToken' }]);
  }
  return offset;
}

/** [start, end) of `indexRange`; end is open when the range has none. */
function rangeOf(indexRange: string | undefined): { start: number; end: number } {
  const [from = '0', to = ''] = (indexRange ?? '0-').split('-');
  const start = Number(from);
  const end = to === '' ? Number.POSITIVE_INFINITY : Number(to) + 1;
  if (end <= start) {
    throw invalid('errors:invalid.indexRange', [
      { field: 'query.indexRange', rule: 'paging.indexRange', params: { indexRange: indexRange ?? '' } },
    ]);
  }
  return { start, end };
}

export interface Page<T> {
  _links: { self: Link; first: Link; next?: Link; prev?: Link; last: Link };
  total: number;
  totalPage: number;
  currentPage: number;
  items: T[];
}
interface Link {
  href: string;
  templated?: boolean;
}

/**
 * One page of a collection at `path`. `rawQuery` is the request's query string: the links keep every parameter
 * the client gave (filters, range, client_id) and set only pageSize and pageToken.
 */
export function pageOf<T>(request: PageRequest, path: string, rawQuery: string, fetch: Fetch<T>): Page<T> {
  const { pageSize } = request;
  const offset = request.pageToken === undefined ? 0 : decodePageToken(request.pageToken);
  const range = rangeOf(request.indexRange);
  const from = range.start + offset;
  const limit = Math.max(0, Math.min(pageSize, range.end - from));
  const fetched = fetch(from, limit);
  const total = Math.max(0, Math.min(fetched.total, range.end) - range.start);
  const totalPage = Math.max(1, Math.ceil(total / pageSize));
  const lastPage = (totalPage - 1) * pageSize;

  const link = (at: number): Link => {
    const query = new URLSearchParams(rawQuery);
    query.delete('pageToken');
    query.set('pageSize', String(pageSize));
    if (at > 0) query.set('pageToken', encodePageToken(at));
    return { href: `${path}?${query}` };
  };
  return {
    _links: {
      self: link(offset),
      first: link(0),
      ...(offset + pageSize < total ? { next: link(offset + pageSize) } : {}),
      // Past the end (the collection shrank since the token was given), the previous page is the last one.
      ...(offset > 0 ? { prev: link(Math.max(0, Math.min(offset - pageSize, lastPage))) } : {}),
      last: link(lastPage),
    },
    total,
    totalPage,
    currentPage: Math.floor(offset / pageSize) + 1,
    items: fetched.items.slice(0, limit),
  };
}

/** A Fetch over a list already in memory. */
export function fromList<T>(all: T[]): Fetch<T> {
  return (offset, limit) => ({ items: all.slice(offset, offset + limit), total: all.length });
}
