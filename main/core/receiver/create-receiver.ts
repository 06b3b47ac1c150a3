// The webhook receiver: its own Fastify app (separate port from the local API) where the network posts
// notifications for each local callback, at POST /webhooks/stellantis/{cbid}. Built without listening.
//
// Order of checks, cheapest and least revealing first, all before the body is read (onRequest, preParsing):
//   flood (429, per client IP) → unknown or deleted callback (404) → missing or wrong x-depot-secret (401)
//   → body over the limit (413, while reading it).
// A rejected request stores nothing. An authenticated one is answered 200 once stored (quarantined if it
// cannot be applied), or 500 when it could not be stored (stellantis-api-notes.md N12.7).
import type { Server as HttpsServer } from 'node:https';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import type { EventBus } from '../events/event-bus.js';
import type { Logger } from '../ports/logger.js';
import type { NotificationInbox } from './notification-inbox.js';
import { QuarantineFullError } from './quarantine-capacity.js';
import {
  createReceiverSecrets,
  type ReceiverSecretSource,
  SECRET_HEADER_ALIASES,
  type SecretCacheOptions,
} from './receiver-secrets.js';
import { webhookError, type WebhookRejection } from './webhook-error.js';

export const WEBHOOK_PATH = '/webhooks/stellantis/:cbid';
export const DEFAULT_RECEIVER_PORT = 5781;
export const DEFAULT_BODY_LIMIT = 1024 * 1024;
export const DEFAULT_RATE_LIMIT = { max: 100, timeWindowMs: 1000 };

export interface ReceiverDeps {
  inbox: Pick<NotificationInbox, 'submit'>;
  /** Where the clear receiver secret of a callback comes from (the callbacks service). */
  callbacks: ReceiverSecretSource;
  /** 'callback.changed' drops a cached secret at once. */
  bus: Pick<EventBus, 'subscribe'>;
  logger: Logger;
}

export interface ReceiverOptions {
  /** Largest body accepted, in bytes (413 beyond). Default 1 MiB. */
  bodyLimit?: number;
  /** Requests per window per client IP (429 beyond); false turns the limit off. Default 100 per second. */
  rateLimit?: { max: number; timeWindowMs: number } | false;
  /** Serve HTTPS with this certificate and key (PEM), for sites that expose the receiver directly. */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /**
   * Behind the site's reverse proxy or tunnel (stellantis-api-notes.md N12.6), trust its X-Forwarded-For so
   * the flood limit counts the real senders (Fastify's trustProxy: true or an address/CIDR list). Default
   * false.
   */
  trustProxy?: boolean | string | string[];
  /** A request must arrive whole within this time (slow senders hold no socket forever). Default 30 s. */
  requestTimeoutMs?: number;
  secretCache?: SecretCacheOptions;
}

/** Callback ids are UUIDs; anything else is refused without a lookup. */
const CALLBACK_ID = /^[\w.:~-]{1,200}$/;

/** Headers worth keeping with a quarantined request. Never the secret, cookies or authorization. */
const KEPT_HEADERS = [
  'content-type',
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'user-agent',
  'x-forwarded-for',
  'x-forwarded-proto',
  'x-forwarded-host',
  'x-real-ip',
  'x-request-id',
  'x-correlation-id',
  'traceparent',
  'tracestate',
];

