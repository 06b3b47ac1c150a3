// Browser login: trade the API token for an HttpOnly cookie (EventSource cannot send headers). Only wrong tokens
// count against the caller's address (see security/failure-limiter.ts): requests that are not even a login
// attempt (a cross-site form's text/plain body is refused as 415 before it gets here) lock nobody out.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody } from '../api-error.js';
import { checkToken, SESSION_COOKIE, sessionValue, tooManyFailures } from '../auth.js';
import type { FailureLimiter } from '../security/failure-limiter.js';
import { errors } from '../route-kit.js';

const tags = ['session'];

export function sessionRoutes(token: string, limiter: FailureLimiter): FastifyPluginAsyncZod {
  const value = sessionValue(token);
  return async (app) => {
    app.post(
      '/session',
      {
        config: { public: true },
        schema: {
          operationId: 'login',
          tags,
          summary: 'Log in with the API token; sets an HttpOnly session cookie',
          security: [],
          body: z.object({ token: z.string().min(1).max(512) }),
          response: { 204: z.null(), ...errors(400, 401, 403, 415, 429) },
        },
      },
      async (req, reply) => {
        const checked = checkToken(limiter, req.ip, req.body.token, token);
        if (!checked.ok) {
          if (checked.retryAfter !== null) return tooManyFailures(reply, checked.retryAfter);
          return reply
            .status(401)
            .send(errorBody('UNAUTHORIZED', 'That token is not the one in <data-dir>/api-token.'));
        }
        return reply
          .setCookie(SESSION_COOKIE, value, {
            httpOnly: true,
            sameSite: 'strict',
            path: '/api',
            // Over TLS the cookie never travels in clear; on loopback there is no wire to protect.
            secure: req.protocol === 'https',
          })
          .status(204)
          .send(null);
      },
    );

    app.delete(
      '/session',
      {
        config: { public: true },
        schema: {
          operationId: 'logout',
          tags,
          summary: 'Log out',
          security: [],
          response: { 204: z.null(), ...errors(403) },
        },
      },
      async (_req, reply) => reply.clearCookie(SESSION_COOKIE, { path: '/api' }).status(204).send(null),
    );
  };
}
