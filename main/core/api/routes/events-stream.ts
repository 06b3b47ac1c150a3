// GET /api/v1/events: server-sent events for every committed change (see preload/contract/events.ts).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { EventBus } from '../../events/event-bus.js';

const HEARTBEAT_MS = 15_000;

export function eventStreamRoutes(bus: EventBus): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/events',
      {
        schema: {
          tags: ['events'],
          summary:
            'Live changes as server-sent events (action.changed, callback.changed, vehicle.changed, audit.appended)',
          produces: ['text/event-stream'],
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
        res.write(': connected\n\n');
        let id = 0;
        const unsubscribe = bus.subscribe((event) => {
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
