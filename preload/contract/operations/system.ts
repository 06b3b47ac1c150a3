// Health, the audit log and the support bundle.
import { z } from 'zod';
import { diagnosticsBundleSchema } from '../diagnostics.js';
import { auditEntrySchema, healthSchema } from '../dto.js';
import { defineOperation } from './define.js';
import { exportQuery, exportTypes } from './export-fields.js';

export const health = defineOperation({
  name: 'health',
  summary:
    'Liveness: "ok" or "degraded" for anyone; with the token also the reason, version, connector and uptime',
  tags: ['system'],
  http: { method: 'GET', path: '/health', status: 200, public: true },
  output: healthSchema,
  // Public, yet a wrong bearer token still counts against the caller's address (auth.ts).
  errors: [429],
});

export const listAudit = defineOperation({
  name: 'listAudit',
  summary: 'The append-only audit log, newest first',
  tags: ['audit'],
  http: { method: 'GET', path: '/audit', status: 200 },
  input: {
    query: z.object({
      limit: z.number().int().min(1).max(500).default(100).describe('Entries per page (1–500)'),
      beforeSeq: z.number().int().min(1).optional().describe('Only entries older than this one'),
      vin: z.string().max(17).optional(),
      action: z.string().max(50).optional().describe('e.g. remote.send, callback.create'),
      operator: z.string().max(200).optional().describe("An operator's or token's id, or a name as recorded"),
    }),
  },
  output: z.object({ items: z.array(auditEntrySchema) }),
  errors: [400, 401],
});

export const exportAudit = defineOperation({
  name: 'exportAudit',
  summary: 'The audit log of a period as a CSV or JSON Lines file, oldest first (admin)',
  description:
    'Streamed as it is read, so a long period costs no memory. `operator` keeps one operator or token (its id, or ' +
    'a name as recorded). 400 VALIDATION_FAILED when `to` is not after `from`.',
  tags: ['audit'],
  http: { method: 'GET', path: '/audit/export', status: 200, stream: exportTypes },
  input: {
    query: exportQuery.extend({
      operator: z.string().max(200).optional().describe("An operator's or token's id, or a name as recorded"),
    }),
  },
  output: z.string(),
  errors: [400, 401, 403],
});

export const getDiagnostics = defineOperation({
  name: 'getDiagnostics',
  summary: 'The support bundle of the running agent as a JSON file, secrets removed (admin)',
  description:
    "What `npm run agent -- diagnostics` writes for this agent's data folder: versions, settings without their " +
    "secrets, the database's integrity and counts, the connection checked without the network, and the end of the " +
    'log with secrets masked. Saved as depot-remote-support-<UTC time without colons>.json.',
  tags: ['system'],
  http: {
    method: 'GET',
    path: '/diagnostics',
    status: 200,
    filename: 'depot-remote-support-{createdAt}.json',
  },
  output: diagnosticsBundleSchema,
  errors: [401, 403],
});
