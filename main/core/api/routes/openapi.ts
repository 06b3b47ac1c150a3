// GET /api/v1/openapi.json: the OpenAPI document @fastify/swagger builds from every route's schema (public). It
// describes itself too, so a tool that walks the document finds every route the agent serves.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../route-kit.js';

export function openapiRoute(): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/openapi.json',
      {
        config: { public: true },
        schema: {
          operationId: 'getOpenApiDocument',
          summary:
            'This OpenAPI 3.1 document: every route, its inputs, answers and errors (no authentication)',
          tags: ['system'],
          security: [],
          response: {
            200: z.looseObject({ openapi: z.string() }).describe('An OpenAPI 3.1 document'),
            // A wrong token sent anyway still counts against the caller's address.
            ...errors(429),
          },
        },
      },
      async () => app.swagger() as unknown as { openapi: string },
    );
  };
}
