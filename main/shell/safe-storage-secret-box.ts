// Desktop secret storage: Electron's safeStorage (async API) seals each secret with a key the OS keeps (Keychain,
// DPAPI, libsecret/KWallet). Where safeStorage can only offer its `basic_text` backend (Linux without a keyring,
// whose key is a constant compiled into Chromium) it protects nothing, so the key-file box (AES-256-GCM with
// <data-dir>/secret.key, mode 0600) is used instead and the settings say "key-file".
//
// Sealed values carry their scheme: `ss1:` (safeStorage) or `kf1:` (key file). A data folder first used by the
// headless agent keeps working on the desktop: its kf1 values are opened with its key file (a missing or other
// key file is a SecretKeyError naming it, which the start-up check turns into a refusal).
import { safeStorage } from 'electron';
import type { Logger } from '../core/ports/logger.js';
import type { SecretBox } from '../core/ports/secret-box.js';
import { createKeyFileSecretBox, KEY_FILE_PREFIX } from '../core/secrets/key-file-secret-box.js';

const SAFE_STORAGE_PREFIX = 'ss1:';

export class SecretStorageError extends Error {}

export interface SecretStorageChoice {
  box: SecretBox;
  /** safeStorage's backend on Linux (basic_text, gnome_libsecret, kwallet…); 'os' elsewhere. */
  backend: string;
  /** Why the key file is used instead of safeStorage; null when safeStorage is used. */
  fallbackReason: string | null;
}

/** safeStorage's async API, with kf1 values from the headless agent still readable. */
export function createSafeStorageSecretBox(dataDir: string, logger?: Pick<Logger, 'warn'>): SecretBox {
  // Reads the key file only when a kf1 value is opened (making the box writes nothing).
  const legacy = createKeyFileSecretBox(dataDir);
  return {
    kind: 'safe-storage',
    async encrypt(plain) {
      const sealed = await safeStorage.encryptStringAsync(plain);
      return SAFE_STORAGE_PREFIX + sealed.toString('base64');
    },
    async decrypt(sealed) {
      if (sealed.startsWith(SAFE_STORAGE_PREFIX)) {
        const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(
          Buffer.from(sealed.slice(SAFE_STORAGE_PREFIX.length), 'base64'),
        );
        if (shouldReEncrypt) logger?.warn('a secret was sealed with an older keychain key; save it again');
        return result;
      }
      if (sealed.startsWith(KEY_FILE_PREFIX)) return legacy.decrypt(sealed);
      throw new SecretStorageError('Unknown secret format.');
    },
  };
}

/** The key-file box, saying plainly why a value sealed by safeStorage cannot be opened with it. */
function keyFileFallback(dataDir: string): SecretBox {
  const box = createKeyFileSecretBox(dataDir);
  return {
    kind: box.kind,
    keyFile: box.keyFile,
    prepareKey: box.prepareKey,
    renewKey: box.renewKey,
    encrypt: (plain) => box.encrypt(plain),
    async decrypt(sealed) {
      if (sealed.startsWith(SAFE_STORAGE_PREFIX)) {
        throw new SecretStorageError(
          "A secret was sealed with the system keychain, which is not available now (safeStorage offers only 'basic_text'). Unlock or install the keyring, or enter the secret again.",
        );
      }
      return box.decrypt(sealed);
    },
  };
}

/**
 * Chooses the box after the app is ready. The async encryptor initialises lazily: ask whether it is available
 * first, then which backend it chose.
 */
export async function chooseSecretBox(
  dataDir: string,
  logger?: Pick<Logger, 'warn'>,
  platform: NodeJS.Platform = process.platform,
): Promise<SecretStorageChoice> {
  const available = await safeStorage.isAsyncEncryptionAvailable().catch(() => false);
  const backend = platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'os';
  let fallbackReason: string | null = null;
  if (!available) {
    fallbackReason = 'safeStorage encryption is not available on this system';
  } else if (backend === 'basic_text' || backend === 'unknown') {
    fallbackReason = `no keyring is available (safeStorage can only offer its ${backend} backend, which is not protected)`;
  }
  if (fallbackReason !== null) {
    return { box: keyFileFallback(dataDir), backend, fallbackReason };
  }
  return { box: createSafeStorageSecretBox(dataDir, logger), backend, fallbackReason: null };
}
