// Remote actions: the fleet API's paths under /vehicles/{vid}/callbacks/{cbid}/remotes, plus reads by id.
import { z } from 'zod';
import { pageOf, remoteActionSchema, remotePostResponseSchema } from '../dto.js';
import { ACTION_PHASES, REMOTE_TYPES } from '../vocabulary.js';
import { defineOperation } from './define.js';
import { idParam, pageQuery } from './fields.js';

const tags = ['remotes'];
const vehicleCallback = z.object({
  vid: idParam.describe('Vehicle id or VIN'),
  cbid: idParam.describe('Callback id'),
});
const rid = idParam.describe('Remote action id (this agent’s, or the network’s)');

export const sendRemote = defineOperation({
  name: 'sendRemote',
  summary: 'Send a remote action (exactly one action per body)',
  description:
    'Immobilization and Stolen need an X-Depot-Reason header (at least 5 characters). The access policy gives ' +
    'each remote a lowest role (403 FORBIDDEN below it); a supervisor may approve one request on a ' +
    "technician's session with X-Depot-Approver and X-Depot-Approver-Pin. X-Depot-Operator is kept as " +
    '"on behalf of" for tokens.',
  tags,
  http: { method: 'POST', path: '/vehicles/{vid}/callbacks/{cbid}/remotes', status: 202 },
  input: {
    params: vehicleCallback,
    domainBody: 'RemoteBody',
    headers: { operator: true, reason: true, approval: true },
  },
  output: remotePostResponseSchema,
  errors: [400, 401, 403, 404, 409, 422, 429, 502, 503],
  events: ['action.changed', 'audit.appended'],
});

export const listVehicleCallbackRemotes = defineOperation({
  name: 'listVehicleCallbackRemotes',
  summary: "List a vehicle's remote actions sent through a callback, newest first",
  tags,
  http: { method: 'GET', path: '/vehicles/{vid}/callbacks/{cbid}/remotes', status: 200 },
  input: { params: vehicleCallback, query: pageQuery },
  output: pageOf(remoteActionSchema),
  errors: [400, 401, 404],
});

export const getVehicleCallbackRemote = defineOperation({
  name: 'getVehicleCallbackRemote',
  summary: 'Read one remote action with its event history',
  tags,
  http: { method: 'GET', path: '/vehicles/{vid}/callbacks/{cbid}/remotes/{rid}', status: 200 },
  input: { params: vehicleCallback.extend({ rid }) },
  output: remoteActionSchema,
  errors: [400, 401, 404],
});

export const listRemotes = defineOperation({
  name: 'listRemotes',
  summary: 'List all remote actions, newest first',
  tags,
  http: { method: 'GET', path: '/remotes', status: 200 },
  input: {
    query: pageQuery.extend({
      vehicle: idParam.optional().describe('Vehicle id or VIN'),
      type: z.enum(REMOTE_TYPES).optional(),
      phase: z.enum(ACTION_PHASES).optional(),
    }),
  },
  output: pageOf(remoteActionSchema),
  errors: [400, 401, 404],
});

export const getRemote = defineOperation({
  name: 'getRemote',
  summary: 'Read one remote action with its whole event history',
  tags,
  http: { method: 'GET', path: '/remotes/{rid}', status: 200 },
  input: { params: z.object({ rid }) },
  output: remoteActionSchema,
  errors: [400, 401, 404],
});
