/** Hashes operators' PINs and passwords, and checks one against a stored hash (secrets/credential-hash.ts). */
export interface CredentialHasher {
  hash(secret: string): Promise<string>;
  /** Whether `secret` is the one hashed; false for a malformed hash. */
  verify(secret: string, stored: string): Promise<boolean>;
}
