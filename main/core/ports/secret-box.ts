/** Encrypts secrets at rest. The desktop backs it with safeStorage; headless, with a key file. */
export interface SecretBox {
  readonly kind: 'key-file' | 'safe-storage';
  encrypt(plain: string): Promise<string>;
  decrypt(sealed: string): Promise<string>;
}
