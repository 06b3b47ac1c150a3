/** Encrypts secrets at rest. The desktop backs it with safeStorage; headless, with a key file. */
export interface SecretBox {
  readonly kind: 'key-file' | 'safe-storage';
  encrypt(plain: string): Promise<string>;
  /** Throws a SecretKeyError (core/secrets) when the key that sealed `sealed` is missing or another one. */
  decrypt(sealed: string): Promise<string>;
  /** The file holding the key, when it is one (messages name it). */
  readonly keyFile?: string;
  /**
   * Makes sure there is a key to seal with, writing a new one if there is none. Only called once the database
   * was found to hold no sealed value: a new key must never replace one that sealed existing data.
   */
  prepareKey?(): Promise<void>;
  /**
   * --forget-secrets: replaces the key by a new one (the old file is moved aside, not deleted). Returns where the
   * old file went, or null when there was none. Absent where the key is not ours to replace (the OS keychain).
   */
  renewKey?(at: Date): Promise<string | null>;
}
