import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageOf, vehicleSchema } from '../../../../preload/contract/dto.js';
import type { VehiclesService } from '../../services/vehicles-service.js';
import { errors, idParam, pageQuery } from '../route-kit.js';

const tags = ['vehicles'];

export function vehicleRoutes(vehicles: VehiclesService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/vehicles',
      {
        schema: {
          tags,
          summary: "List the fleet's vehicles with their capabilities and last known status",
          querystring: pageQuery.extend({
            search: z.string().max(100).optional().describe('Part of a VIN, label, brand or model'),
          }),
          response: { 200: pageOf(vehicleSchema), ...errors(400, 401) },
        },
      },
      async (req) => vehicles.list(req.query),
    );

    app.get(
      '/vehicles/:vid',
      {
        schema: {
          tags,
          summary: 'Read a vehicle (by its id or its VIN)',
          params: z.object({ vid: idParam }),
          response: { 200: vehicleSchema, ...errors(401, 404) },
        },
      },
      async (req) => vehicles.get(req.params.vid),
    );
  };
}
