// Sealed data needs its key. At start, before anything reads or writes a secret, one sealed value of each kind
// the database holds is opened: if that fails (key file missing, another key, not a key, keychain refusing), the
// start is refused with a SecretKeyError, unless --forget-secrets was given; then every sealed value is cleared,
// a new key is written and the audit log says so. A new key is only ever written over a database without sealed
// values (a first start), or by --forget-secrets.
import type { Db, Repositories } from '../db/index.js';
import { createRepositories, openDatabase } from '../db/index.js';
import { BACKUPS_PASSPHRASE_KEY, STELLANTIS_PASSWORD_KEY } from '../config/stored-settings.js';
import { hasSealedHeaders } from '../domain/callback/sealed-headers.js';
import { newReceiverSecret } from '../domain/callback/receiver-secret.js';
import type { Clock } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';
import type { SecretBox } from '../ports/secret-box.js';
import { SECRETS_FORGOTTEN } from '../kernel/audit-trail.js';
import { SecretKeyError } from './secret-key-error.js';

/**
 * Every value sealed at rest: callbacks' secrets and receiver secrets (deleted ones too), the Stellantis password,
 * the backups' passphrase.
 */
function sealedValues(repos: Repositories): string[] {
  const values: string[] = [];
  for (const c of repos.callbacks.listAll()) {
    if (c.secrets) values.push(c.secrets);
    if (c.receiverSecret) values.push(c.receiverSecret);
  }
  for (const key of [STELLANTIS_PASSWORD_KEY, BACKUPS_PASSPHRASE_KEY]) {
    const sealed = repos.settings.get<string | null>(key);
    if (sealed) values.push(sealed);
  }
  return values;
}

/** One value per sealing scheme (`kf1:`, `ss1:` …): a key that opens one of a scheme opens them all. */
function samples(values: string[]): string[] {
  const byScheme = new Map<string, string>();
  for (const v of values) {
    const scheme = v.slice(0, v.indexOf(':') + 1);
    if (!byScheme.has(scheme)) byScheme.set(scheme, v);
  }
  return [...byScheme.values()];
}

const asKeyError = (err: unknown): SecretKeyError =>
  err instanceof SecretKeyError
    ? err
    : new SecretKeyError('SECRETS_UNREADABLE', null, String((err as Error)?.message ?? err).split('\n')[0]);

/**
 * Why the sealed values cannot be opened, or null when they can. With no sealed value, this is where the first
 * key is written (if the box keeps one in a file): a malformed key file is refused even then.
 */
export async function checkSealedData(
  repos: Repositories,
  secrets: SecretBox,
): Promise<SecretKeyError | null> {
  const values = sealedValues(repos);
  try {
    if (values.length === 0) await secrets.prepareKey?.();
    for (const sample of samples(values)) await secrets.decrypt(sample);
    return null;
  } catch (err) {
    return asKeyError(err);
  }
}

export interface ForgetSummary {
  /** Sealed values cleared. */
  cleared: number;
  /** Callbacks whose signing secret, authentication or header values must be entered again. */
  callbacksNeedingSecrets: string[];
}

/**
 * --forget-secrets: a new key, then every sealed value cleared in one transaction with its audit entry. Live
 * callbacks get a new receiver secret at once (nobody enters it; the upstream twin is updated with it at start);
 * those that held secrets of their own are flagged secretsLost.
 */
async function forgetSealedData(
  db: Db,
  repos: Repositories,
  secrets: SecretBox,
  clock: Clock,
  problem: SecretKeyError,
): Promise<ForgetSummary> {
  const at = clock.now();
  const previousKeyKeptAs = secrets.renewKey ? await secrets.renewKey(at) : null;
  const callbacks = repos.callbacks.listAll();
  const fresh = new Map<string, string>();
  for (const c of callbacks) {
    if (c.deletedAt === null) fresh.set(c.id, await secrets.encrypt(newReceiverSecret()));
  }
  const password = repos.settings.get<string | null>(STELLANTIS_PASSWORD_KEY) ?? null;
  const passphrase = repos.settings.get<string | null>(BACKUPS_PASSPHRASE_KEY) ?? null;
  const now = at.toISOString();
  return db.transaction(() => {
    let cleared = (password ? 1 : 0) + (passphrase ? 1 : 0);
    const needing: string[] = [];
    for (const c of callbacks) {
      cleared += (c.secrets ? 1 : 0) + (c.receiverSecret ? 1 : 0);
      const lost =
        c.deletedAt === null &&
        (c.secretsLost || c.secrets !== null || (!c.builtIn && hasSealedHeaders(c.subscribe)));
      if (lost) needing.push(c.id);
      repos.callbacks.forgetSecrets(c.id, fresh.get(c.id) ?? null, lost);
    }
    if (password) repos.settings.set(STELLANTIS_PASSWORD_KEY, null, now);
    // Scheduled backups then go on unencrypted until an admin sets a passphrase again (Settings → Backups).
    if (passphrase) repos.settings.set(BACKUPS_PASSPHRASE_KEY, null, now);
    repos.audit.append({
      at: now,
      operator: 'system',
      actor: { kind: 'system', id: null, name: 'system', role: 'admin' },
      action: SECRETS_FORGOTTEN,
      reason: '--forget-secrets',
      detail: {
        problem: problem.code,
        keyFile: secrets.keyFile ?? null,
        previousKeyKeptAs,
        cleared,
        callbacksNeedingSecrets: needing,
        receiverSecretsRenewed: fresh.size,
        stellantisPasswordCleared: password !== null,
        backupPassphraseCleared: passphrase !== null,
      },
    });
    return { cleared, callbacksNeedingSecrets: needing };
  });
}

export interface GuardOptions {
  /** --forget-secrets: clear what cannot be opened rather than refuse to start. */
  forget: boolean;
  clock: Clock;
  logger: Logger;
}

/**
 * Refuses (throws SecretKeyError) when sealed values cannot be opened, or clears them with `forget`. With `forget`
 * and a key that opens everything, nothing is cleared: the flag is for a lost key, not a reset.
 */
export async function guardSealedData(
  db: Db,
  repos: Repositories,
  secrets: SecretBox,
  { forget, clock, logger }: GuardOptions,
): Promise<ForgetSummary | null> {
  const problem = await checkSealedData(repos, secrets);
  if (problem === null) {
    if (forget)
      logger.info('--forget-secrets: nothing to forget, every sealed secret opens with the current key');
    return null;
  }
  if (!forget) throw problem;
  const summary = await forgetSealedData(db, repos, secrets, clock, problem);
  const needing = summary.callbacksNeedingSecrets.length;
  logger.warn(
    `--forget-secrets: ${summary.cleared} sealed secret(s) cleared and a new key written; ` +
      `${needing} callback(s) need their secrets entered again`,
    { problem: problem.code, callbacks: summary.callbacksNeedingSecrets },
  );
  return summary;
}

/** The same, on the database file, before the core is built (so a lost key is reported before anything else). */
export async function guardSealedDataFile(
  file: string,
  secrets: SecretBox,
  options: GuardOptions,
): Promise<ForgetSummary | null> {
  const db = openDatabase(file);
  try {
    return await guardSealedData(db, createRepositories(db), secrets, options);
  } finally {
    db.close();
  }
}
