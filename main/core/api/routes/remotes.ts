// Remote actions: the fleet API's paths under /vehicles/{vid}/callbacks/{cbid}/remotes, plus reads by id.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageOf, remoteActionSchema, remotePostResponseSchema } from '../../../../preload/contract/dto.js';
import { remoteBodySchema } from '../../domain/remote/index.js';
import { ACTION_PHASES } from '../../domain/status.js';
import { REMOTE_TYPES } from '../../domain/remote-type.js';
import type { RemotesService } from '../../services/remotes-service.js';
import { actorOf } from '../request-actor.js';
import { domainValidatedBody, errors, idParam, pageQuery } from '../route-kit.js';

const tags = ['remotes'];
const vehicleCallback = z.object({ vid: idParam, cbid: idParam });

export function remoteRoutes(remotes: RemotesService): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/vehicles/:vid/callbacks/:cbid/remotes',
      {
        validatorCompiler: domainValidatedBody,
        schema: {
          tags,
          summary: 'Send a remote action (exactly one action per body)',
          description:
            'Immobilization and Stolen need an X-Depot-Reason header (at least 5 characters). ' +
            'X-Depot-Operator names the operator for the audit log.',
          params: vehicleCallback,
          body: remoteBodySchema,
          response: { 202: remotePostResponseSchema, ...errors(400, 401, 404, 409, 422, 429, 502, 503) },
        },
      },
      async (req, reply) => {
        const action = await remotes.send({
          vehicleRef: req.params.vid,
          callbackId: req.params.cbid,
          body: req.body,
          actor: actorOf(req),
        });
        return reply.status(202).send({
          _links: {
            self: action._links.self,
            callback: action._links.callback,
            remote: { href: `/api/v1/remotes/${action.remoteActionId}` },
          },
          remoteActionId: action.remoteActionId,
          type: action.type,
        });
      },
    );

    app.get(
      '/vehicles/:vid/callbacks/:cbid/remotes',
      {
        schema: {
          tags,
          summary: "List a vehicle's remote actions sent through a callback, newest first",
          params: vehicleCallback,
          querystring: pageQuery,
          response: { 200: pageOf(remoteActionSchema), ...errors(400, 401, 404) },
        },
      },
      async (req) => remotes.listForVehicleCallback(req.params.vid, req.params.cbid, req.query),
    );

    app.get(
      '/vehicles/:vid/callbacks/:cbid/remotes/:rid',
      {
        schema: {
          tags,
          summary: 'Read one remote action with its event history',
          params: vehicleCallback.extend({ rid: idParam }),
          response: { 200: remoteActionSchema, ...errors(401, 404) },
        },
      },
      async (req) => remotes.getForVehicleCallback(req.params.vid, req.params.cbid, req.params.rid),
    );

    app.get(
      '/remotes',
      {
        schema: {
          tags,
          summary: 'List all remote actions, newest first',
          querystring: pageQuery.extend({
            vehicle: idParam.optional().describe('Vehicle id or VIN'),
            type: z.enum(REMOTE_TYPES).optional(),
            phase: z.enum(ACTION_PHASES).optional(),
          }),
          response: { 200: pageOf(remoteActionSchema), ...errors(400, 401, 404) },
        },
      },
      async (req) => {
        const { vehicle, ...rest } = req.query;
        return remotes.list({ ...rest, ...(vehicle ? { vehicleRef: vehicle } : {}) });
      },
    );

    app.get(
      '/remotes/:rid',
      {
        schema: {
          tags,
          summary: 'Read one remote action with its whole event history',
          params: z.object({ rid: idParam }),
          response: { 200: remoteActionSchema, ...errors(401, 404) },
        },
      },
      async (req) => remotes.get(req.params.rid),
    );
  };
}
