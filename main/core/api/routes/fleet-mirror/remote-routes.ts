// /fleets/{fid}/vehicles/{vid}/callbacks/{cbid}/remotes: send a remote (the fleet API's Remote body), list a
// vehicle's remotes through a callback, read one. Immobilization and Stolen need X-Depot-Reason, as on the
// local API: the audit log must say why. A send to a busy feature queues as on the local API (docs/decisions.md,
// 21): the spec's answer to a send is 202 with an id to follow, which a queued command has; a 409 is not in it.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { WHEN_BUSY } from '../../../../../preload/contract/vocabulary.js';
import { remoteBodySchema } from '../../../domain/remote/index.js';
import { actorOf } from '../../request-actor.js';
import { domainValidatedBody, idParam } from '../../route-kit.js';
import {
  HAL,
  mirrorErrors,
  rawQueryOf,
  tags,
  vehicleCallbackParams,
  type FleetMirrorDeps,
} from './mirror-kit.js';
import { collectionOf, remoteActionSchema, remotePostResponseSchema } from './mirror-schemas.js';
import { indexRangeQuery, pageOf, pageQuery, stellantisQuery } from './paging.js';
import { fleetPaths, toRemoteAction, toRemotePostResponse } from './spec-shapes.js';

export function remoteRoutes({ remotes }: FleetMirrorDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/:fid/vehicles/:vid/callbacks/:cbid/remotes',
      {
        validatorCompiler: domainValidatedBody,
        schema: {
          operationId: 'sendRemoteToVhl',
          summary: 'Send a remote action to a vehicle (exactly one action per body; 202 with its reference)',
          description:
            'Immobilization and Stolen need an X-Depot-Reason header (at least 5 characters). ' +
            'X-Depot-Operator names the operator for the audit log. While the same feature is busy on the ' +
            'vehicle (or the network is unreachable) the remote waits in the agent’s queue and is answered 202 ' +
            'as any other; its status is absent until it leaves. Immobilization, Stolen and doors Unlocked ' +
            'are refused then (409, 503) unless whenBusy=queue.',
          tags,
          params: vehicleCallbackParams,
          querystring: z.object({
            ...stellantisQuery,
            whenBusy: z
              .enum(WHEN_BUSY)
              .optional()
              .describe(
                'Local extension: `queue` lets Immobilization, Stolen and doors Unlocked wait their turn',
              ),
            expiresInSeconds: z.coerce
              .number()
              .int()
              .min(1)
              .max(86_400)
              .optional()
              .describe('Local extension: how long it may wait in the queue (default 10 minutes, a setting)'),
          }),
          body: remoteBodySchema,
          response: {
            202: remotePostResponseSchema,
            ...mirrorErrors(400, 401, 404, 409, 422, 429, 502, 503),
          },
        },
      },
      async (req, reply) => {
        const action = await remotes.send({
          vehicleRef: req.params.vid,
          callbackId: req.params.cbid,
          body: req.body,
          actor: actorOf(req),
          whenBusy: req.query.whenBusy,
          expiresInSeconds: req.query.expiresInSeconds,
        });
        return reply
          .status(202)
          .type(HAL)
          .send(toRemotePostResponse(action, fleetPaths(req.params.fid)));
      },
    );

    app.get(
      '/:fid/vehicles/:vid/callbacks/:cbid/remotes',
      {
        schema: {
          operationId: 'getRemoteRequestsForVhl',
          summary: "A vehicle's remote actions sent through a callback, newest first, a page at a time",
          tags,
          params: vehicleCallbackParams,
          querystring: z.object({ ...pageQuery, ...indexRangeQuery }),
          response: {
            200: collectionOf('remoteActions', remoteActionSchema),
            ...mirrorErrors(400, 401, 404),
          },
        },
      },
      async (req, reply) => {
        const { vid, cbid } = req.params;
        const p = fleetPaths(req.params.fid);
        const { items, ...page } = pageOf(
          req.query,
          p.remotes(vid, cbid),
          rawQueryOf(req.url),
          (offset, limit) => remotes.listForVehicleCallback(vid, cbid, { offset, limit }),
        );
        return reply
          .type(HAL)
          .send({ ...page, _embedded: { remoteActions: items.map((a) => toRemoteAction(a, p)) } });
      },
    );

    app.get(
      '/:fid/vehicles/:vid/callbacks/:cbid/remotes/:rid',
      {
        schema: {
          operationId: 'getRemoteRequestForVhlById',
          summary: 'One remote action, with its current status',
          tags,
          params: vehicleCallbackParams.extend({ rid: idParam }),
          querystring: z.object(stellantisQuery),
          response: { 200: remoteActionSchema, ...mirrorErrors(400, 401, 404) },
        },
      },
      async (req, reply) => {
        const { vid, cbid, rid } = req.params;
        const action = remotes.getForVehicleCallback(vid, cbid, rid);
        return reply.type(HAL).send(toRemoteAction(action, fleetPaths(req.params.fid)));
      },
    );
  };
}
