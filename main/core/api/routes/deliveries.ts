// /api/v1/deliveries — what the agent forwards to each local callback's own webhook: the list with filters,
// each delivery with every attempt, manual replay of dead letters, test notifications, and target reachability.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DELIVERY_STATE_NAMES,
  deliveryDetailSchema,
  deliveryPageSchema,
  deliveryRetryAllSchema,
  deliverySchema,
  deliveryTargetsSchema,
  testNotificationSchema,
} from '../../../../preload/contract/deliveries.js';
import type { OutboxService } from '../../outbox/outbox-service.js';
import { actorOf } from '../request-actor.js';
import { errors, idParam, pageQuery } from '../route-kit.js';

const tags = ['deliveries'];
const timestamp = z.iso
  .datetime({ offset: true, error: 'Give an RFC 3339 date-time, e.g. 2026-01-05T08:00:00Z.' })
  .describe('RFC 3339 date-time');

const listQuery = pageQuery.extend({
  callback: idParam.optional().describe('Only this callback’s deliveries'),
  state: z.enum(DELIVERY_STATE_NAMES).optional().describe('Only deliveries in this state'),
  vehicle: idParam.optional().describe('Only deliveries carrying an event of this vehicle (id or VIN)'),
  since: timestamp.optional().describe('Created at or after'),
  until: timestamp.optional().describe('Created before'),
});

type DeliveryService = Pick<
  OutboxService,
  'list' | 'get' | 'retry' | 'retryCallback' | 'sendTest' | 'targets'
>;

/** Registered with the outbox's `service` (createOutbox(...).service). */
export function deliveryRoutes(deliveries: DeliveryService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/deliveries',
      {
        schema: {
          tags,
          summary: 'List outbound deliveries, newest first',
          querystring: listQuery,
          response: { 200: deliveryPageSchema, ...errors(400, 401) },
        },
      },
      async (req) =>
        deliveries.list({
          callbackId: req.query.callback,
          state: req.query.state,
          vehicle: req.query.vehicle,
          since: req.query.since,
          until: req.query.until,
          limit: req.query.limit,
          offset: req.query.offset,
        }),
    );

    app.get(
      '/deliveries/targets',
      {
        schema: {
          tags,
          summary: 'Reachability of each webhook target, with queued counts per callback',
          response: { 200: deliveryTargetsSchema, ...errors(401) },
        },
      },
      async () => deliveries.targets(),
    );

    app.get(
      '/deliveries/:id',
      {
        schema: {
          tags,
          summary: 'Read one delivery with the events it carries and every attempt',
          params: z.object({ id: idParam }),
          response: { 200: deliveryDetailSchema, ...errors(401, 404) },
        },
      },
      async (req) => deliveries.get(req.params.id),
    );

    app.post(
      '/deliveries/:id/retry',
      {
        schema: {
          tags,
          summary: 'Send a dead letter again (or a queued delivery now); same webhook-id',
          params: z.object({ id: idParam }),
          response: { 202: deliverySchema, ...errors(401, 404, 409) },
        },
      },
      async (req, reply) => reply.status(202).send(deliveries.retry(req.params.id, actorOf(req))),
    );

    app.post(
      '/callbacks/:cbid/deliveries/retry',
      {
        schema: {
          tags,
          summary: 'Send every dead letter (Failed or Dead) of a callback again',
          params: z.object({ cbid: idParam }),
          response: { 202: deliveryRetryAllSchema, ...errors(401, 404) },
        },
      },
      async (req, reply) => reply.status(202).send(deliveries.retryCallback(req.params.cbid, actorOf(req))),
    );

    app.post(
      '/callbacks/:cbid/test-notification',
      {
        schema: {
          tags,
          summary:
            'Queue a clearly marked test notification to the callback’s webhook (answers its delivery id)',
          params: z.object({ cbid: idParam }),
          response: { 202: testNotificationSchema, ...errors(401, 404) },
        },
      },
      async (req, reply) => reply.status(202).send(deliveries.sendTest(req.params.cbid, actorOf(req))),
    );
  };
}
