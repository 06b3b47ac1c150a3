// The per-callback secret Stellantis sends in `x-depot-secret` (a Header attribute the agent registered,
// stellantis-api-notes.md N12.6), checked in constant time. Decrypting on every request would cost a
// SecretBox round trip, so clear secrets are cached briefly; a change or deletion of the callback (bus
// 'callback.changed') drops its entry at once.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { EventBus } from '../events/event-bus.js';

export const SECRET_HEADER = 'x-depot-secret';
/** stellantis-api-notes.md T16: the network may add an `x-` prefix to a Header attribute's key. */
export const SECRET_HEADER_ALIASES = [SECRET_HEADER, `x-${SECRET_HEADER}`] as const;

export interface ReceiverSecretSource {
  /** The clear secret, or null when the callback does not exist or was deleted. */
  openReceiverSecret(callbackId: string): Promise<string | null>;
}

export interface SecretCacheOptions {
  /** How long a known secret is reused without asking the store again. Default 60 s. */
  ttlMs?: number;
  /** How long "no such callback" is remembered (bounds the cost of guessed ids). Default 5 s. */
  negativeTtlMs?: number;
  /** Entries kept at most; the oldest go first. Default 10,000. */
  maxEntries?: number;
  now?: () => number;
}

interface Entry {
  value: Promise<string | null>;
  expiresAt: number;
}

export interface ReceiverSecrets {
  /** The callback's secret, or null when there is no such callback (answer 404). */
  lookup(callbackId: string): Promise<string | null>;
  /** Whether one of the presented values equals the secret, compared in constant time. */
  matches(secret: string, presented: readonly string[]): boolean;
  close(): void;
}

export function createReceiverSecrets(
  source: ReceiverSecretSource,
  bus: Pick<EventBus, 'subscribe'>,
  options: SecretCacheOptions = {},
): ReceiverSecrets {
  const ttlMs = options.ttlMs ?? 60_000;
  const negativeTtlMs = options.negativeTtlMs ?? 5_000;
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  const cache = new Map<string, Entry>();
  // HMAC both sides with a key nobody else knows: digests have equal length whatever was sent, so
  // timingSafeEqual applies and neither the secret's content nor its length leaks through timing.
  const key = randomBytes(32);
  const digest = (value: string) => createHmac('sha256', key).update(value, 'utf8').digest();
  // The digest of each secret in use, made once: one HMAC a request instead of two (~2 µs each, issue 13's
  // receiver profile). As bounded as the cache of the secrets themselves, and emptied with it.
  const secretDigests = new Map<string, Buffer>();
  const digestOfSecret = (secret: string): Buffer => {
    let known = secretDigests.get(secret);
    if (!known) {
      if (secretDigests.size >= maxEntries) secretDigests.clear();
      known = digest(secret);
      secretDigests.set(secret, known);
    }
    return known;
  };

  const unsubscribe = bus.subscribe((event) => {
    if (event.type === 'callback.changed') {
      cache.delete(event.callbackId);
      // A secret replaced or deleted is not kept in memory here either.
      secretDigests.clear();
    }
  });

  return {
    lookup(callbackId) {
      const hit = cache.get(callbackId);
      if (hit && hit.expiresAt > now()) return hit.value;
      cache.delete(callbackId);
      const entry: Entry = { value: source.openReceiverSecret(callbackId), expiresAt: now() + ttlMs };
      cache.set(callbackId, entry);
      while (cache.size > maxEntries) cache.delete(cache.keys().next().value as string);
      entry.value.then(
        (secret) => {
          if (secret === null && cache.get(callbackId) === entry) entry.expiresAt = now() + negativeTtlMs;
        },
        () => {
          // A failed read is not remembered: the next request asks again.
          if (cache.get(callbackId) === entry) cache.delete(callbackId);
        },
      );
      return entry.value;
    },
    matches(secret, presented) {
      const expected = digestOfSecret(secret);
      let ok = false;
      // Every presented value is compared (no early exit).
      for (const value of presented) ok = timingSafeEqual(expected, digest(value)) || ok;
      return ok;
    },
    close() {
      unsubscribe();
      cache.clear();
      secretDigests.clear();
    },
  };
}
