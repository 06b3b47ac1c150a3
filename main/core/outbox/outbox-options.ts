// The outbox's knobs. Every default is what a depot needs without configuration; sites and tests override.
import { RETRY_CAP_SECONDS } from '../domain/callback/callback-model.js';

export interface BackoffOptions {
  /** retryDelay × 2^(attempt − 1) instead of a fixed retryDelay. Off by default (the fleet API's behaviour). */
  exponential: boolean;
  /** Upper bound of one exponential delay, in seconds. Default 3600. */
  maxDelaySeconds?: number;
  /** Each exponential delay is shortened by up to this fraction, at random, so retries spread. Default 0.5. */
  jitter?: number;
}

export interface OutboxOptions {
  /** How long a connection may take; a failure to connect marks the target offline. Default 5000 ms. */
  connectTimeoutMs?: number;
  /** How long an answer may take once connected (headers, then body); past it the attempt failed. Default 10000 ms. */
  requestTimeoutMs?: number;
  /** Most calls in flight to one target (origin). Default 16. After an outage a target starts at 1 and ramps up. */
  perTargetConcurrency?: number;
  /** Most calls in flight in all. Default 64. */
  maxConcurrency?: number;
  /**
   * Deliveries claimed from the store at once per callback (sent from memory, refilled at half). Default 2048: the
   * refill is a commit of the store writer, and half a chunk must last longer than two of them at full speed, or
   * the calls wait for it (issue 13's profile: at 512, lanes ran dry about once per hundred calls).
   */
  claimChunk?: number;
  /** Outcomes recorded per transaction before a commit is forced. Default 256. */
  commitBatch?: number;
  /**
   * How long outcomes may wait to share a commit (I/O grouping, not policy timing): one fsync per pass, not per
   * delivery. A delivered call stays InFlight until then, so a crash in between only means a resend. Default 10 ms.
   */
  commitDelayMs?: number;
  /** A target unreachable this long dead-letters what waited for it that long. Default 30 days. */
  retentionDays?: number;
  /** The cap on retrying (only time the target was reachable and refusing counts). Default 3 days. */
  retryCapSeconds?: number;
  /** First probe of an offline target after this, doubling up to probeMaxMs. Default 1000 ms. */
  probeInitialMs?: number;
  /** Default 60000 ms. */
  probeMaxMs?: number;
  backoff?: BackoffOptions;
  /** Lease of a claimed delivery. Default 5 minutes. */
  leaseMs?: number;
  /** How long stop() waits for calls in flight. Default 5000 ms. */
  stopGraceMs?: number;
  /** How often retention and leases of other holders are checked. Default 60000 ms. */
  sweepIntervalMs?: number;
  /**
   * Events gathered into batches per callback per pass, so one huge backlog does not hold the event loop: forming
   * costs about 6 µs an event, so the default 2000 keeps a pass near 12 ms (issue 13: p99 delay ≤ 20 ms).
   */
  batchEventsPerPass?: number;
  /** For https targets with a private CA. */
  tls?: { ca?: string | Buffer; rejectUnauthorized?: boolean };
  userAgent?: string;
  /** Jitter source; tests pin it. Default Math.random. */
  random?: () => number;
}

export type ResolvedOutboxOptions = Required<Omit<OutboxOptions, 'tls' | 'backoff'>> & {
  tls: OutboxOptions['tls'];
  backoff: Required<BackoffOptions>;
};

export function resolveOutboxOptions(options: OutboxOptions = {}): ResolvedOutboxOptions {
  const positive = (name: keyof OutboxOptions, value: number, min = 1): number => {
    if (!Number.isFinite(value) || value < min)
      throw new RangeError(`outbox option ${name} must be >= ${min}.`);
    return value;
  };
  const perTarget = positive('perTargetConcurrency', options.perTargetConcurrency ?? 16);
  return {
    connectTimeoutMs: positive('connectTimeoutMs', options.connectTimeoutMs ?? 5000),
    requestTimeoutMs: positive('requestTimeoutMs', options.requestTimeoutMs ?? 10_000),
    perTargetConcurrency: perTarget,
    maxConcurrency: positive('maxConcurrency', options.maxConcurrency ?? Math.max(64, perTarget)),
    claimChunk: positive('claimChunk', options.claimChunk ?? 2048),
    commitBatch: positive('commitBatch', options.commitBatch ?? 256),
    commitDelayMs: positive('commitDelayMs', options.commitDelayMs ?? 10, 0),
    retentionDays: positive('retentionDays', options.retentionDays ?? 30, 0),
    retryCapSeconds: positive('retryCapSeconds', options.retryCapSeconds ?? RETRY_CAP_SECONDS),
    probeInitialMs: positive('probeInitialMs', options.probeInitialMs ?? 1000),
    probeMaxMs: positive('probeMaxMs', options.probeMaxMs ?? 60_000),
    backoff: {
      exponential: options.backoff?.exponential ?? false,
      maxDelaySeconds: positive('backoff', options.backoff?.maxDelaySeconds ?? 3600),
      jitter: Math.min(1, Math.max(0, options.backoff?.jitter ?? 0.5)),
    },
    leaseMs: positive('leaseMs', options.leaseMs ?? 5 * 60_000),
    stopGraceMs: positive('stopGraceMs', options.stopGraceMs ?? 5000, 0),
    sweepIntervalMs: positive('sweepIntervalMs', options.sweepIntervalMs ?? 60_000),
    batchEventsPerPass: positive('batchEventsPerPass', options.batchEventsPerPass ?? 2000),
    tls: options.tls,
    userAgent: options.userAgent ?? 'DepotRemote-Outbox/1',
    random: options.random ?? Math.random,
  };
}
