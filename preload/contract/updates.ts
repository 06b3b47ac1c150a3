// Updates without internet (issue 18): what the running app knows about updates, as every client sees it.
import { z } from 'zod';
import { messageParamsSchema } from './dto.js';

/** The error codes an update check, download or install can end with (words: errors:code.<CODE>). */
export const UPDATE_ERROR_CODES = [
  'UPDATE_FEED_UNREACHABLE',
  'UPDATE_FEED_NOT_A_FEED',
  'UPDATE_CHECKSUM_MISMATCH',
  'UPDATE_DOWNLOAD_FAILED',
] as const;
export type UpdateErrorCode = (typeof UPDATE_ERROR_CODES)[number];

const params = messageParamsSchema;

export const updateStateSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('idle') }),
  z.object({ kind: z.literal('checking') }),
  z.object({
    kind: z.literal('available'),
    version: z.string(),
    releaseDate: z.string().nullable(),
    /** Release notes as plain text (never shown as HTML). */
    notes: z.string().nullable(),
  }),
  z.object({
    kind: z.literal('downloading'),
    version: z.string(),
    percent: z.number().min(0).max(100),
    bytesPerSecond: z.number().min(0),
  }),
  z.object({ kind: z.literal('ready'), version: z.string(), notes: z.string().nullable() }),
  z.object({ kind: z.literal('up-to-date'), latest: z.string() }),
  z.object({ kind: z.literal('error'), code: z.enum(UPDATE_ERROR_CODES), params }),
]);
export type UpdateStateDto = z.infer<typeof updateStateSchema>;
export type UpdateStateKind = UpdateStateDto['kind'];

export const updateStatusSchema = z.object({
  currentVersion: z.string(),
  /** The feed (http://, https:// or file://); null: updates are off. */
  feedUrl: z.string().nullable(),
  /** `install`: the desktop downloads and installs; `tell`: the headless agent only says what to do. */
  runtime: z.enum(['install', 'tell']),
  state: updateStateSchema,
  lastCheckAt: z.string().nullable(),
});
export type UpdateStatusDto = z.infer<typeof updateStatusSchema>;

export const updateSettingsInputSchema = z.object({
  /** Empty: updates off. Checked by the core (scheme, no credentials) with a coded error. */
  feedUrl: z.string().max(2000),
});
export type UpdateSettingsInputDto = z.infer<typeof updateSettingsInputSchema>;
