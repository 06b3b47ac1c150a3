// The fleet API's two budgets (stellantis-api-notes.md N8): daily (X-RateLimit-*-1) and burst
// (X-RateLimit-*-2), recorded from every response; and the gate that keeps requests off the network after a
// 429 until the server's Retry-After / X-RateLimit-Reset has passed. Time comes from the clock.
import type { Clock } from '../../ports/clock.js';

export interface RateLimitWindow {
  limit: number | null;
  remaining: number | null;
}

export interface RateLimitState {
  daily: RateLimitWindow;
  burst: RateLimitWindow;
  /** When the headers were last seen; null before the first response. */
  updatedAt: string | null;
  /** While a 429 is being honoured: when requests may go out again. */
  blockedUntil: string | null;
}

type HeaderBag = Record<string, string | string[] | undefined>;

const header = (headers: HeaderBag, name: string): string | undefined => {
  const v = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
};

const count = (raw: string | undefined): number | null => {
  if (raw === undefined) return null;
  const n = Number(raw.trim());
  return Number.isFinite(n) && n >= 0 ? Math.floor(n) : null;
};

/**
 * Seconds to wait from Retry-After (seconds or an HTTP date) and X-RateLimit-Reset (seconds), the larger of
 * the two; undefined when neither is usable.
 */
export function retryAfterSeconds(headers: HeaderBag, now: Date): number | undefined {
  const candidates: number[] = [];
  const retryAfter = header(headers, 'retry-after')?.trim();
  if (retryAfter) {
    if (/^\d+(\.\d+)?$/.test(retryAfter)) candidates.push(Math.ceil(Number(retryAfter)));
    else {
      const at = Date.parse(retryAfter);
      if (Number.isFinite(at)) candidates.push(Math.max(0, Math.ceil((at - now.getTime()) / 1000)));
    }
  }
  const reset = header(headers, 'x-ratelimit-reset')?.trim();
  if (reset && /^\d+(\.\d+)?$/.test(reset)) candidates.push(Math.ceil(Number(reset)));
  return candidates.length > 0 ? Math.max(...candidates) : undefined;
}

/** Without any header on a 429, wait this long: the burst window is 1 s, so a short pause is enough to retry. */
export const DEFAULT_RETRY_AFTER_SECONDS = 1;

export interface RateLimitTracker {
  record(headers: HeaderBag): void;
  /** A 429 arrived: no request goes out for this many seconds. */
  block(seconds: number): void;
  /** Seconds left before requests may go out again; 0 when they may go now. */
  waitSeconds(): number;
  state(): RateLimitState;
}

export function createRateLimitTracker(clock: Clock): RateLimitTracker {
  const st: RateLimitState = {
    daily: { limit: null, remaining: null },
    burst: { limit: null, remaining: null },
    updatedAt: null,
    blockedUntil: null,
  };
  let blockedUntilMs = 0;
  return {
    record(headers) {
      const pairs: [RateLimitWindow, string][] = [
        [st.daily, '1'],
        [st.burst, '2'],
      ];
      let seen = false;
      for (const [window, n] of pairs) {
        const limit = count(header(headers, `x-ratelimit-limit-${n}`));
        const remaining = count(header(headers, `x-ratelimit-remaining-${n}`));
        if (limit !== null) window.limit = limit;
        if (remaining !== null) window.remaining = remaining;
        seen ||= limit !== null || remaining !== null;
      }
      if (seen) st.updatedAt = clock.nowIso();
    },
    block(seconds) {
      blockedUntilMs = Math.max(blockedUntilMs, clock.now().getTime() + seconds * 1000);
      st.blockedUntil = new Date(blockedUntilMs).toISOString();
    },
    waitSeconds() {
      const left = blockedUntilMs - clock.now().getTime();
      if (left <= 0) {
        st.blockedUntil = null;
        return 0;
      }
      return Math.ceil(left / 1000);
    },
    state() {
      this.waitSeconds();
      return {
        daily: { ...st.daily },
        burst: { ...st.burst },
        updatedAt: st.updatedAt,
        blockedUntil: st.blockedUntil,
      };
    },
  };
}
