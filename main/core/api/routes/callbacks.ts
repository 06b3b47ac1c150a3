// /api/v1/callbacks — the fleet API's callback resource (RemoteCallbackSubscribe bodies), stored locally.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { callbackSchema } from '../../../../preload/contract/dto.js';
import { callbackBodySchema, callbackStatusSetterSchema } from '../../domain/callback/index.js';
import type { CallbacksService } from '../../services/callbacks-service.js';
import { actorOf } from '../request-actor.js';
import { domainValidatedBody, errors, idParam } from '../route-kit.js';

const params = z.object({ cbid: idParam });
const tags = ['callbacks'];

export function callbackRoutes(callbacks: CallbacksService): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/callbacks',
      {
        validatorCompiler: domainValidatedBody,
        schema: {
          tags,
          summary: 'Create a callback (answers 201 with it; the signing secret is shown in clear only here)',
          body: callbackBodySchema,
          response: { 201: callbackSchema, ...errors(400, 401) },
        },
      },
      async (req, reply) => reply.status(201).send(await callbacks.create(req.body, actorOf(req))),
    );

    app.get(
      '/callbacks',
      {
        schema: {
          tags,
          summary: 'List callbacks',
          response: {
            200: z.object({ items: z.array(callbackSchema), total: z.number().int() }),
            ...errors(401),
          },
        },
      },
      async () => {
        const items = await callbacks.list();
        return { items, total: items.length };
      },
    );

    app.get(
      '/callbacks/:cbid',
      {
        schema: {
          tags,
          summary: 'Read a callback',
          params,
          response: { 200: callbackSchema, ...errors(401, 404) },
        },
      },
      async (req) => callbacks.get(req.params.cbid),
    );

    app.put(
      '/callbacks/:cbid',
      {
        validatorCompiler: domainValidatedBody,
        schema: {
          tags,
          summary: 'Replace a callback (the whole object, as the fleet API)',
          params,
          body: callbackBodySchema,
          response: { 200: callbackSchema, ...errors(400, 401, 404) },
        },
      },
      async (req) => callbacks.replace(req.params.cbid, req.body, actorOf(req)),
    );

    app.put(
      '/callbacks/:cbid/status',
      {
        validatorCompiler: domainValidatedBody,
        schema: {
          tags,
          summary: 'Pause or resume a callback',
          params,
          body: callbackStatusSetterSchema,
          response: { 200: callbackSchema, ...errors(400, 401, 404) },
        },
      },
      async (req) => callbacks.setStatus(req.params.cbid, req.body, actorOf(req)),
    );

    app.delete(
      '/callbacks/:cbid',
      {
        schema: {
          tags,
          summary: 'Delete a callback (refused while remote actions through it are in progress)',
          params,
          response: { 204: z.null(), ...errors(401, 404, 409) },
        },
      },
      async (req, reply) => {
        await callbacks.remove(req.params.cbid, actorOf(req));
        return reply.status(204).send(null);
      },
    );
  };
}
