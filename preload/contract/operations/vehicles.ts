// The fleet: vehicles with their capabilities and condition (cached, so it works offline). The list leaves out each
// vehicle's raw status (two thirds of the bytes of a 2,000-vehicle fleet); one vehicle read by itself carries it.
import { z } from 'zod';
import { pageOf, vehicleSchema, vehicleSummarySchema } from '../dto.js';
import { VEHICLE_READINESS, VEHICLE_SORTS, VEHICLE_STATES } from '../vocabulary.js';
import { defineOperation } from './define.js';
import { idParam, pageQuery } from './fields.js';

export const listVehicles = defineOperation({
  name: 'listVehicles',
  summary: "List the fleet's vehicles with their capabilities, condition and the age of their status",
  description:
    'Each vehicle carries its `states` (with where each was learnt), the wake-ups counted this month against the ' +
    'budget in the settings (estimated), its `readiness` and when its status was last read (`statusAt`); the ' +
    'status itself is read with `GET /vehicles/{vid}`. `state` and `readiness` take several values, repeated ' +
    'or comma-separated: a vehicle matches when it shows any of them.',
  tags: ['vehicles'],
  http: { method: 'GET', path: '/vehicles', status: 200 },
  input: {
    query: pageQuery.extend({
      // The whole fleet in one page: the fleet view filters and sorts it as the technician types.
      limit: z.number().int().min(1).max(5000).default(50).describe('Items per page (1–5000)'),
      search: z.string().max(100).optional().describe('Part of a VIN, label, brand or model'),
      state: z
        .array(z.enum(VEHICLE_STATES))
        .max(VEHICLE_STATES.length)
        .optional()
        .describe('Only vehicles showing any of these states'),
      readiness: z
        .array(z.enum(VEHICLE_READINESS))
        .max(VEHICLE_READINESS.length)
        .optional()
        .describe('Only vehicles with one of these readiness codes'),
      sort: z
        .enum(VEHICLE_SORTS)
        .default('vin')
        .describe(
          'Order: vin, label, statusAt (never read first), state (the most pressing readiness first)',
        ),
      order: z.enum(['asc', 'desc']).default('asc'),
    }),
  },
  output: pageOf(vehicleSummarySchema),
  errors: [400, 401],
});

export const getVehicle = defineOperation({
  name: 'getVehicle',
  summary: 'Read a vehicle (by its id or its VIN) with its condition and its last known status',
  tags: ['vehicles'],
  http: { method: 'GET', path: '/vehicles/{vid}', status: 200 },
  input: { params: z.object({ vid: idParam.describe('Vehicle id or VIN') }) },
  output: vehicleSchema,
  errors: [400, 401, 404],
});
