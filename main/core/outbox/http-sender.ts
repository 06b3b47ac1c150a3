// The HTTP client of the outbox: one undici Agent (a keep-alive pool per origin), and the classification of
// what happened to a call, which decides between "attempt failed" and "target unreachable".
import { performance } from 'node:perf_hooks';
import { Agent, type Dispatcher } from 'undici';
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

/** The first DETAIL_MAX characters of a refusal's body, on one line: the target's own words for the operator. */
function detailOf(chunks: Buffer[]): string | null {
  const detail = Buffer.concat(chunks).toString('utf8').replace(/\s+/g, ' ').trim().slice(0, DETAIL_MAX);
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
  const inFlight = new Set<Dispatcher.DispatchController>();

  return {
    // Through dispatch() and a handler rather than request(): no response stream and no AbortController per call,
    // a fifth less CPU per delivery at full speed (docs/decisions.md, issue 13). undici is pinned to an exact
    // version, as this lower-level interface may change between its major versions.
    send(request) {
      const started = performance.now();
      const elapsed = () => Math.round(performance.now() - started);
      return new Promise<SendResult>((resolve) => {
        let status = 0;
        let retryAfter: string | null = null;
        let detail: Buffer[] | null = null;
        let detailBytes = 0;
        let controller: Dispatcher.DispatchController | null = null;
        const finish = (result: SendResult) => {
          if (controller) inFlight.delete(controller);
          resolve(result);
        };
        const handler: Dispatcher.DispatchHandler = {
          onRequestStart(c) {
            controller = c;
            inFlight.add(c);
          },
          onResponseStart(_c, statusCode, headers) {
            status = statusCode;
            const value = headers['retry-after'];
            retryAfter = Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
            detail = statusCode >= 200 && statusCode < 300 ? null : [];
            detailBytes = 0;
          },
          onResponseData(_c, chunk) {
            // Only a refusal's first bytes are kept (a courtesy for the operator); the rest is read and dropped.
            if (detail && detailBytes < DETAIL_MAX * 4) {
              detail.push(chunk);
              detailBytes += chunk.length;
            }
          },
          onResponseEnd() {
            finish({
              kind: 'answer',
              status,
              latencyMs: elapsed(),
              retryAfter,
              detail: detail ? detailOf(detail) : null,
            });
          },
          onResponseError(_c, err) {
            finish(classifyError(err, elapsed()));
          },
        };
        try {
          agent.dispatch(
            {
              origin: request.origin,
              path: request.path,
              method: 'POST',
              headers: request.headers,
              body: request.body,
              headersTimeout: options.requestTimeoutMs,
              bodyTimeout: options.requestTimeoutMs,
            },
            handler,
          );
        } catch (err) {
          // Refused before any I/O (a header value undici rejects, a closed agent): a failed attempt.
          finish(classifyError(err, elapsed()));
        }
      });
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
        for (const c of inFlight) c.abort(new Error('The outbox stopped.'));
        await agent.destroy().catch(() => undefined);
      }
    },
  };
}