function keptHeaders(req: FastifyRequest, contentType: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = name === 'content-type' ? (contentType ?? undefined) : req.headers[name];
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/**
 * The content type as the sender wrote it, taken aside by preParsing (see there). Keyed by the Node request, which
 * lives exactly as long as the exchange.
 */
const sentContentTypes = new WeakMap<object, string | null>();
/** What Fastify is shown instead: one its content-type parser accepts, read by the catch-all as raw bytes. */
const READ_AS_BYTES = 'application/octet-stream';

export async function createReceiver(
  deps: ReceiverDeps,
  options: ReceiverOptions = {},
): Promise<FastifyInstance> {
  const { inbox, logger } = deps;
  const rateLimit = options.rateLimit === undefined ? DEFAULT_RATE_LIMIT : options.rateLimit;
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const common = {
    logger: false,
    bodyLimit,
    requestTimeout: options.requestTimeoutMs ?? 30_000,
    trustProxy: options.trustProxy ?? false,
    return503OnClosing: true,
  };
  // One app type for both transports: the lead listens and closes it the same way.
  const app = (options.tls
    ? Fastify<HttpsServer>({
        ...common,
        https: { cert: options.tls.cert, key: options.tls.key },
      })
    : Fastify(common)) as unknown as FastifyInstance;

  const secrets = createReceiverSecrets(deps.callbacks, deps.bus, options.secretCache);
  app.addHook('onClose', async () => secrets.close());
  // A request still being stored when close() starts is answered once its group is on the disk, after close()
  // closed the idle connections: its own connection then closes with the answer, or close() would wait for the
  // sender's keep-alive to end (seconds; the desktop's quit gives up at 10 s).
  let closing = false;
  app.addHook('preClose', (done) => {
    closing = true;
    done();
  });

  function reject(
    req: FastifyRequest,
    reply: FastifyReply,
    why: WebhookRejection,
    message: string,
    log = true,
  ): FastifyReply {
    const { status, body } = webhookError(why, message);
    if (log) {
      logger.warn('receiver rejected a request', {
        status,
        rejection: why,
        callbackId: (req.params as { cbid?: string } | undefined)?.cbid ?? null,
        ip: req.ip,
      });
    }
    // The body (if any) was not read: close rather than drain it.
    return reply.status(status).header('connection', 'close').send(body);
  }

  // Every body is taken as raw bytes: JSON is parsed by the inbox, so a malformed one can be kept as it came.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  app.setErrorHandler((error: FastifyError, req, reply) => {
    const status = error.statusCode ?? 500;
    if (status === 413) {
      return reject(req, reply, 'BODY_TOO_LARGE', `The body is larger than ${bodyLimit} bytes.`);
    }
    if (status === 429) {
      // Logged by onExceeded, once per client and window.
      return reject(req, reply, 'RATE_LIMITED', error.message, false);
    }
    if (status < 500) return reject(req, reply, 'BAD_REQUEST', error.message);
    logger.error('receiver request failed', { error: error.message });
    const { body } = webhookError('INTERNAL', 'The notification could not be received; retry later.');
    return reply.status(500).send(body);
  });

  if (rateLimit) {
    const lastLogged = new Map<string, number>();
    await app.register(fastifyRateLimit, {
      global: true,
      max: rateLimit.max,
      timeWindow: rateLimit.timeWindowMs,
      // The network does not read them; three headers on every answer cost more than they tell.
      addHeadersOnExceeding: {
        'x-ratelimit-limit': false,
        'x-ratelimit-remaining': false,
        'x-ratelimit-reset': false,
      },
      // One warning per client and window: a flood must not flood the log too.
      onExceeded(req, key) {
        const now = Date.now();
        if ((lastLogged.get(key) ?? 0) > now - rateLimit.timeWindowMs) return;
        if (lastLogged.size > 10_000) lastLogged.clear();
        lastLogged.set(key, now);
        logger.warn('receiver rejected a request', {
          status: 429,
          rejection: 'RATE_LIMITED',
          callbackId: (req.params as { cbid?: string } | undefined)?.cbid ?? null,
          ip: req.ip,
          note: 'further requests from this client are refused without a log line until the window ends',
        });
      },
      errorResponseBuilder: (_req, context) =>
        Object.assign(
          new Error(`Too many requests: at most ${context.max} per ${context.after}. Retry later.`),
          { statusCode: 429 },
        ),
    });
  }

  app.setNotFoundHandler(rateLimit ? { preHandler: app.rateLimit() } : {}, (req, reply) =>
    reject(req, reply, 'ROUTE_NOT_FOUND', `No route ${req.method} ${req.url.split('?')[0]}.`),
  );

  app.get('/health', async () => ({ status: 'ok' }));

  app.post<{ Params: { cbid: string } }>(
    WEBHOOK_PATH,
    {
      // Authenticated before the body is read (preParsing: after the flood limit's onRequest, before any
      // byte of the body is consumed): a stranger's body is never parsed, buffered or stored.
      async preParsing(req, reply, payload) {
        const { cbid } = req.params;
        const notFound = `No callback ${cbid} on this agent (unknown or deleted).`;
        if (!CALLBACK_ID.test(cbid)) return reject(req, reply, 'CALLBACK_NOT_FOUND', notFound);
        const secret = await secrets.lookup(cbid);
        if (secret === null) return reject(req, reply, 'CALLBACK_NOT_FOUND', notFound);
        const presented = SECRET_HEADER_ALIASES.map((h) => req.headers[h]).filter(
          (v): v is string => typeof v === 'string',
        );
        if (presented.length === 0) {
          return reject(req, reply, 'SECRET_MISSING', 'The x-depot-secret header is missing.');
        }
        if (!secrets.matches(secret, presented)) {
          return reject(
            req,
            reply,
            'SECRET_INVALID',
            'The x-depot-secret header does not match this callback.',
          );
        }
        // Whatever the sender says the body is, it is read as bytes and parsed as JSON by the inbox. Fastify
        // checks the content type before any parser runs and refuses one it cannot read (`application/json,
        // text/plain` → 415, which this app answered 400): an authenticated notification must never be lost to
        // its header, so the header is kept aside and Fastify sees a plain one.
        const sent = req.headers['content-type'];
        sentContentTypes.set(req.raw, sent ?? null);
        if (sent !== undefined) req.raw.headers['content-type'] = READ_AS_BYTES;
        return payload;
      },
    },
    async (req, reply) => {
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const contentType = sentContentTypes.get(req.raw) ?? null;
      try {
        const receipt = await inbox.submit({
          callbackId: req.params.cbid,
          body,
          contentType,
          headers: keptHeaders(req, contentType),
          remoteAddress: req.ip ?? null,
        });
        if (closing) reply.header('connection', 'close');
        return reply.status(200).send({ received: true, ...receipt });
      } catch (err) {
        // The inbox logged why; nothing of this request was stored, so the network must retry it.
        const { status, body: error } =
          err instanceof QuarantineFullError
            ? webhookError(
                'QUARANTINE_FULL',
                'The notification cannot be kept: the quarantine is full of notifications waiting for their ' +
                  'remote action. Retry later.',
              )
            : webhookError('STORE_FAILED', 'The notification could not be stored; retry later.');
        if (closing) reply.header('connection', 'close');
        return reply.status(status).send(error);
      }
    },
  );

  return app;
}
