// Depot routines (issue 16): vehicle groups, one command to many vehicles with a per-vehicle report, and schedules
// that start such a command at set times. Who may: groups are read by anyone signed in and edited by technicians;
// a bulk command needs the role the access policy gives its remote; schedules are made by supervisors and admins.
import { z } from 'zod';
import {
  bulkAcceptedSchema,
  bulkBodySchema,
  bulkPlanSchema,
  bulkSchema,
  bulkSummarySchema,
  groupBodySchema,
  groupSchema,
  scheduleBodySchema,
  scheduleRunSchema,
  scheduleSchema,
  scheduleStatusBodySchema,
} from '../routines.js';
import { WHEN_BUSY } from '../vocabulary.js';
import { defineOperation, NO_CONTENT } from './define.js';
import { idParam, pageQuery } from './fields.js';

const actor = { operator: true, reason: true } as const;
const groupId = z.object({ id: idParam.describe('Group id') });
const bulkId = z.object({ bulkId: idParam.describe('Bulk command id') });
const scheduleId = z.object({ id: idParam.describe('Schedule id') });

// ── groups ────────────────────────────────────────────────────────────────────────────────────────────────────

export const listGroups = defineOperation({
  name: 'listGroups',
  summary: 'List vehicle groups (a filter group lists the vehicles matching it now)',
  tags: ['groups'],
  http: { method: 'GET', path: '/groups', status: 200 },
  output: z.object({ items: z.array(groupSchema), total: z.number().int() }),
  errors: [401],
});

export const createGroup = defineOperation({
  name: 'createGroup',
  summary: 'Create a vehicle group: explicit members (vehicle ids or VINs) or a saved fleet filter',
  description: 'Technicians and above (403 FORBIDDEN below). Names are unique (409 GROUP_NAME_TAKEN).',
  tags: ['groups'],
  http: { method: 'POST', path: '/groups', status: 201 },
  input: { body: groupBodySchema, headers: actor },
  output: groupSchema,
  errors: [400, 401, 403, 404, 409],
  events: ['group.changed', 'audit.appended'],
});

export const getGroup = defineOperation({
  name: 'getGroup',
  summary: 'Read a vehicle group with its vehicles',
  tags: ['groups'],
  http: { method: 'GET', path: '/groups/{id}', status: 200 },
  input: { params: groupId },
  output: groupSchema,
  errors: [400, 401, 404],
});

export const replaceGroup = defineOperation({
  name: 'replaceGroup',
  summary: 'Replace a vehicle group (its name and its members or filter)',
  tags: ['groups'],
  http: { method: 'PUT', path: '/groups/{id}', status: 200 },
  input: { params: groupId, body: groupBodySchema, headers: actor },
  output: groupSchema,
  errors: [400, 401, 403, 404, 409],
  events: ['group.changed', 'audit.appended'],
});

export const deleteGroup = defineOperation({
  name: 'deleteGroup',
  summary: 'Delete a vehicle group',
  description:
    'Refused while a schedule uses it (409 GROUP_IN_USE); bulk commands already started keep going.',
  tags: ['groups'],
  http: { method: 'DELETE', path: '/groups/{id}', status: 204 },
  input: { params: groupId, headers: actor },
  output: NO_CONTENT,
  errors: [400, 401, 403, 404, 409],
  events: ['group.changed', 'audit.appended'],
});

// ── bulk commands ─────────────────────────────────────────────────────────────────────────────────────────────

export const startBulkRemote = defineOperation({
  name: 'startBulkRemote',
  summary: 'Send one remote to many vehicles (a list or a group), with a report per vehicle',
  description:
    'Answers 202 with the `bulkId`; with `dryRun=true`, 200 with the plan (who would be sent, who skipped and ' +
    'why) and nothing stored or sent. Each vehicle is checked first (capability, stolen mode, a busy feature ' +
    'for remotes queued only when asked, the wake-up budget) and skipped with a reason rather than failing the ' +
    'lot; a vehicle with the same feature in flight joins its queue. Sending is paced by the ' +
    '`routines.bulkRatePerMinute` setting. Needs the role the access policy gives the remote, and ' +
    'X-Depot-Reason for Immobilization and Stolen. A bulk survives a restart and never sends a vehicle twice.',
  tags: ['bulk-remotes'],
  http: {
    method: 'POST',
    path: '/bulk-remotes',
    status: 202,
    alternate: { whenQuery: 'dryRun', status: 200, output: bulkPlanSchema },
  },
  input: {
    query: z.object({
      dryRun: z.boolean().optional().describe('Plan only: nothing is stored or sent'),
      whenBusy: z
        .enum(WHEN_BUSY)
        .optional()
        .describe('For Immobilization, Stolen and doors Unlocked: `queue` lets busy vehicles queue'),
      expiresInSeconds: z
        .number()
        .int()
        .min(1)
        .max(86_400)
        .optional()
        .describe('How long each command may wait in its vehicle’s queue (default the setting)'),
    }),
    body: bulkBodySchema,
    headers: { operator: true, reason: true, approval: true },
  },
  output: bulkAcceptedSchema,
  // 409: the callback is paused; 429: the approving supervisor is locked after wrong PINs.
  errors: [400, 401, 403, 404, 409, 422, 429],
  events: ['bulk.changed', 'audit.appended'],
});

