// Browser login: trade the API token for an HttpOnly cookie (EventSource cannot send headers).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody } from '../api-error.js';
import { safeEqual, SESSION_COOKIE, sessionValue } from '../auth.js';
import { errors } from '../route-kit.js';

const tags = ['session'];

export function sessionRoutes(token: string): FastifyPluginAsyncZod {
  const value = sessionValue(token);
  return async (app) => {
    app.post(
      '/session',
      {
        config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: 'Log in with the API token; sets an HttpOnly session cookie',
          body: z.object({ token: z.string().min(1).max(512) }),
          response: { 204: z.null(), ...errors(400, 401, 429) },
        },
      },
      async (req, reply) => {
        if (!safeEqual(req.body.token, token)) {
          return reply
            .status(401)
            .send(errorBody('UNAUTHORIZED', 'That token is not the one in <data-dir>/api-token.'));
        }
        return reply
          .setCookie(SESSION_COOKIE, value, {
            httpOnly: true,
            sameSite: 'strict',
            path: '/api',
            secure: req.protocol === 'https',
          })
          .status(204)
          .send(null);
      },
    );

    app.delete(
      '/session',
      { schema: { tags, summary: 'Log out', response: { 204: z.null() } } },
      async (_req, reply) => reply.clearCookie(SESSION_COOKIE, { path: '/api' }).status(204).send(null),
    );
  };
}
