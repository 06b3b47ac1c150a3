// Who may call what is decided by the route, never by how its URL is spelled: the hook below runs for the routes
// of the API plugin it is added to, whatever encoding, case or dot segments reached them, and lets through only
// routes that declare themselves public (`config: {public: true}`: health, the OpenAPI document, login). Every
// other route needs the bearer token or the session cookie a browser got by logging in with it (EventSource
// cannot send headers).
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from './api-error.js';
import type { FailureLimiter } from './security/failure-limiter.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route answers without a credential (it may still show more to an authenticated caller). */
    public?: boolean;
  }
  interface FastifyRequest {
    /** A valid token or session cookie came with the request. */
    authenticated: boolean;
  }
}

export const SESSION_COOKIE = 'depot_session';

export function sessionValue(token: string): string {
  // Derived, so the cookie is not the token itself and rotating the token ends every session.
  return createHmac('sha256', token).update('depot-remote-session-v1').digest('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  // Hash both sides first: equal lengths for timingSafeEqual, and no early exit that reveals the length.
  const x = createHmac('sha256', 'depot-remote-compare').update(a).digest();
  const y = createHmac('sha256', 'depot-remote-compare').update(b).digest();
  return timingSafeEqual(x, y);
}

export function tooManyFailures(reply: FastifyReply, retryAfterSeconds: number) {
  return reply
    .status(429)
    .header('retry-after', String(retryAfterSeconds))
    .send(
      errorBody(
        'TOO_MANY_FAILED_LOGINS',
        `Too many wrong tokens from this address: wait ${retryAfterSeconds} s. The token is in <data-dir>/api-token.`,
      ),
    );
}

/** Checks a token given by a client, counting a wrong one; says whether to answer 429 (and how long to wait). */
export function checkToken(
  limiter: FailureLimiter,
  address: string,
  given: string,
  token: string,
): { ok: true } | { ok: false; retryAfter: number | null } {
  if (safeEqual(given, token)) return { ok: true };
  return { ok: false, retryAfter: limiter.fail(address) };
}

const unauthorized = (reply: FastifyReply, message: string) =>
  reply.status(401).header('www-authenticate', 'Bearer').send(errorBody('UNAUTHORIZED', message));

export function createAuthHook(token: string, limiter: FailureLimiter) {
  const session = sessionValue(token);
  return async function authenticate(request: FastifyRequest, reply: FastifyReply) {
    const isPublic = request.routeOptions.config.public === true;
    request.authenticated = false;
    const header = request.headers.authorization;
    if (header !== undefined) {
      const [scheme, value, extra] = header.split(' ');
      const bearer = scheme?.toLowerCase() === 'bearer' && value && extra === undefined ? value : null;
      if (bearer !== null) {
        const checked = checkToken(limiter, request.ip, bearer, token);
        if (checked.ok) {
          request.authenticated = true;
          return;
        }
        if (checked.retryAfter !== null) return tooManyFailures(reply, checked.retryAfter);
      }
      if (isPublic) return;
      return unauthorized(reply, 'The bearer token is wrong. It is in <data-dir>/api-token.');
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie && safeEqual(cookie, session)) {
      request.authenticated = true;
      return;
    }
    if (isPublic) return;
    return unauthorized(
      reply,
      'Send Authorization: Bearer <token> (the token is in <data-dir>/api-token), or log in at POST /api/v1/session.',
    );
  };
}
