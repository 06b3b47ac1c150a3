// The local REST API (/api/v1). Built without listening, so tests use inject() or listen on port 0.
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Core } from '../create-core.js';
import type { Logger } from '../ports/logger.js';
import { createErrorHandler, errorBody } from './api-error.js';
import { documentCallbackAliases, pruneUnusedSchemas } from './openapi-document.js';
import { createAuthHook } from './auth.js';
import { createFailureLimiter } from './security/failure-limiter.js';
import { createHostGuard, hostRules } from './security/host-guard.js';
import { guardOrigin } from './security/origin-guard.js';
import { frameworkErrors, writeClientError } from './security/pre-routing-errors.js';
import type { OperationRegistry } from '../../../preload/contract/operations/define.js';
import type { Operations } from '../../../preload/contract/operations/index.js';
import { OPERATIONS } from '../../../preload/contract/operations/index.js';
import { createOperationHandlers } from '../operations/handlers.js';
import type { ConnectionPort, SettingsPort } from '../operations/ports.js';
import { operationRoutes, type OperationRoutesOptions } from './operation-routes.js';
import { eventStreamRoutes } from './routes/events-stream.js';
import { openapiRoute } from './routes/openapi.js';
import { fleetMirrorRoutes } from './routes/fleet-mirror/index.js';
import { createSessions } from './security/sessions.js';
import { staticRenderer } from './static-renderer.js';

export interface ApiDeps<R extends OperationRegistry = Operations> {
  core: Pick<Core, 'services' | 'changes' | 'connectorName' | 'fleetId' | 'identity' | 'dataFolder'>;
  /** The machine token (the api-token file). */
  token: string;
  logger: Logger;
  version: string;
  now?: () => number;
  /** Web mode: serve the renderer build from this folder (out/renderer) at `/`. */
  rendererDir?: string;
  /** The network connection check and rate-limit budget; absent = nothing to check (simulator). */
  connection?: ConnectionPort;
  /** Reading and saving the agent's settings (the agent knows how it was started). */
  settings?: SettingsPort;
  /** Host names the API answers to besides loopback ones (--allowed-host); others get 421. */
  allowedHosts?: readonly string[];
  /** The address the API is bound to (accepted as a Host name when it is a specific address). */
  bind?: string;
  /** Bound off loopback without TLS (--allow-insecure-lan): said in /health so the UI can warn. */
  insecureLan?: boolean;
  /** Serve over HTTPS with these PEM contents (--api-tls-cert/--api-tls-key). */
  tls?: { cert: Buffer; key: Buffer };
  /**
   * The operations served and their handlers; by default OPERATIONS with the core's handlers built from the
   * deps above (the agent passes the ones it shares with the desktop bridge).
   */
  operations?: OperationRoutesOptions<R>;
}

/** One line per route, for checks that walk every route (the hostile-input tests) and for the start log. */
export interface RouteEntry {
  method: string;
  url: string;
  public: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteEntry[];
  }
}

export async function createApi<R extends OperationRegistry = Operations>({
  core,
  token,
  logger,
  version,
  now = Date.now,
  rendererDir,
  connection = { check: async () => null, rateLimit: () => null },
  settings,
  allowedHosts = [],
  bind,
  tls,
  insecureLan = false,
  operations,
}: ApiDeps<R>): Promise<FastifyInstance> {
  const app = Fastify({
    logger: false,
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
    // Live event streams never end by themselves: closing the API must end them, not wait for browsers.
    forceCloseConnections: true,
    frameworkErrors,
    clientErrorHandler: writeClientError,
    ...(tls ? { https: { cert: tls.cert, key: tls.key, minVersion: 'TLSv1.2' as const } } : {}),
  }).withTypeProvider<ZodTypeProvider>();
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.decorateRequest('authenticated', false);
  app.decorateRequest('caller', null);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      routeTable.push({ method, url: route.url, public: route.config?.public === true });
    }
  });
  // JSON only: a cross-site form can post text/plain or urlencoded bodies without a CORS preflight, so those are
  // refused (415) before any handler runs.
  app.removeContentTypeParser('text/plain');
  app.addHook('onRequest', createHostGuard(hostRules(allowedHosts, bind), tls !== undefined));
  app.addHook('onRequest', guardOrigin);
  app.addHook('onSend', async (_request, reply, payload) => {
    // Every answer, API or UI, error or not: never sniffed into HTML, and API answers never cached.
    reply.header('x-content-type-options', 'nosniff');
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(createErrorHandler(logger));
  app.setNotFoundHandler((req, reply) =>
    reply.status(404).send(
      errorBody(req, 'ROUTE_NOT_FOUND', {
        params: { method: req.method, path: req.url.split('?')[0] ?? '' },
      }),
    ),
  );

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Depot Remote local API',
        version,
        description:
          "Mirrors the Stellantis fleet API's callback and remote resources, so automation written for it " +
          'needs only a new base URL and token. Every route but health, this document and the session routes ' +
          'needs `Authorization: Bearer <token>` (the machine token in <data-dir>/api-token, or a scoped token) ' +
          'or the session cookie. What a caller may do follows its role (viewer, technician, supervisor, ' +
          'admin) and the access policy.',
        license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
      },
      // Where the agent listens by default; a site that changes --api-port or --bind changes the host part.
      servers: [
        { url: 'http://127.0.0.1:5780', description: 'The agent on this workstation (default address)' },
      ],
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: (input) =>
      documentCallbackAliases(
        pruneUnusedSchemas(jsonSchemaTransformObject(input) as Parameters<typeof pruneUnusedSchemas>[0]),
      ) as ReturnType<typeof jsonSchemaTransformObject>,
  });
  const limiter = createFailureLimiter({ now });
  const sessions = createSessions({ now });

  const { services, changes, connectorName } = core;
  const served = operations ?? {
    registry: OPERATIONS,
    handlers: createOperationHandlers({
      core,
      machineToken: token,
      version,
      startedAt: now(),
      now,
      connection,
      ...(settings ? { settings } : {}),
      insecureLan,
    }),
  };
  await app.register(
    async (api) => {
      // Added to the API's own context: it runs for every route registered below, however its URL was spelled.
      api.addHook(
        'onRequest',
        createAuthHook({
          machineToken: token,
          limiter,
          sessions,
          identity: core.identity,
          tokens: services.tokens,
        }),
      );
      // Every request/response operation, from the registry (preload/contract/operations).
      await api.register(
        operationRoutes(served as OperationRoutesOptions<OperationRegistry>, { sessions, limiter }),
      );
      await api.register(openapiRoute());
      await api.register(fleetMirrorRoutes({ ...services, fleetId: core.fleetId, connectorName, now }), {
        prefix: '/fleets',
      });
      await api.register(eventStreamRoutes(changes));
    },
    { prefix: '/api/v1' },
  );
  if (rendererDir) await app.register(staticRenderer(rendererDir));
  return app;
}
