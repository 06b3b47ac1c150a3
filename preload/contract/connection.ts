// The vehicle-network connection as the operator sees it: the "test connection" report (each check named,
// with a plain sentence) and the rate-limit budget Stellantis reports on every answer
// (stellantis-api-notes.md N8).
import { z } from 'zod';
import { CONNECTION_MESSAGE_CODES } from './connection-messages.js';
import { messageParamsSchema } from './dto.js';

export const CONNECTION_CHECK_NAMES = [
  'configuration',
  'certificate',
  'host',
  'tls',
  'credentials',
  'fleet',
  'rate-limit',
] as const;
export type ConnectionCheckName = (typeof CONNECTION_CHECK_NAMES)[number];

export const CONNECTION_CHECK_STATUSES = ['ok', 'warning', 'problem', 'skipped'] as const;

/** One sentence of a check as a code and its values (issue 17): the client words it in its reader's language. */
export const connectionSentenceSchema = z.object({
  code: z.enum(CONNECTION_MESSAGE_CODES),
  params: messageParamsSchema,
});
export type ConnectionSentenceDto = z.infer<typeof connectionSentenceSchema>;

export const connectionCheckSchema = z
  .object({
    name: z.enum(CONNECTION_CHECK_NAMES),
    /** What was checked, e.g. "Client certificate". */
    title: z.string(),
    /** skipped: an earlier problem made this check impossible. */
    status: z.enum(CONNECTION_CHECK_STATUSES),
    /** One plain sentence: what was found and, for a problem, what to do (in English). */
    message: z.string(),
    /** The same sentences as codes with their values, in order. */
    sentences: z.array(connectionSentenceSchema),
  })
  .meta({ id: 'ConnectionCheck' });
export type ConnectionCheckDto = z.infer<typeof connectionCheckSchema>;

const rateLimitWindowSchema = z.object({
  limit: z.number().int().nullable(),
  remaining: z.number().int().nullable(),
});

export const rateLimitBudgetSchema = z
  .object({
    /** Requests per sliding 24 h (X-RateLimit-Limit-1 / -Remaining-1). */
    daily: rateLimitWindowSchema,
    /** Requests per second (X-RateLimit-Limit-2 / -Remaining-2). */
    burst: rateLimitWindowSchema,
    /** When Stellantis last reported them; null before the first answer. */
    updatedAt: z.string().nullable(),
    /** While a 429 is honoured: when requests may go out again. */
    blockedUntil: z.string().nullable(),
  })
  .meta({ id: 'RateLimitBudget' });
export type RateLimitBudgetDto = z.infer<typeof rateLimitBudgetSchema>;

export const connectionReportSchema = z
  .object({
    /** true when no check found a problem (warnings allowed). */
    ok: z.boolean(),
    checkedAt: z.string(),
    baseUrl: z.string().nullable(),
    fleetId: z.string().nullable(),
    checks: z.array(connectionCheckSchema),
    /** The budget as seen by the check's own request; null when no answer came back. */
    rateLimit: rateLimitBudgetSchema.nullable(),
  })
  .meta({ id: 'ConnectionReport' });
export type ConnectionReportDto = z.infer<typeof connectionReportSchema>;
