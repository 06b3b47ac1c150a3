// The Stellantis fleet API mirror: the fleet API's own paths, bodies, HAL shapes, paging and status codes under
// /api/v1/fleets, over the same services as the local API, so a client written for Stellantis needs only a new base
// URL (<agent>/api/v1) and the bearer token. Registered inside the API's authenticated context with the prefix
// /fleets: every route needs the token, and unknown paths below it answer in the fleet API's error shape too.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorBody } from '../../api-error.js';
import { notFound } from '../../../kernel/service-error.js';
import { callbackRoutes } from './callback-routes.js';
import { fleetRoutes } from './fleet-routes.js';
import { mirrorErrorShape } from './mirror-errors.js';
import type { FleetMirrorDeps } from './mirror-kit.js';
import { remoteRoutes } from './remote-routes.js';
import { vehicleRoutes } from './vehicle-routes.js';

export type { FleetMirrorDeps } from './mirror-kit.js';

export function fleetMirrorRoutes(deps: FleetMirrorDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preSerialization', mirrorErrorShape(deps.now));
    // {fid} is the one fleet this agent serves; any other is unknown here, whatever the rest of the path.
    app.addHook('preHandler', async (request) => {
      const fid = (request.params as { fid?: unknown } | undefined)?.fid;
      if (typeof fid !== 'string') return;
      const served = deps.fleetId();
      if (fid !== served) {
        throw served === null
          ? notFound('FLEET_NOT_FOUND', { fid }, 'errors:code.FLEET_NOT_FOUND.none')
          : notFound('FLEET_NOT_FOUND', { fid, served });
      }
    });
    app.setNotFoundHandler((request, reply) =>
      reply.status(404).send(
        errorBody(request, 'ROUTE_NOT_FOUND', {
          params: { method: request.method, path: request.url.split('?')[0] ?? '' },
          key: 'errors:code.ROUTE_NOT_FOUND.mirror',
        }),
      ),
    );
    await app.register(fleetRoutes(deps));
    await app.register(vehicleRoutes(deps));
    await app.register(callbackRoutes(deps));
    await app.register(remoteRoutes(deps));
  };
}
