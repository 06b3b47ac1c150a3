// Updates without internet (issue 18): the feed setting, a check on request, and installing what was downloaded.
import { z } from 'zod';
import { updateSettingsInputSchema, updateStatusSchema } from '../updates.js';
import { defineOperation } from './define.js';

const tags = ['updates'];

export const getUpdates = defineOperation({
  name: 'getUpdates',
  summary: 'The running version, the update feed and what it offers',
  description:
    '`runtime` says whether this app installs updates itself (`install`, the desktop) or only says how to (`tell`, ' +
    'the headless agent). `state` follows a check: idle, checking, available, downloading, ready, up-to-date or error.',
  tags,
  http: { method: 'GET', path: '/updates', status: 200 },
  output: updateStatusSchema,
  errors: [401],
});

export const putUpdateSettings = defineOperation({
  name: 'putUpdateSettings',
  summary: 'Set the update feed (admin): an http://, https:// or file:// address, or empty for no updates',
  description:
    '400 UPDATE_FEED_INVALID (params.reason: scheme, credentials or malformed) when the address cannot be a feed. ' +
    'Audited as updates.settings.change.',
  tags,
  http: { method: 'PUT', path: '/updates/settings', status: 200 },
  input: { body: updateSettingsInputSchema, headers: { reason: true } },
  output: updateStatusSchema,
  errors: [400, 401, 403],
  events: ['audit.appended', 'update.changed'],
});

export const checkForUpdates = defineOperation({
  name: 'checkForUpdates',
  summary: 'Check the update feed now (admin); the desktop then downloads what it finds',
  description:
    'Answers once the feed was read; the download goes on and is followed by update.changed events. ' +
    '409 UPDATE_FEED_NOT_SET when no feed is set.',
  tags,
  http: { method: 'POST', path: '/updates/check', status: 200 },
  output: updateStatusSchema,
  errors: [401, 403, 409],
  events: ['update.changed'],
});

export const installUpdate = defineOperation({
  name: 'installUpdate',
  summary: 'Restart now to install the downloaded update (admin, desktop only)',
  description:
    '409 UPDATE_BUSY while commands are in flight (params.actions, params.bulks): never in the middle of one. ' +
    '409 UPDATE_CANNOT_INSTALL on the headless agent, 404 UPDATE_NOT_READY when nothing was downloaded. ' +
    'Audited as updates.install.',
  tags,
  http: { method: 'POST', path: '/updates/install', status: 202 },
  input: { headers: { reason: true } },
  output: z.object({ version: z.string() }),
  errors: [401, 403, 404, 409],
  events: ['audit.appended'],
});
