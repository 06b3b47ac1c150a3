// GET /fleets and /fleets/{fid}: the one fleet this agent serves (the connector's: the simulator's or the one
// configured for Stellantis).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fleetParams, HAL, mirrorErrors, rawQueryOf, tags, type FleetMirrorDeps } from './mirror-kit.js';
import { collectionOf, fleetSchema } from './mirror-schemas.js';
import { fromList, pageOf, pageQuery, stellantisQuery } from './paging.js';
import { fleetPaths, MIRROR_BASE } from './spec-shapes.js';

export function fleetRoutes(deps: FleetMirrorDeps): FastifyPluginAsyncZod {
  const fleet = (fid: string) => {
    const p = fleetPaths(fid);
    return {
      _links: { self: { href: p.fleet }, vehicles: { href: p.vehicles }, callbacks: { href: p.callbacks } },
      id: fid,
      connector: deps.connectorName,
    };
  };

  return async (app) => {
    app.get(
      '/',
      {
        // Only /api/v1/fleets: the spec has no trailing slash, and OpenAPI linters reject the duplicate.
        prefixTrailingSlash: 'no-slash',
        schema: {
          operationId: 'getFleets',
          summary: 'The fleets this agent serves: exactly one, whose id is {fid} in every other mirror path',
          tags,
          querystring: z.object(pageQuery),
          response: { 200: collectionOf('fleets', fleetSchema), ...mirrorErrors(400, 401) },
        },
      },
      async (req, reply) => {
        const fid = deps.fleetId();
        const page = pageOf(
          req.query,
          `${MIRROR_BASE}/fleets`,
          rawQueryOf(req.url),
          fromList(fid === null ? [] : [fid]),
        );
        const { items, ...rest } = page;
        return reply.type(HAL).send({ ...rest, _embedded: { fleets: items.map(fleet) } });
      },
    );

    app.get(
      '/:fid',
      {
        schema: {
          operationId: 'getFleet',
          summary: 'The fleet',
          tags,
          params: fleetParams,
          querystring: z.object(stellantisQuery),
          response: { 200: fleetSchema, ...mirrorErrors(401, 404) },
        },
      },
      async (req, reply) => reply.type(HAL).send(fleet(req.params.fid)),
    );
  };
}
