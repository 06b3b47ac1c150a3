// Quarantine: webhook requests the receiver authenticated but could not apply — the attention list, each request
// as received, replay (e.g. once the action it names exists) and resolve.
import { z } from 'zod';
import {
  quarantineDetailSchema,
  quarantineEntrySchema,
  quarantinePageSchema,
  quarantineReplaySchema,
} from '../quarantine.js';
import { defineOperation } from './define.js';
import { pageQuery } from './fields.js';

const tags = ['quarantine'];
const params = z.object({ id: z.number().int().min(1).describe('Quarantine entry id') });
const actor = { operator: true, reason: true } as const;

export const listQuarantine = defineOperation({
  name: 'listQuarantine',
  summary: 'List quarantined notifications, newest first',
  description:
    'Items carry no body and no errors: read them one entry at a time (GET /quarantine/{id}). ' +
    '`capacity` is the size cap: `full` is true while the receiver answers 500 (QUARANTINE_FULL) to ' +
    'notifications it would have to keep, because only notifications waiting for their remote action ' +
    'remain.',
  tags,
  http: { method: 'GET', path: '/quarantine', status: 200 },
  input: {
    query: pageQuery.extend({
      unresolved: z
        .boolean()
        .optional()
        .describe('true: only those needing attention; false: only resolved ones'),
    }),
  },
  output: quarantinePageSchema,
  errors: [400, 401],
});

export const getQuarantine = defineOperation({
  name: 'getQuarantine',
  summary: 'Read one quarantined notification: the body as received, its headers and why it was kept',
  tags,
  http: { method: 'GET', path: '/quarantine/{id}', status: 200 },
  input: { params },
  output: quarantineDetailSchema,
  errors: [400, 401, 404],
});

export const replayQuarantine = defineOperation({
  name: 'replayQuarantine',
  summary: 'Run a quarantined notification through validation and ingest again',
  description:
    'Applied: every event is stored and the entry is resolved. StillUnknownAction: the events of ' +
    'known actions were applied, the others still wait. StillInvalid: nothing was applied. ' +
    'X-Depot-Operator names the operator for the audit log.',
  tags,
  http: { method: 'POST', path: '/quarantine/{id}/replay', status: 200 },
  input: { params, headers: actor },
  output: quarantineReplaySchema,
  errors: [400, 401, 404, 409],
  events: ['action.changed', 'audit.appended'],
});

export const resolveQuarantine = defineOperation({
  name: 'resolveQuarantine',
  summary: 'Mark a quarantined notification as handled (nothing is applied)',
  description: 'X-Depot-Operator names the operator; X-Depot-Reason is kept in the audit log.',
  tags,
  http: { method: 'POST', path: '/quarantine/{id}/resolve', status: 200 },
  input: { params, headers: actor },
  output: quarantineEntrySchema,
  errors: [400, 401, 404, 409],
  events: ['audit.appended'],
});