export const listBulkRemotes = defineOperation({
  name: 'listBulkRemotes',
  summary: 'List bulk commands, newest first, with their counts',
  tags: ['bulk-remotes'],
  http: { method: 'GET', path: '/bulk-remotes', status: 200 },
  input: { query: pageQuery },
  output: z.object({ items: z.array(bulkSummarySchema), total: z.number().int() }),
  errors: [400, 401],
});

export const getBulkRemote = defineOperation({
  name: 'getBulkRemote',
  summary: 'Read a bulk command: its counts and, per vehicle, its state, reason, action and outcome',
  tags: ['bulk-remotes'],
  http: { method: 'GET', path: '/bulk-remotes/{bulkId}', status: 200 },
  input: { params: bulkId },
  output: bulkSchema,
  errors: [400, 401, 404],
});

export const cancelBulkRemote = defineOperation({
  name: 'cancelBulkRemote',
  summary: 'Cancel a bulk command: vehicles not yet sent are cancelled; those sent keep going',
  tags: ['bulk-remotes'],
  http: { method: 'POST', path: '/bulk-remotes/{bulkId}/cancel', status: 200 },
  input: { params: bulkId, headers: actor },
  output: bulkSchema,
  errors: [400, 401, 403, 404, 409],
  events: ['bulk.changed', 'audit.appended'],
});

export const getBulkRemoteReport = defineOperation({
  name: 'getBulkRemoteReport',
  summary:
    'The report of a bulk command as CSV: one row per vehicle (VIN, label, state, outcome, cause, times)',
  tags: ['bulk-remotes'],
  http: {
    method: 'GET',
    path: '/bulk-remotes/{bulkId}/report.csv',
    status: 200,
    produces: 'text/csv',
    filename: 'bulk-{bulkId}.csv',
  },
  input: { params: bulkId },
  output: z.string(),
  errors: [400, 401, 404],
});

// ── schedules ─────────────────────────────────────────────────────────────────────────────────────────────────

export const listSchedules = defineOperation({
  name: 'listSchedules',
  summary: 'List schedules with their next run',
  tags: ['schedules'],
  http: { method: 'GET', path: '/schedules', status: 200 },
  output: z.object({ items: z.array(scheduleSchema), total: z.number().int() }),
  errors: [401],
});

export const createSchedule = defineOperation({
  name: 'createSchedule',
  summary: 'Schedule a remote for a group or vehicles on set days at a set time (the site’s time zone)',
  description:
    'Supervisors and admins (403 FORBIDDEN below). Immobilization and Stolen cannot be scheduled (422 ' +
    'NOT_SCHEDULABLE). Each run is a bulk command that acts with its creator’s role at that time. A run whose ' +
    'time passed while the agent was off runs on start within the `routines.scheduleGraceMinutes` setting, and ' +
    'is recorded `missed` otherwise. A time inside a daylight-saving gap runs at the first instant after it; a ' +
    'repeated hour runs once.',
  tags: ['schedules'],
  http: { method: 'POST', path: '/schedules', status: 201 },
  input: { body: scheduleBodySchema, headers: actor },
  output: scheduleSchema,
  errors: [400, 401, 403, 404, 422],
  events: ['schedule.changed', 'audit.appended'],
});

export const getSchedule = defineOperation({
  name: 'getSchedule',
  summary: 'Read a schedule',
  tags: ['schedules'],
  http: { method: 'GET', path: '/schedules/{id}', status: 200 },
  input: { params: scheduleId },
  output: scheduleSchema,
  errors: [400, 401, 404],
});

export const replaceSchedule = defineOperation({
  name: 'replaceSchedule',
  summary: 'Replace a schedule (its name, remote, vehicles and rule)',
  tags: ['schedules'],
  http: { method: 'PUT', path: '/schedules/{id}', status: 200 },
  input: { params: scheduleId, body: scheduleBodySchema, headers: actor },
  output: scheduleSchema,
  errors: [400, 401, 403, 404, 422],
  events: ['schedule.changed', 'audit.appended'],
});

export const deleteSchedule = defineOperation({
  name: 'deleteSchedule',
  summary: 'Delete a schedule (its runs stay in the audit log; a bulk it started keeps going)',
  tags: ['schedules'],
  http: { method: 'DELETE', path: '/schedules/{id}', status: 204 },
  input: { params: scheduleId, headers: actor },
  output: NO_CONTENT,
  errors: [400, 401, 403, 404],
  events: ['schedule.changed', 'audit.appended'],
});

export const setScheduleStatus = defineOperation({
  name: 'setScheduleStatus',
  summary: 'Pause or resume a schedule',
  tags: ['schedules'],
  http: { method: 'PUT', path: '/schedules/{id}/status', status: 200 },
  input: { params: scheduleId, body: scheduleStatusBodySchema, headers: actor },
  output: scheduleSchema,
  errors: [400, 401, 403, 404],
  events: ['schedule.changed', 'audit.appended'],
});

export const listScheduleRuns = defineOperation({
  name: 'listScheduleRuns',
  summary: 'A schedule’s runs, newest first: ran (with its bulk command), missed or failed',
  tags: ['schedules'],
  http: { method: 'GET', path: '/schedules/{id}/runs', status: 200 },
  input: { params: scheduleId, query: pageQuery },
  output: z.object({ items: z.array(scheduleRunSchema), total: z.number().int() }),
  errors: [400, 401, 404],
});
