// The agent's settings as clients see and change them. Values take effect at the next start; a flag or an
// environment variable given at start wins over what is stored here (listed in `lockedBy`).
import { z } from 'zod';

const file = z.string().max(1024);
const wakeUpBudget = z.number().int().min(1).max(1000);
const queueExpiryMinutes = z.number().int().min(1).max(1440);

/** Whether the running JavaScript knows this IANA time zone name. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * Depot routines (issue 16). `bulkRatePerMinute`: how many commands of a bulk leave per minute (default 600, well
 * inside the burst limit the Stellantis docs give as an example, 100 per second: stellantis-api-notes.md N8).
 * `timeZone`: the site's IANA time zone schedules are read in (default the machine's). `scheduleGraceMinutes`: how
 * late a run whose time passed while the agent was off may still go on start (default 30); later it is missed.
 */
const routines = z.object({
  bulkRatePerMinute: z.number().int().min(1).max(6000),
  timeZone: z.string().min(1).max(100).refine(isTimeZone, 'Give an IANA time zone, e.g. Europe/Paris.'),
  scheduleGraceMinutes: z.number().int().min(0).max(1440),
});

/**
 * How long history is kept (issue 18), in whole days. `actionsDays`: settled actions with their events (default
 * 400). `deliveredNotificationsDays`: notifications delivered to a webhook, with their attempts (default 30).
 * `auditDays`: audit entries (default null: forever). Open actions and notifications not yet delivered are never
 * removed. Applies at once.
 */
const retentionDays = z.number().int().min(1).max(3650);
/** Saved: absent `auditDays` keeps the saved value (clients that do not know it yet). */
const retentionInput = z.object({
  actionsDays: retentionDays,
  deliveredNotificationsDays: retentionDays,
  auditDays: retentionDays.nullable().optional(),
});
const retention = retentionInput.extend({ auditDays: retentionDays.nullable() });

export const settingsInputSchema = z
  .object({
    connector: z.enum(['simulator', 'stellantis']),
    stellantis: z.object({
      baseUrl: z.string().max(500),
      fleetId: z.string().max(200),
      clientId: z.string().max(200),
      user: z.string().max(200),
      certFile: file,
      keyFile: file,
      caFile: file,
      /** A new password; absent or empty keeps the stored one. Never sent back. */
      password: z.string().max(500).optional(),
    }),
    publicReceiverUrl: z.string().max(500).nullable(),
    receiver: z.object({
      port: z.number().int().min(0).max(65535),
      bind: z.string().max(100),
      tls: z.object({ certFile: file, keyFile: file }).nullable(),
    }),
    notifications: z.object({ desktop: z.boolean() }),
    /**
     * Wake-ups per vehicle per month the fleet view counts against (Stellantis does not publish its cap, so the
     * count is shown as estimated). Applies at once. Absent keeps the saved value (default 20).
     */
    wakeUps: z.object({ monthlyBudget: wakeUpBudget }).optional(),
    /**
     * How long a queued command may wait before it ends Expired, never sent (per command: `expiresInSeconds`).
     * Applies at once, to commands queued from then on. Absent keeps the saved value (default 10).
     */
    queueExpiryMinutes: queueExpiryMinutes.optional(),
    /** Depot routines; apply at once. Absent keeps the saved values. */
    routines: routines.optional(),
    /** History kept; applies at once. Absent keeps the saved values. */
    retention: retentionInput.optional(),
  })
  // No component id: the output schema below extends this one, and the OpenAPI generator would see two
  // schemas under one name.
  .describe('Settings to save; they apply at the next start');
export type SettingsInputDto = z.infer<typeof settingsInputSchema>;

export const settingsSchema = settingsInputSchema
  .extend({
    stellantis: settingsInputSchema.shape.stellantis
      .omit({ password: true })
      .extend({ hasPassword: z.boolean() }),
    wakeUps: z.object({ monthlyBudget: wakeUpBudget }),
    queueExpiryMinutes,
    routines,
    retention,
    /** Saved values differ from what the running agent uses: restart the agent to apply them. */
    restartRequired: z.boolean(),
    /** Settings fixed at start by a flag or environment variable (they win over stored values). */
    lockedBy: z.array(z.object({ setting: z.string(), source: z.string() })),
    /** How secrets are kept at rest: a key file in the data folder, or the OS keychain (desktop). */
    secretStorage: z.enum(['key-file', 'safe-storage']),
  })
  .meta({ id: 'Settings' });
export type SettingsDto = z.infer<typeof settingsSchema>;
