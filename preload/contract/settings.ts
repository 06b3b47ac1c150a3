// The agent's settings as clients see and change them. Values take effect at the next start; a flag or an
// environment variable given at start wins over what is stored here (listed in `lockedBy`).
import { z } from 'zod';

const file = z.string().max(1024);

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
    /** Saved values differ from what the running agent uses: restart the agent to apply them. */
    restartRequired: z.boolean(),
    /** Settings fixed at start by a flag or environment variable (they win over stored values). */
    lockedBy: z.array(z.object({ setting: z.string(), source: z.string() })),
    /** How secrets are kept at rest: a key file in the data folder, or the OS keychain (desktop). */
    secretStorage: z.enum(['key-file', 'safe-storage']),
  })
  .meta({ id: 'Settings' });
export type SettingsDto = z.infer<typeof settingsSchema>;
