// One well-kept HTTP client for the fleet API (stellantis-api-notes.md N1): a single undici Agent with the
// partner's client certificate and the Stellantis CA (mutual TLS), keep-alive and timeouts; Basic
// authentication and the client_id query parameter on every request; bodies read as JSON whatever the content
// type says (T20); the rate-limit headers recorded from every answer and a 429 honoured before anything else
// goes out (N8).
import { Agent, request } from 'undici';
import { ConnectorError } from '../connector.js';
import type { Clock } from '../../ports/clock.js';
import type { Logger } from '../../ports/logger.js';
import type { RateLimitState } from './rate-limit.js';
import { createRateLimitTracker, DEFAULT_RETRY_AFTER_SECONDS, retryAfterSeconds } from './rate-limit.js';
import type { StellantisConfig } from './stellantis-config.js';
import { httpError, networkError } from './stellantis-errors.js';

export type Query = Record<string, string | number | readonly string[] | undefined>;

export interface ApiRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** A path under the base URL ("/fleets/…"), or an absolute URL of the same origin (a HAL link). */
  path: string;
  query?: Query;
  body?: unknown;
  /** What is being done, for messages: "list the vehicles", "send the remote" … */
  operation: string;
  /** The path names a vehicle (a 403 then means "no access to that vehicle"). */
  vehicleScoped?: boolean;
}

export interface ApiResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON, or the raw text when the body is not JSON, or undefined when empty. */
  body: unknown;
}

export interface StellantisHttp {
  readonly baseUrl: string;
  readonly host: string;
  /** Sends one request; resolves for 2xx, throws ConnectorError otherwise. */
  send(req: ApiRequest): Promise<ApiResponse>;
  /** Resolves a path or HAL href to the URL that would be requested (client_id included). */
  url(pathOrHref: string, query?: Query): URL;
  rateLimit(): RateLimitState;
  close(): Promise<void>;
}

export const ACCEPT = 'application/hal+json, application/json';

export function basicAuthorization(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
}

/** JSON whatever the content type ('application/hal+json ' with its trailing space included). */
export function parseBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function createStellantisAgent(config: StellantisConfig): Agent {
  return new Agent({
    connect: {
      cert: config.cert,
      key: config.key,
      ca: config.ca,
      ...(config.keyPassphrase ? { passphrase: config.keyPassphrase } : {}),
      rejectUnauthorized: true,
    },
    connectTimeout: Math.min(config.timeoutMs, 15_000),
    headersTimeout: config.timeoutMs,
    bodyTimeout: config.timeoutMs,
    keepAliveTimeout: 30_000,
    keepAliveMaxTimeout: 120_000,
    connections: 8,
  });
}

export function createStellantisHttp(
  config: StellantisConfig,
  deps: { clock: Clock; logger: Logger; agent?: Agent },
): StellantisHttp {
  const { clock, logger } = deps;
  const agent = deps.agent ?? createStellantisAgent(config);
  const base = new URL(config.baseUrl.replace(/\/+$/, ''));
  const basePath = base.pathname.replace(/\/+$/, '');
  const authorization = basicAuthorization(config.user, config.password);
  const limits = createRateLimitTracker(clock);
  let closed = false;

  function url(pathOrHref: string, query: Query = {}): URL {
    let u: URL;
    if (/^https?:\/\//i.test(pathOrHref)) {
      const link = new URL(pathOrHref);
      // Credentials go to the configured server only: a link elsewhere is re-rooted onto the base URL.
      u = link.origin === base.origin ? link : new URL(`${base.origin}${link.pathname}${link.search}`);
    } else {
      const path = pathOrHref.startsWith(basePath + '/') ? pathOrHref : `${basePath}${pathOrHref}`;
      u = new URL(`${base.origin}${path}`);
    }
    for (const [k, v] of Object.entries(query)) {
      if (v === undefined) continue;
      u.searchParams.delete(k);
      if (Array.isArray(v)) for (const item of v) u.searchParams.append(k, item);
      else u.searchParams.set(k, String(v));
    }
    u.searchParams.set('client_id', config.clientId);
    return u;
  }

  async function send(req: ApiRequest): Promise<ApiResponse> {
    if (closed) throw new ConnectorError('unreachable', 'The Stellantis connector is closed.');
    const wait = limits.waitSeconds();
    if (wait > 0) {
      throw new ConnectorError(
        'rate-limited',
        `Stellantis' rate limit is reached; requests are allowed again in ${wait} s.`,
        { code: '429', retryAfterSeconds: wait },
      );
    }
    const target = url(req.path, req.query);
    const started = Date.now();
    let res;
    try {
      res = await request(target, {
        dispatcher: agent,
        method: req.method,
        headers: {
          authorization,
          accept: ACCEPT,
          'user-agent': 'depot-remote',
          ...(req.body !== undefined && { 'content-type': 'application/json' }),
        },
        ...(req.body !== undefined && { body: JSON.stringify(req.body) }),
        signal: AbortSignal.timeout(config.timeoutMs + 1_000),
      });
    } catch (err) {
      const e = networkError(err, base.host);
      logger.warn('stellantis request failed', {
        method: req.method,
        path: target.pathname,
        problem: e.message,
        code: e.details.code,
      });
      throw e;
    }
    let text: string;
    try {
      text = await res.body.text();
    } catch (err) {
      throw networkError(err, base.host);
    }
    const headers = res.headers as ApiResponse['headers'];
    limits.record(headers);
    const body = parseBody(text);
    logger.debug('stellantis request', {
      method: req.method,
      path: target.pathname,
      status: res.statusCode,
      ms: Date.now() - started,
    });
    if (res.statusCode >= 200 && res.statusCode < 300) return { status: res.statusCode, headers, body };
    let retryAfter: number | undefined;
    if (res.statusCode === 429) {
      retryAfter = retryAfterSeconds(headers, clock.now()) ?? DEFAULT_RETRY_AFTER_SECONDS;
      limits.block(retryAfter);
    }
    throw httpError({
      status: res.statusCode,
      body,
      operation: req.operation,
      vehicleScoped: req.vehicleScoped ?? false,
      ...(retryAfter !== undefined && { retryAfterSeconds: retryAfter }),
    });
  }

  return {
    baseUrl: base.href.replace(/\/+$/, ''),
    host: base.host,
    send,
    url,
    rateLimit: () => limits.state(),
    async close() {
      if (closed) return;
      closed = true;
      if (!deps.agent) await agent.close();
    },
  };
}
