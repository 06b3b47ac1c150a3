// The fleet: vehicles with their capabilities (cached, so it works offline).
import { z } from 'zod';
import { pageOf, vehicleSchema } from '../dto.js';
import { defineOperation } from './define.js';
import { idParam, pageQuery } from './fields.js';

export const listVehicles = defineOperation({
  name: 'listVehicles',
  summary: "List the fleet's vehicles with their capabilities and last known status",
  tags: ['vehicles'],
  http: { method: 'GET', path: '/vehicles', status: 200 },
  input: {
    query: pageQuery.extend({
      search: z.string().max(100).optional().describe('Part of a VIN, label, brand or model'),
    }),
  },
  output: pageOf(vehicleSchema),
  errors: [400, 401],
});

export const getVehicle = defineOperation({
  name: 'getVehicle',
  summary: 'Read a vehicle (by its id or its VIN)',
  tags: ['vehicles'],
  http: { method: 'GET', path: '/vehicles/{vid}', status: 200 },
  input: { params: z.object({ vid: idParam.describe('Vehicle id or VIN') }) },
  output: vehicleSchema,
  errors: [400, 401, 404],
});
