// GET /api/v1/events: server-sent events for every committed change (see preload/contract/events.ts).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CHANGE_EVENT_NAMES } from '../../../../preload/contract/events.js';
import type { ChangeFeed } from '../../events/change-feed.js';
import { errors } from '../route-kit.js';

const HEARTBEAT_MS = 15_000;

export function eventStreamRoutes(changes: ChangeFeed): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/events',
      {
        schema: {
          operationId: 'streamEvents',
          tags: ['events'],
          summary: `Live changes as server-sent events (${CHANGE_EVENT_NAMES.join(', ')})`,
          produces: ['text/event-stream'],
          response: {
            200: z
              .string()
              .describe(
                'A text/event-stream: each change is `id: <n>`, `event: <name>` and `data: <the change as JSON>` ' +
                  '(shapes in the ChangeEvent schemas); comment lines keep a quiet stream open.',
              ),
            ...errors(401, 429),
          },
        },
      },
      (req, reply) => {
        reply.hijack();
        const res = reply.raw;
        res.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-store',
          connection: 'keep-alive',
          'x-accel-buffering': 'no',
        });
        // HEAD (Fastify answers it for every GET) gets the headers only: a stream it can never read would
        // otherwise stay open with nothing sent.
        if (req.method === 'HEAD') {
          res.end();
          return;
        }
        res.write(': connected\n\n');
        let id = 0;
        const unsubscribe = changes.subscribe((event) => {
          id += 1;
          res.write(`id: ${id}\nevent: ${event.name}\ndata: ${JSON.stringify(event.data)}\n\n`);
        });
        // Comments keep proxies and idle timers from closing a quiet stream.
        const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
        heartbeat.unref();
        req.raw.on('close', () => {
          clearInterval(heartbeat);
          unsubscribe();
        });
      },
    );
  };
}
