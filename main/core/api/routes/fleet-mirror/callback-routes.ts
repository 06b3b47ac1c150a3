// /fleets/{fid}/remote/callbacks: the fleet API's callback resource over the agent's callbacks (the same ones
// as /api/v1/callbacks). Bodies are RemoteCallbackSubscribe, validated by the domain like the local API's.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  callbackBodySchema,
  callbackReplaceBodySchema,
  callbackStatusSetterSchema,
} from '../../../domain/callback/index.js';
import { REMOTE_TYPES, type RemoteType } from '../../../domain/remote-type.js';
import { actorOf } from '../../request-actor.js';
import { domainValidatedBody } from '../../route-kit.js';
import {
  callbackParams,
  fleetParams,
  HAL,
  mirrorErrors,
  rawQueryOf,
  tags,
  type FleetMirrorDeps,
} from './mirror-kit.js';
import { callbackRefSchema, collectionOf, remoteCallbackSchema } from './mirror-schemas.js';
import { fromList, indexRangeQuery, pageOf, pageQuery, stellantisQuery } from './paging.js';
import { fleetPaths, toCallbackRef, toRemoteCallback } from './spec-shapes.js';

const TYPE_LIST = new RegExp(`^(${REMOTE_TYPES.join('|')})(,(${REMOTE_TYPES.join('|')}))*$`);
const typeList = z
  .string()
  .regex(TYPE_LIST, `Give remote types among ${REMOTE_TYPES.join(', ')} (repeated, or separated by commas).`);
const typesQuery = z
  .union([typeList, z.array(typeList).max(REMOTE_TYPES.length)])
  .optional()
  .describe('Only the callbacks subscribed to one of these remote types (repeated, or separated by commas)');

/** The local extension `signingSecret` is shown in clear in the answer to the request that set it. */
const setsSigningSecret = (body: unknown) =>
  typeof (body as { signingSecret?: unknown } | null)?.signingSecret === 'string';

const stellantisOnly = z.object(stellantisQuery);

export function callbackRoutes({ callbacks }: FleetMirrorDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/:fid/remote/callbacks',
      {
        schema: {
          operationId: 'getFleetRemotes',
          summary: "The fleet's remote callbacks, a page at a time",
          tags,
          params: fleetParams,
          querystring: z.object({ ...pageQuery, ...indexRangeQuery, types: typesQuery }),
          response: { 200: collectionOf('callbacks', remoteCallbackSchema), ...mirrorErrors(400, 401, 404) },
        },
      },
      async (req, reply) => {
        const p = fleetPaths(req.params.fid);
        const types = [req.query.types ?? []].flat().flatMap((t) => t.split(',')) as RemoteType[];
        const all = (await callbacks.list()).filter(
          (c) =>
            types.length === 0 ||
            types.some((t) => (c.subscribe.remoteTypes as readonly string[] | undefined)?.includes(t)),
        );
        const { items, ...page } = pageOf(req.query, p.callbacks, rawQueryOf(req.url), fromList(all));
        return reply
          .type(HAL)
          .send({ ...page, _embedded: { callbacks: items.map((c) => toRemoteCallback(c, p)) } });
      },
    );

    app.post(
      '/:fid/remote/callbacks',
      {
        validatorCompiler: domainValidatedBody,
        schema: {
          operationId: 'setFleetVehicleRemote',
          summary: 'Create a remote callback (202 with its reference)',
          tags,
          params: fleetParams,
          querystring: stellantisOnly,
          body: callbackBodySchema,
          response: { 202: callbackRefSchema, ...mirrorErrors(400, 401, 404) },
        },
      },
      async (req, reply) => {
        const created = await callbacks.create(req.body, actorOf(req));
        const ref = toCallbackRef(created, fleetPaths(req.params.fid), setsSigningSecret(req.body));
        return reply.status(202).type(HAL).send(ref);
      },
    );

    app.get(
      '/:fid/remote/callbacks/:cbid',
      {
        schema: {
          operationId: 'getFleetRemotebyId',
          summary: 'One remote callback',
          tags,
          params: callbackParams,
          querystring: stellantisOnly,
          response: { 200: remoteCallbackSchema, ...mirrorErrors(400, 401, 404) },
        },
      },
      async (req, reply) =>
        reply
          .type(HAL)
          .send(toRemoteCallback(await callbacks.get(req.params.cbid), fleetPaths(req.params.fid))),
    );

    app.put(
      '/:fid/remote/callbacks/:cbid',
      {
        validatorCompiler: domainValidatedBody,
        schema: {
          operationId: 'setFleetVehicleRemoteById',
          summary:
            'Replace a remote callback (the whole object; 202 with its reference); the built-in one takes only its name',
          tags,
          params: callbackParams,
          querystring: stellantisOnly,
          body: callbackReplaceBodySchema,
          response: { 202: callbackRefSchema, ...mirrorErrors(400, 401, 404, 422) },
        },
      },
      async (req, reply) => {
        const replaced = await callbacks.replace(req.params.cbid, req.body, actorOf(req));
        const ref = toCallbackRef(replaced, fleetPaths(req.params.fid), setsSigningSecret(req.body));
        return reply.status(202).type(HAL).send(ref);
      },
    );

    app.put(
      '/:fid/remote/callbacks/:cbid/status',
      {
        validatorCompiler: domainValidatedBody,
        schema: {
          operationId: 'setFleeRemoteCallbackStatus',
          summary: 'Pause or resume a remote callback (202 with its reference)',
          tags,
          params: callbackParams,
          querystring: stellantisOnly,
          body: callbackStatusSetterSchema,
          response: { 202: callbackRefSchema, ...mirrorErrors(400, 401, 404) },
        },
      },
      async (req, reply) => {
        const changed = await callbacks.setStatus(req.params.cbid, req.body, actorOf(req));
        return reply
          .status(202)
          .type(HAL)
          .send(toCallbackRef(changed, fleetPaths(req.params.fid), false));
      },
    );

    app.delete(
      '/:fid/remote/callbacks/:cbid',
      {
        schema: {
          operationId: 'deleteFleetRemote',
          summary:
            'Delete a remote callback (409 while remote actions through it are in progress, and for the built-in one)',
          tags,
          params: callbackParams,
          querystring: stellantisOnly,
          response: { 204: z.null(), ...mirrorErrors(400, 401, 404, 409) },
        },
      },
      async (req, reply) => {
        await callbacks.remove(req.params.cbid, actorOf(req));
        return reply.status(204).send(null);
      },
    );
  };
}
