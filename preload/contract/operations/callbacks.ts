// Callbacks: the fleet API's callback resource (RemoteCallbackSubscribe bodies), stored locally. Bodies are the
// domain's to validate (DOMAIN_BODIES).
import { z } from 'zod';
import { callbackSchema } from '../dto.js';
import { defineOperation, NO_CONTENT } from './define.js';
import { idParam } from './fields.js';

const tags = ['callbacks'];
const params = z.object({ cbid: idParam.describe('Callback id') });
const actor = { operator: true, reason: true } as const;

export const listCallbacks = defineOperation({
  name: 'listCallbacks',
  summary: 'List callbacks',
  tags,
  http: { method: 'GET', path: '/callbacks', status: 200 },
  output: z.object({ items: z.array(callbackSchema), total: z.number().int() }),
  errors: [401],
});

export const getCallback = defineOperation({
  name: 'getCallback',
  summary: 'Read a callback',
  tags,
  http: { method: 'GET', path: '/callbacks/{cbid}', status: 200 },
  input: { params },
  output: callbackSchema,
  errors: [400, 401, 404],
});

export const createCallback = defineOperation({
  name: 'createCallback',
  summary: 'Create a callback (answers 201 with it; the signing secret is shown in clear only here)',
  tags,
  http: { method: 'POST', path: '/callbacks', status: 201 },
  input: { domainBody: 'CallbackBody', headers: actor },
  output: callbackSchema,
  errors: [400, 401],
  events: ['callback.changed', 'audit.appended'],
});

export const replaceCallback = defineOperation({
  name: 'replaceCallback',
  summary: 'Replace a callback (the whole object, as the fleet API); the built-in one takes only its name',
  tags,
  http: { method: 'PUT', path: '/callbacks/{cbid}', status: 200 },
  input: { params, domainBody: 'CallbackReplaceBody', headers: actor },
  output: callbackSchema,
  errors: [400, 401, 404, 422],
  events: ['callback.changed', 'audit.appended'],
});

export const setCallbackStatus = defineOperation({
  name: 'setCallbackStatus',
  summary: 'Pause or resume a callback',
  tags,
  http: { method: 'PUT', path: '/callbacks/{cbid}/status', status: 200 },
  input: { params, domainBody: 'CallbackStatusBody', headers: actor },
  output: callbackSchema,
  errors: [400, 401, 404],
  events: ['callback.changed', 'audit.appended'],
});

export const deleteCallback = defineOperation({
  name: 'deleteCallback',
  summary:
    'Delete a callback (refused while remote actions through it are in progress, and for the built-in one)',
  tags,
  http: { method: 'DELETE', path: '/callbacks/{cbid}', status: 204 },
  input: { params, headers: actor },
  output: NO_CONTENT,
  errors: [400, 401, 404, 409],
  events: ['callback.changed', 'audit.appended'],
});
