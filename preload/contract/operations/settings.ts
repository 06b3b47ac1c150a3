// The agent's settings: what it runs with, and saving changes for its next start.
import { settingsInputSchema, settingsSchema } from '../settings.js';
import { defineOperation } from './define.js';

const tags = ['settings'];

export const getSettings = defineOperation({
  name: 'getSettings',
  summary: 'The agent settings',
  tags,
  http: { method: 'GET', path: '/settings', status: 200 },
  output: settingsSchema,
  errors: [401, 404],
});

export const putSettings = defineOperation({
  name: 'putSettings',
  summary: 'Save settings; they apply at the next start (restartRequired says so)',
  tags,
  http: { method: 'PUT', path: '/settings', status: 200 },
  input: { body: settingsInputSchema, headers: { operator: true, reason: true } },
  output: settingsSchema,
  errors: [400, 401, 404],
  events: ['audit.appended'],
});
