// Input fields several operations share. Query numbers and booleans are typed here; the HTTP layer reads them
// from the query string's text (see main/core/api/operation-routes.ts), the bridge receives them typed.
import { z } from 'zod';

/** Ids as the API accepts them in a path: letters, digits and - _ . : ~ only (ipc-channels.ts ID_PATTERN). */
export const idParam = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\w.:~-]+$/, 'Ids are letters, digits and - _ . : ~ only.');

export const pageQuery = z.object({
  limit: z.number().int().min(1).max(500).default(50).describe('Items per page (1–500)'),
  offset: z.number().int().min(0).default(0).describe('Items to skip'),
});

export const timestamp = z.iso
  .datetime({ offset: true, error: 'Give an RFC 3339 date-time, e.g. 2026-01-05T08:00:00Z.' })
  .describe('RFC 3339 date-time');
