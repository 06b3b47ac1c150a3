// Counts failed token comparisons per client address. Only failures count, so a correct token is never
// refused because someone else (or a web page in the same browser, which shares 127.0.0.1) guessed wrong:
// past the limit a wrong token gets 429 instead of 401, a right one still passes. The tokens are 256 bits, so
// this is not what makes guessing hopeless; it makes guessing loud and slow, and keeps the log readable.

export interface FailureLimiter {
  /** Records a failure; returns the seconds to wait when the address is now over its limit, else null. */
  fail(address: string): number | null;
  /** Seconds to wait while the address is over its limit, else null (does not record anything). */
  blocked(address: string): number | null;
}

export function createFailureLimiter({
  max = 10,
  windowMs = 60_000,
  now = Date.now,
  maxAddresses = 10_000,
}: { max?: number; windowMs?: number; now?: () => number; maxAddresses?: number } = {}): FailureLimiter {
  // Failure times per address, oldest first; addresses whose window has passed are dropped as we go.
  const failures = new Map<string, number[]>();

  const recent = (address: string): number[] => {
    const times = failures.get(address);
    if (!times) return [];
    const since = now() - windowMs;
    while (times.length > 0 && times[0]! <= since) times.shift();
    if (times.length === 0) failures.delete(address);
    return times;
  };

  const waitSeconds = (times: number[]): number | null =>
    times.length > max ? Math.max(1, Math.ceil((times[0]! + windowMs - now()) / 1000)) : null;

  return {
    fail(address) {
      const times = recent(address);
      if (times.length === 0) {
        // Bounded memory under a flood of spoofed-looking addresses (IPv6 gives an attacker many).
        if (failures.size >= maxAddresses) {
          const oldest = failures.keys().next().value;
          if (oldest !== undefined) failures.delete(oldest);
        }
        failures.set(address, times);
      }
      times.push(now());
      // Keep at most max + 1 entries: enough to know the address is over its limit and until when.
      if (times.length > max + 1) times.splice(0, times.length - (max + 1));
      return waitSeconds(times);
    },
    blocked(address) {
      return waitSeconds(recent(address));
    },
  };
}
