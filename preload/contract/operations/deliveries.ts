// Deliveries: what the agent forwards to each local callback's own webhook — the list with filters, each delivery
// with every attempt, replay of dead letters, test notifications, and target reachability.
import { z } from 'zod';
import {
  deliveryDetailSchema,
  deliveryPageSchema,
  deliveryRetryAllSchema,
  deliverySchema,
  deliveryTargetsSchema,
  testNotificationSchema,
} from '../deliveries.js';
import { DELIVERY_STATES } from '../vocabulary.js';
import { defineOperation } from './define.js';
import { idParam, pageQuery, timestamp } from './fields.js';

const tags = ['deliveries'];
const actor = { operator: true, reason: true } as const;
const delivery = z.object({ id: idParam.describe('Delivery id') });
const callback = z.object({ cbid: idParam.describe('Callback id') });

export const listDeliveries = defineOperation({
  name: 'listDeliveries',
  summary: 'List outbound deliveries, newest first',
  tags,
  http: { method: 'GET', path: '/deliveries', status: 200 },
  input: {
    query: pageQuery.extend({
      callback: idParam.optional().describe('Only this callback’s deliveries'),
      state: z.enum(DELIVERY_STATES).optional().describe('Only deliveries in this state'),
      vehicle: idParam.optional().describe('Only deliveries carrying an event of this vehicle (id or VIN)'),
      since: timestamp.optional().describe('Created at or after'),
      until: timestamp.optional().describe('Created before'),
    }),
  },
  output: deliveryPageSchema,
  errors: [400, 401],
});

export const listDeliveryTargets = defineOperation({
  name: 'listDeliveryTargets',
  summary: 'Reachability of each webhook target, with queued counts per callback',
  tags,
  http: { method: 'GET', path: '/deliveries/targets', status: 200 },
  output: deliveryTargetsSchema,
  errors: [401],
});

export const getDelivery = defineOperation({
  name: 'getDelivery',
  summary: 'Read one delivery with the events it carries and every attempt',
  tags,
  http: { method: 'GET', path: '/deliveries/{id}', status: 200 },
  input: { params: delivery },
  output: deliveryDetailSchema,
  errors: [400, 401, 404],
});

export const retryDelivery = defineOperation({
  name: 'retryDelivery',
  summary: 'Send a dead letter again (or a queued delivery now); same webhook-id',
  tags,
  http: { method: 'POST', path: '/deliveries/{id}/retry', status: 202 },
  input: { params: delivery, headers: actor },
  output: deliverySchema,
  errors: [400, 401, 404, 409],
  events: ['delivery.changed', 'audit.appended'],
});

export const retryCallbackDeliveries = defineOperation({
  name: 'retryCallbackDeliveries',
  summary: 'Send every dead letter (Failed or Dead) of a callback again',
  tags,
  http: { method: 'POST', path: '/callbacks/{cbid}/deliveries/retry', status: 202 },
  input: { params: callback, headers: actor },
  output: deliveryRetryAllSchema,
  errors: [400, 401, 404],
  events: ['delivery.changed', 'audit.appended'],
});

export const sendTestNotification = defineOperation({
  name: 'sendTestNotification',
  summary: 'Queue a clearly marked test notification to the callback’s webhook (answers its delivery id)',
  tags,
  http: { method: 'POST', path: '/callbacks/{cbid}/test-notification', status: 202 },
  input: { params: callback, headers: actor },
  output: testNotificationSchema,
  errors: [400, 401, 404, 409],
  events: ['delivery.changed', 'audit.appended'],
});
