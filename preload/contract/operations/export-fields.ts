// The query every export takes: a period (from included, to excluded) and a format. Whether `from` comes before
// `to` is the core's to check (the bridge and HTTP alike), with a field error on `to`.
import { z } from 'zod';
import { EXPORT_FORMATS, EXPORT_TYPES } from '../export.js';
import { timestamp } from './fields.js';

export const exportQuery = z.object({
  from: timestamp.describe('Start of the period, included (RFC 3339)'),
  to: timestamp.describe('End of the period, excluded (RFC 3339); after `from`'),
  format: z
    .enum(EXPORT_FORMATS)
    .default('csv')
    .describe('csv (RFC 4180, CRLF) or jsonl (JSON Lines, one object a line)'),
});

/** The media types an export is streamed as. */
export const exportTypes = Object.values(EXPORT_TYPES);
