// /api/v1/quarantine — webhook requests the receiver authenticated but could not apply: the attention list,
// each request as received, replay (e.g. once the action it names exists) and resolve.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  quarantineDetailSchema,
  quarantineEntrySchema,
  quarantinePageSchema,
  quarantineReplaySchema,
} from '../../../../preload/contract/quarantine.js';
import type { QuarantineService } from '../../receiver/quarantine-service.js';
import { actorOf } from '../request-actor.js';
import { errors, pageQuery } from '../route-kit.js';

const tags = ['quarantine'];
const params = z.object({ id: z.coerce.number().int().min(1).describe('Quarantine entry id') });

export function quarantineRoutes(quarantine: QuarantineService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/quarantine',
      {
        schema: {
          tags,
          summary: 'List quarantined notifications, newest first',
          description:
            'Items carry no body and no errors: read them one entry at a time (GET /quarantine/{id}). ' +
            '`capacity` is the size cap: `full` is true while the receiver answers 500 (QUARANTINE_FULL) to ' +
            'notifications it would have to keep, because only notifications waiting for their remote action ' +
            'remain.',
          querystring: pageQuery.extend({
            unresolved: z
              .enum(['true', 'false'])
              .transform((v) => v === 'true')
              .optional()
              .describe('true: only those needing attention; false: only resolved ones'),
          }),
          response: { 200: quarantinePageSchema, ...errors(400, 401) },
        },
      },
      async (req) => quarantine.list(req.query),
    );

    app.get(
      '/quarantine/:id',
      {
        schema: {
          tags,
          summary: 'Read one quarantined notification: the body as received, its headers and why it was kept',
          params,
          response: { 200: quarantineDetailSchema, ...errors(400, 401, 404) },
        },
      },
      async (req) => quarantine.get(req.params.id),
    );

    app.post(
      '/quarantine/:id/replay',
      {
        schema: {
          tags,
          summary: 'Run a quarantined notification through validation and ingest again',
          description:
            'Applied: every event is stored and the entry is resolved. StillUnknownAction: the events of ' +
            'known actions were applied, the others still wait. StillInvalid: nothing was applied. ' +
            'X-Depot-Operator names the operator for the audit log.',
          params,
          response: { 200: quarantineReplaySchema, ...errors(400, 401, 404, 409) },
        },
      },
      async (req) => quarantine.replay(req.params.id, actorOf(req)),
    );

    app.post(
      '/quarantine/:id/resolve',
      {
        schema: {
          tags,
          summary: 'Mark a quarantined notification as handled (nothing is applied)',
          description: 'X-Depot-Operator names the operator; X-Depot-Reason is kept in the audit log.',
          params,
          response: { 200: quarantineEntrySchema, ...errors(400, 401, 404, 409) },
        },
      },
      async (req) => quarantine.resolve(req.params.id, actorOf(req)),
    );
  };
}
