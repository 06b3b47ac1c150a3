// GET /fleets/{fid}/vehicles and /fleets/{fid}/vehicles/{vid}: the fleet as the connector reported it (cached).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { VehicleDto } from '../../../../../preload/contract/dto.js';
import {
  fleetParams,
  HAL,
  mirrorErrors,
  rawQueryOf,
  tags,
  vehicleParams,
  type FleetMirrorDeps,
} from './mirror-kit.js';
import { collectionOf, vehicleItemSchema } from './mirror-schemas.js';
import { fromList, pageOf, pageQuery, stellantisQuery, type Fetch } from './paging.js';
import { fleetPaths, toVehicleItem } from './spec-shapes.js';

const ignored = z
  .union([z.string().max(100), z.array(z.string().max(100)).max(10)])
  .optional()
  .describe('Accepted and ignored (capabilities are always in `capabilities`)');
const presentation = {
  locale: z.string().max(20).optional().describe('Accepted and ignored'),
  extension: ignored,
};

export function vehicleRoutes({ vehicles }: FleetMirrorDeps): FastifyPluginAsyncZod {
  /** Vehicles whose VIN starts with `prefix` (the search narrows the read; the prefix decides). */
  function withVinPrefix(prefix: string): Fetch<VehicleDto> {
    const wanted = prefix.toUpperCase();
    const { total } = vehicles.list({ search: prefix, limit: 0, offset: 0 });
    const found = vehicles.list({ search: prefix, limit: total, offset: 0 }).items;
    return fromList(found.filter((v) => v.vin.toUpperCase().startsWith(wanted)));
  }

  return async (app) => {
    app.get(
      '/:fid/vehicles',
      {
        schema: {
          operationId: 'getVehiclesByDevice',
          summary: 'The vehicles of the fleet, a page at a time',
          tags,
          params: fleetParams,
          querystring: z.object({
            ...pageQuery,
            ...presentation,
            vinPrefix: z
              .string()
              .regex(/^[A-Za-z0-9]{1,17}$/, 'Give the first characters of a VIN (letters and digits).')
              .optional()
              .describe('Only vehicles whose VIN starts with this'),
          }),
          response: { 200: collectionOf('vehicles', vehicleItemSchema), ...mirrorErrors(400, 401, 404) },
        },
      },
      async (req, reply) => {
        const p = fleetPaths(req.params.fid);
        const fetch: Fetch<VehicleDto> = req.query.vinPrefix
          ? withVinPrefix(req.query.vinPrefix)
          : (offset, limit) => vehicles.list({ offset, limit });
        const { items, ...page } = pageOf(req.query, p.vehicles, rawQueryOf(req.url), fetch);
        return reply
          .type(HAL)
          .send({ ...page, _embedded: { vehicles: items.map((v) => toVehicleItem(v, p)) } });
      },
    );

    app.get(
      '/:fid/vehicles/:vid',
      {
        schema: {
          operationId: 'getVehicleByid',
          summary: 'One vehicle of the fleet (by its id, or its VIN)',
          tags,
          params: vehicleParams,
          querystring: z.object({ ...stellantisQuery, ...presentation }),
          response: { 200: vehicleItemSchema, ...mirrorErrors(400, 401, 404) },
        },
      },
      async (req, reply) =>
        reply.type(HAL).send(toVehicleItem(vehicles.get(req.params.vid), fleetPaths(req.params.fid))),
    );
  };
}
