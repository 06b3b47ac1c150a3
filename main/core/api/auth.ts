// Bearer token on every route but health, the OpenAPI document and login. A browser, whose EventSource
// cannot send headers, logs in once with the token and is then known by an HttpOnly cookie.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from './api-error.js';

export const SESSION_COOKIE = 'depot_session';
export const PUBLIC_ROUTES = new Set(['/api/v1/health', '/api/v1/openapi.json', '/api/v1/session']);

export function sessionValue(token: string): string {
  // Derived, so the cookie is not the token itself and rotating the token ends every session.
  return createHmac('sha256', token).update('depot-remote-session-v1').digest('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function createAuthHook(token: string) {
  const session = sessionValue(token);
  return async function authenticate(request: FastifyRequest, reply: FastifyReply) {
    const path = request.url.split('?')[0] ?? '';
    if (!path.startsWith('/api/') || PUBLIC_ROUTES.has(path)) return;
    const header = request.headers.authorization;
    if (header) {
      const [scheme, value] = header.split(' ');
      if (scheme?.toLowerCase() === 'bearer' && value && safeEqual(value, token)) return;
      return reply
        .status(401)
        .header('www-authenticate', 'Bearer')
        .send(errorBody('UNAUTHORIZED', 'The bearer token is wrong. It is in <data-dir>/api-token.'));
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie && safeEqual(cookie, session)) {
      // Cookies ride along on cross-site requests: refuse changes whose Origin is not this server.
      const origin = request.headers.origin;
      if (request.method !== 'GET' && origin && new URL(origin).host !== request.headers.host) {
        return reply
          .status(403)
          .send(errorBody('FORBIDDEN_ORIGIN', 'Requests from another site are refused.'));
      }
      return;
    }
    return reply
      .status(401)
      .header('www-authenticate', 'Bearer')
      .send(
        errorBody(
          'UNAUTHORIZED',
          'Send Authorization: Bearer <token> (the token is in <data-dir>/api-token), or log in at POST /api/v1/session.',
        ),
      );
  };
}
