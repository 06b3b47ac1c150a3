// The support bundle: what support needs to understand a site's agent — versions, settings without their secrets,
// the end of the log with secrets masked, the database's health and counts, the connection as far as it can be
// checked offline. It only reads: the database is opened read-only, so the agent may run on the folder meanwhile.
import { statSync } from 'node:fs';
import { inspectDatabase, type DatabaseInspection } from '../db/inspect-database.js';
import { STELLANTIS_PASSWORD_KEY, SETTINGS_KEY, type StoredSettings } from '../config/stored-settings.js';
import { connectionSummary, type ConnectionSummary } from './connection-summary.js';
import { DiagnosticsError, reasonOf } from './diagnostics-error.js';
import { knownSecrets } from './known-secrets.js';
import { logTail } from './log-tail.js';
import { knownSecretsMasker, maskSecretShapes, maskStrings } from './mask-secrets.js';
import { environmentSummary, settingsSummary } from './settings-summary.js';

export const BUNDLE_FORMAT = 1;

export interface BundleRequest {
  dataDir: string;
  databaseFile: string;
  logFile: string;
  logLines: number;
  env: NodeJS.ProcessEnv;
  versions: { app: string; node: string; electron: string | null };
  now: Date;
  /** Opens a sealed value, only to know what to mask; absent or failing, the secret shapes are masked still. */
  open?: (sealed: string) => Promise<string>;
  quickCheckAboveBytes?: number;
}

export interface DiagnosticsBundle {
  format: number;
  createdAt: string;
  dataDir: string;
  versions: {
    app: string;
    node: string;
    electron: string | null;
    sqlite: string | null;
    schema: { version: number; name: string | null; newestKnown: number } | null;
  };
  environment: Record<string, string>;
  settings: Record<string, { value: unknown; updatedAt: string }>;
  files: Record<string, number | null>;
  database:
    | { present: false }
    | {
        present: true;
        integrity: DatabaseInspection['integrity'] & { ok: boolean };
        rowCounts: Record<string, number>;
        outbox: Record<string, number>;
        quarantine: DatabaseInspection['quarantine'];
      };
  connection: ConnectionSummary;
  log: { files: string[]; requested: number; lines: string[] };
}

function sizeOf(file: string): number | null {
  return statSync(file, { throwIfNoEntry: false })?.size ?? null;
}

/** @throws DiagnosticsError when the data folder is missing or a file cannot be read. */
export async function buildDiagnosticsBundle(req: BundleRequest): Promise<DiagnosticsBundle> {
  const folder = statSync(req.dataDir, { throwIfNoEntry: false });
  if (!folder) throw new DiagnosticsError('DATA_DIR_MISSING', { dir: req.dataDir });
  if (!folder.isDirectory()) throw new DiagnosticsError('DATA_DIR_NOT_A_FOLDER', { dir: req.dataDir });

  const dbFile = req.databaseFile;
  let db: DatabaseInspection | null = null;
  if (sizeOf(dbFile) !== null) {
    try {
      db = inspectDatabase(dbFile, { quickCheckAboveBytes: req.quickCheckAboveBytes });
    } catch (err) {
      throw new DiagnosticsError('FILE_UNREADABLE', { file: dbFile, reason: reasonOf(err) }, { cause: err });
    }
  }
  const rows = db?.settings ?? [];
  const stored = (rows.find((r) => r.key === SETTINGS_KEY)?.value ?? null) as StoredSettings | null;
  const password = rows.find((r) => r.key === STELLANTIS_PASSWORD_KEY)?.value;
  const sealedPassword = typeof password === 'string' && password !== '' ? [password] : [];
  const secrets = await knownSecrets(
    req.dataDir,
    req.env,
    [...(db?.sealed ?? []), ...sealedPassword],
    req.open,
  );
  const maskKnown = knownSecretsMasker(secrets);
  const tail = logTail(req.logFile, req.logLines);

  const bundle: DiagnosticsBundle = {
    format: BUNDLE_FORMAT,
    createdAt: req.now.toISOString(),
    dataDir: req.dataDir,
    versions: {
      ...req.versions,
      sqlite: db?.sqliteVersion ?? null,
      schema: db
        ? { version: db.schemaVersion, name: db.schemaName, newestKnown: db.newestKnownVersion }
        : null,
    },
    environment: environmentSummary(req.env),
    settings: settingsSummary(rows),
    files: {
      database: sizeOf(dbFile),
      wal: sizeOf(`${dbFile}-wal`),
      shm: sizeOf(`${dbFile}-shm`),
      log: sizeOf(req.logFile),
    },
    database: db
      ? {
          present: true,
          integrity: {
            ...db.integrity,
            ok: db.integrity.result.length === 1 && db.integrity.result[0] === 'ok',
          },
          rowCounts: db.rowCounts,
          outbox: db.deliveriesByState,
          quarantine: db.quarantine,
        }
      : { present: false },
    connection: connectionSummary(stored, sealedPassword.length > 0, req.env, req.now),
    log: { files: tail.files, requested: req.logLines, lines: tail.lines.map(maskSecretShapes) },
  };
  // The known secrets are looked for everywhere, last: whatever a field above let through is caught here.
  return maskStrings(bundle, maskKnown);
}
