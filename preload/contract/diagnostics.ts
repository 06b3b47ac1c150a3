// The support bundle as the local API answers it (GET /api/v1/diagnostics): what `npm run agent -- diagnostics`
// writes (main/core/diagnostics), as one JSON file. The nested parts stay open (loose): the bundle is for support to
// read, and a field it gains must reach the file without a change here.
import { z } from 'zod';

export const diagnosticsBundleSchema = z.object({
  format: z.number().int().describe('The bundle format (1)'),
  createdAt: z.string().describe('When it was built (UTC, ISO 8601)'),
  dataDir: z.string(),
  versions: z.looseObject({
    app: z.string(),
    node: z.string(),
    electron: z.string().nullable(),
    sqlite: z.string().nullable(),
    schema: z
      .looseObject({ version: z.number().int(), name: z.string().nullable(), newestKnown: z.number().int() })
      .nullable(),
  }),
  environment: z.record(z.string(), z.string()).describe('The DEPOT_REMOTE_* variables, secrets removed'),
  settings: z
    .record(z.string(), z.object({ value: z.unknown(), updatedAt: z.string() }))
    .describe('The stored settings, secrets removed'),
  files: z.record(z.string(), z.number().nullable()).describe('File sizes in bytes (null: absent)'),
  database: z
    .looseObject({ present: z.boolean() })
    .describe('Its integrity check, row counts, outbox and quarantine, when present'),
  connection: z.looseObject({}).describe('The connection as far as it can be checked without the network'),
  log: z.object({ files: z.array(z.string()), requested: z.number().int(), lines: z.array(z.string()) }),
});

export type DiagnosticsBundleDto = z.output<typeof diagnosticsBundleSchema>;

/** The file a bundle is saved under: depot-remote-support-<its UTC time without colons>.json. */
export function supportBundleFileName(createdAt: string): string {
  return `depot-remote-support-${createdAt.replace(/[^\w.-]/g, '')}.json`;
}
