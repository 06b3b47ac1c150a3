// One area's operations mounted alone (as the local API mounts them all): the registry entries whose handler a
// test gives, e.g. mountOperations(deliveryHandlers(outbox.service)) — a Fastify app with the API's schema
// compilers and error handler, those routes under /api/v1, and nothing else (no auth, no other area).
import fastifyCookie from '@fastify/cookie';
import { machineActor } from '../../main/core/kernel/actor.js';
import { createSessions } from '../../main/core/api/security/sessions.js';
import { createFailureLimiter } from '../../main/core/api/security/failure-limiter.js';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { createErrorHandler } from '../../main/core/api/api-error.js';
import { operationRoutes, type OperationRoutesOptions } from '../../main/core/api/operation-routes.js';
import type { OperationHandlers } from '../../main/core/operations/ports.js';
import { silentLogger } from '../../main/core/ports/logger.js';
import type { OperationRegistry } from '../../preload/contract/operations/define.js';
import { OPERATIONS } from '../../preload/contract/operations/index.js';

export function operationSubset(
  handlers: Partial<OperationHandlers>,
): OperationRoutesOptions<OperationRegistry> {
  const registry = Object.fromEntries(Object.entries(OPERATIONS).filter(([name]) => name in handlers));
  return { registry, handlers } as unknown as OperationRoutesOptions<OperationRegistry>;
}

/** A ready Fastify app serving only these handlers' operations under /api/v1 (close it after the test). */
export async function mountOperations(handlers: Partial<OperationHandlers>): Promise<FastifyInstance> {
  const app = Fastify({ logger: false }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(createErrorHandler(silentLogger));
  // No auth hook here: a request naming X-Depot-Operator comes as that operator signed in as an admin, any other as
  // the machine token (authentication is tested on the whole API; what the routes may do is the services').
  await app.register(fastifyCookie);
  app.decorateRequest('caller', null);
  app.decorateRequest('authenticated', false);
  app.addHook('onRequest', async (req) => {
    const named = req.headers['x-depot-operator'];
    req.caller =
      typeof named === 'string' && named
        ? { operator: named, kind: 'operator', id: `op-${named}`, role: 'admin' }
        : machineActor();
    req.authenticated = true;
  });
  await app.register(
    operationRoutes(operationSubset(handlers), {
      sessions: createSessions(),
      limiter: createFailureLimiter(),
    }),
    { prefix: '/api/v1' },
  );
  await app.ready();
  return app;
}
