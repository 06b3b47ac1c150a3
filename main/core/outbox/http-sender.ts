// The HTTP client of the outbox: one undici Agent (a keep-alive pool per origin), and the classification of
// what happened to a call, which decides between "attempt failed" and "target unreachable".
import { performance } from 'node:perf_hooks';
import { Agent } from 'undici';
import type { ResolvedOutboxOptions } from './outbox-options.js';
import type { OutgoingRequest } from './request-builder.js';

export type SendResult =
  /** The target answered (any status). */
  | { kind: 'answer'; status: number; latencyMs: number; retryAfter: string | null; detail: string | null }
  /** Connected, but no answer in time: a failed attempt. */
  | { kind: 'timeout'; latencyMs: number; error: string }
  /** The connection was closed without an answer (often a pooled keep-alive socket the server had dropped). */
  | { kind: 'reset'; latencyMs: number; error: string }
  /** Reached, but the call failed otherwise (TLS refused, bad request…): a failed attempt. */
  | { kind: 'failed'; latencyMs: number; error: string }
  /** Never reached the target (refused, no route, unknown host, connect timeout): uses up nothing. */
  | { kind: 'unreachable'; latencyMs: number; error: string };

/** Errors raised before a connection existed: the target is offline, not refusing. */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_FAIL',
  'EAI_NONAME',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'EADDRNOTAVAIL',
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
]);
const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
const RESET_CODES = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE', 'UND_ERR_CLOSED']);

const DETAIL_MAX = 200;

function errorCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: { code?: unknown } } | null;
  const code = e?.code ?? e?.cause?.code;
  return typeof code === 'string' ? code : undefined;
}

export function classifyError(err: unknown, latencyMs: number): Exclude<SendResult, { kind: 'answer' }> {
  const code = errorCode(err);
  const message = (err as Error | null)?.message ?? String(err);
  const error = code && !message.includes(code) ? `${message} (${code})` : message;
  if (code && UNREACHABLE_CODES.has(code)) return { kind: 'unreachable', latencyMs, error };
  if (code && TIMEOUT_CODES.has(code))
    return { kind: 'timeout', latencyMs, error: `No answer in time: ${error}` };
  if (code && RESET_CODES.has(code)) {
    return { kind: 'reset', latencyMs, error: `The connection was closed without an answer: ${error}` };
  }
  return { kind: 'failed', latencyMs, error };
}

async function readDetail(body: AsyncIterable<Buffer | string>): Promise<string | null> {
  let text = '';
  try {
    for await (const chunk of body) {
      text += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
      if (text.length >= DETAIL_MAX) break;
    }
  } catch {
    // The status says enough; the body was only a courtesy.
  }
  const detail = text.replace(/\s+/g, ' ').trim().slice(0, DETAIL_MAX);
  return detail === '' ? null : detail;
}

export interface HttpSender {
  send(request: OutgoingRequest): Promise<SendResult>;
  /** Waits for calls in flight up to `graceMs`, then cuts what is left. */
  close(graceMs: number): Promise<void>;
}

export function createHttpSender(options: ResolvedOutboxOptions): HttpSender {
  const agent = new Agent({
    connections: options.perTargetConcurrency,
    pipelining: 1,
    keepAliveTimeout: 30_000,
    keepAliveMaxTimeout: 60_000,
    headersTimeout: options.requestTimeoutMs,
    bodyTimeout: options.requestTimeoutMs,
    connect: { timeout: options.connectTimeoutMs, ...(options.tls ?? {}) },
  });
  // Calls still in the air when close() gives up are aborted (destroying the agent alone leaves them to time out).
  const inFlight = new Set<AbortController>();

  return {
    async send(request) {
      const started = performance.now();
      const abort = new AbortController();
      inFlight.add(abort);
      try {
        const response = await agent.request({
          origin: request.origin,
          path: request.path,
          method: 'POST',
          headers: request.headers,
          body: request.body,
          headersTimeout: options.requestTimeoutMs,
          bodyTimeout: options.requestTimeoutMs,
          signal: abort.signal,
        });
        const status = response.statusCode;
        let detail: string | null = null;
        if (status >= 200 && status < 300) await response.body.dump();
        else detail = await readDetail(response.body);
        const retryAfter = response.headers['retry-after'];
        return {
          kind: 'answer',
          status,
          latencyMs: Math.round(performance.now() - started),
          retryAfter: Array.isArray(retryAfter) ? (retryAfter[0] ?? null) : (retryAfter ?? null),
          detail,
        };
      } catch (err) {
        return classifyError(err, Math.round(performance.now() - started));
      } finally {
        inFlight.delete(abort);
      }
    },
    async close(graceMs) {
      const closing = agent.close().then(
        () => 'closed' as const,
        () => 'closed' as const,
      );
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => {
        timer = setTimeout(() => resolve('late'), graceMs);
      });
      const outcome = await Promise.race([closing, late]);
      clearTimeout(timer);
      if (outcome === 'late') {
        for (const abort of inFlight) abort.abort(new Error('The outbox stopped.'));
        await agent.destroy().catch(() => undefined);
      }
    },
  };
}
