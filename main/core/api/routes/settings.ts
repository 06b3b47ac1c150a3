// GET/PUT /api/v1/settings: what the agent runs with, and saving changes for its next start.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  settingsInputSchema,
  settingsSchema,
  type SettingsDto,
} from '../../../../preload/contract/settings.js';
import type { Actor } from '../../services/actor.js';
import { actorOf } from '../request-actor.js';
import { errors } from '../route-kit.js';

export interface SettingsPort {
  get(): Promise<SettingsDto>;
  put(input: unknown, actor: Actor): Promise<SettingsDto>;
}

const tags = ['settings'];

export function settingsRoutes(settings: SettingsPort): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/settings',
      { schema: { tags, summary: 'The agent settings', response: { 200: settingsSchema, ...errors(401) } } },
      async () => settings.get(),
    );
    app.put(
      '/settings',
      {
        schema: {
          tags,
          summary: 'Save settings; they apply at the next start (restartRequired says so)',
          body: settingsInputSchema,
          response: { 200: settingsSchema, ...errors(400, 401) },
        },
      },
      async (req) => settings.put(req.body, actorOf(req)),
    );
  };
}
