// Remote actions: the fleet API's paths under /vehicles/{vid}/callbacks/{cbid}/remotes, plus reads by id.
import { z } from 'zod';
import { pageOf, remoteActionSchema, remotePostResponseSchema } from '../dto.js';
import { ACTION_PHASES, REMOTE_TYPES, WHEN_BUSY } from '../vocabulary.js';
import { defineOperation } from './define.js';
import { exportQuery, exportTypes } from './export-fields.js';
import { idParam, pageQuery } from './fields.js';

const tags = ['remotes'];
const vehicleCallback = z.object({
  vid: idParam.describe('Vehicle id or VIN'),
  cbid: idParam.describe('Callback id'),
});
const rid = idParam.describe('Remote action id (this agent’s, or the network’s)');

/** How a command meets a busy vehicle and how long it may wait (sendRemote, resendRemote). */
const queueQuery = z.object({
  whenBusy: z
    .enum(WHEN_BUSY)
    .optional()
    .describe(
      'Immobilization, Stolen and doors Unlocked are refused (409 ACTION_IN_PROGRESS) while the same feature is ' +
        'busy on the vehicle, and 503 when the network is unreachable, unless this is `queue`. Other commands ' +
        'queue anyway.',
    ),
  expiresInSeconds: z
    .number()
    .int()
    .min(1)
    .max(86_400)
    .optional()
    .describe(
      'How long the command may wait in the queue before it ends Expired, never sent (1–86400 s; default the ' +
        'queueExpiryMinutes setting, 10 minutes).',
    ),
});

export const sendRemote = defineOperation({
  name: 'sendRemote',
  summary: 'Send a remote action (exactly one action per body)',
  description:
    'Immobilization and Stolen need an X-Depot-Reason header (at least 5 characters). The access policy gives ' +
    'each remote a lowest role (403 FORBIDDEN below it); a supervisor may approve one request on a ' +
    "technician's session with X-Depot-Approver and X-Depot-Approver-Pin. X-Depot-Operator is kept as " +
    '"on behalf of" for tokens. While a command of the same feature is in flight on the vehicle (or waits), or ' +
    'while the network is unreachable, the command is answered 202 in phase Queued with its `queue` position ' +
    '(1 = next) and goes by itself, in order, once the one before it settles or the network answers; it ends ' +
    'Expired, never sent, when `expiresInSeconds` pass first. Immobilization, Stolen and doors Unlocked queue ' +
    'only with `whenBusy=queue`.',
  tags,
  http: { method: 'POST', path: '/vehicles/{vid}/callbacks/{cbid}/remotes', status: 202 },
  input: {
    params: vehicleCallback,
    query: queueQuery,
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

export const exportRemotes = defineOperation({
  name: 'exportRemotes',
  summary: 'The history of commands sent in a period as a CSV or JSON Lines file, oldest first (supervisor)',
  description:
    'Streamed as it is read, so a long period costs no memory. `vehicle` keeps one vehicle (id or VIN). 400 ' +
    'VALIDATION_FAILED when `to` is not after `from`.',
  tags,
  http: { method: 'GET', path: '/remotes/export', status: 200, stream: exportTypes },
  input: { query: exportQuery.extend({ vehicle: idParam.optional().describe('Vehicle id or VIN') }) },
  output: z.string(),
  errors: [400, 401, 403, 404],
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

export const cancelRemote = defineOperation({
  name: 'cancelRemote',
  summary: 'Take a queued remote action out of the queue: it ends Cancelled, never sent',
  description:
    'Only a Queued action can be cancelled (409 ACTION_NOT_QUEUED otherwise: it has left the queue). It needs the ' +
    'role the access policy gives its remote; it is recorded in the audit log (remote.cancel).',
  tags,
  http: { method: 'POST', path: '/remotes/{rid}/cancel', status: 200 },
  input: { params: z.object({ rid }), headers: { operator: true, reason: true, approval: true } },
  output: remoteActionSchema,
  errors: [400, 401, 403, 404, 409],
  events: ['action.changed', 'audit.appended'],
});

export const resendRemote = defineOperation({
  name: 'resendRemote',
  summary:
    'Send a failed, refused, expired, cancelled or unanswered remote action again, as a new linked action',
  description:
    'For an action that is Refused, Expired, Cancelled, TimedOut or Done with outcome Failed (409 ' +
    'ACTION_NOT_RESENDABLE otherwise; 409 ACTION_ALREADY_RESENT once it was sent again: send that one again ' +
    'instead). The new action has the same vehicle, callback and body, `resentFrom` the first (which gets ' +
    '`resentAs`); it goes through the same checks as sendRemote (the caller’s role, X-Depot-Reason for ' +
    'Immobilization and Stolen) and the same queue. With `wakeFirst=true` (where the vehicle could not be ' +
    'reached or woken: failure VehicleConnectionTimeout, or no answer while waking it; 409 ' +
    'WAKE_FIRST_NOT_APPLICABLE otherwise) a WakeUp is sent first and the command waits for it: it goes once the ' +
    'WakeUp succeeded, and ends Cancelled (WAKE_UP_FAILED) if it did not.',
  tags,
  http: { method: 'POST', path: '/remotes/{rid}/resend', status: 202 },
  input: {
    params: z.object({ rid }),
    query: queueQuery.extend({
      wakeFirst: z.boolean().optional().describe('Send a WakeUp first; the command waits for it to succeed'),
    }),
    headers: { operator: true, reason: true, approval: true },
  },
  output: remoteActionSchema,
  errors: [400, 401, 403, 404, 409, 422, 429, 502, 503],
  events: ['action.changed', 'audit.appended'],
});
