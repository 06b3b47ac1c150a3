// The restore's own audit entry cannot live in the database it replaces: the shell that restored leaves this marker
// in the data folder (who, which archive, the outcome), and the next start reads it, audits `backup.restore` in the
// restored database and deletes it.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export const RESTORE_MARKER_NAME = 'restore-marker.json';

const markerSchema = z.object({
  archive: z.string(),
  at: z.string(),
  ok: z.boolean(),
  /** Why it failed (a BackupError code or INTERNAL); null when ok. */
  code: z.string().nullable(),
  actor: z.object({
    kind: z.enum(['operator', 'token', 'machine', 'system']),
    id: z.string().nullable(),
    name: z.string(),
    role: z.enum(['viewer', 'technician', 'supervisor', 'admin']),
  }),
  reason: z.string().nullable(),
  keptAside: z.array(z.string()),
  schemaVersion: z.number().int().nullable(),
  createdAt: z.string().nullable(),
});
export type RestoreMarker = z.infer<typeof markerSchema>;

export function writeRestoreMarker(dataDir: string, marker: RestoreMarker): void {
  writeFileSync(join(dataDir, RESTORE_MARKER_NAME), `${JSON.stringify(marker)}\n`, { mode: 0o600 });
}

/** The marker; null when there is none. One that does not parse is removed (it cannot be audited). */
export function readRestoreMarker(dataDir: string): RestoreMarker | null {
  const file = join(dataDir, RESTORE_MARKER_NAME);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = markerSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // Not JSON: removed below.
  }
  clearRestoreMarker(dataDir);
  return null;
}

/** Once audited. */
export function clearRestoreMarker(dataDir: string): void {
  rmSync(join(dataDir, RESTORE_MARKER_NAME), { force: true });
}
