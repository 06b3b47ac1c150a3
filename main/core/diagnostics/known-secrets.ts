// The secret values this data folder and environment hold, gathered only to be masked wherever they appear (the
// log above all). A sealed value that cannot be opened (no key, the desktop's keychain) is skipped: the shapes
// secrets have still catch most of what it could have been.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Variables whose values are secrets (the API token, the Stellantis password and key passphrase). */
const SECRET_VARIABLES = [
  'DEPOT_REMOTE_API_TOKEN',
  'DEPOT_REMOTE_STELLANTIS_PASSWORD',
  'DEPOT_REMOTE_STELLANTIS_KEY_PASSPHRASE',
];

/** Fields of an opened callback blob that are not secret (and too common to mask). */
const NOT_SECRET = new Set(['type', 'username', 'validUntil']);

/** Shorter values are too likely to be ordinary words or numbers to be masked everywhere. */
const MIN_LENGTH = 6;

function leaves(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return NOT_SECRET.has(key) ? [] : [value];
  if (Array.isArray(value)) return value.flatMap((v) => leaves(v, key));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => leaves(v, k));
  return [];
}

export async function knownSecrets(
  dataDir: string,
  env: NodeJS.ProcessEnv,
  sealed: readonly string[],
  open: ((sealed: string) => Promise<string>) | undefined,
): Promise<string[]> {
  const found: string[] = SECRET_VARIABLES.map((name) => env[name] ?? '');
  try {
    found.push(readFileSync(join(dataDir, 'api-token'), 'utf8').trim());
  } catch {
    // No token file (DEPOT_REMOTE_API_TOKEN in use, or never started): nothing to mask from it.
  }
  for (const value of sealed) {
    found.push(value);
    if (!open) continue;
    let clear: string;
    try {
      clear = await open(value);
    } catch {
      continue;
    }
    // A sealed object (a callback's secrets): its secret fields, not its JSON text, whose field names would be
    // masked everywhere. A sealed string: the clear text itself is the secret.
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(clear);
    } catch {
      // Not JSON: a plain secret.
    }
    if (parsed !== null && typeof parsed === 'object') found.push(...leaves(parsed));
    else found.push(clear);
  }
  return [...new Set(found.filter((s) => s.length >= MIN_LENGTH))];
}
