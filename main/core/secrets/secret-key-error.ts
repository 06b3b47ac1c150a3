// Why sealed secrets cannot be opened. Each carries a stable `code` and the key file it is about, so the start-up
// can refuse with one line that names the file and the way out, and tests can tell the cases apart.

export type SecretKeyProblem =
  /** The key file is gone while the database holds values sealed with it. */
  | 'SECRET_KEY_MISSING'
  /** The key file is a valid key, but not the one the database's values were sealed with. */
  | 'SECRET_KEY_WRONG'
  /** The key file is not a key at all (wrong length, not base64). */
  | 'SECRET_KEY_MALFORMED'
  /** Another store (the desktop's system keychain) cannot open them; `file` is null, `detail` says why. */
  | 'SECRETS_UNREADABLE';

const FORGET =
  'or start once with --forget-secrets, which clears every sealed secret (callbacks then need theirs entered again)';

function wording(code: SecretKeyProblem, file: string | null, detail: string | null): string {
  switch (code) {
    case 'SECRET_KEY_MISSING':
      return `${file} is missing, but the database holds secrets sealed with it: restore it from a backup, ${FORGET}.`;
    case 'SECRET_KEY_WRONG':
      return `${file} is not the key the database's secrets were sealed with: restore the right one from a backup, ${FORGET}.`;
    case 'SECRET_KEY_MALFORMED':
      return `${file} is not a valid secret key (32 random bytes in base64 expected): restore it from a backup, ${FORGET} and writes a new key.`;
    case 'SECRETS_UNREADABLE':
      return `The secrets sealed in the database cannot be opened (${detail ?? 'unknown reason'}): give back access to what sealed them, ${FORGET}.`;
  }
}

export class SecretKeyError extends Error {
  override readonly name = 'SecretKeyError';

  constructor(
    readonly code: SecretKeyProblem,
    /** The key file concerned; null for the system keychain. */
    readonly file: string | null,
    /** What the store said, for SECRETS_UNREADABLE. */
    readonly detail: string | null = null,
  ) {
    super(wording(code, file, detail));
  }
}
