// The vehicle network connection: a "test connection" that names each problem, and the rate-limit budget.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  connectionReportSchema,
  rateLimitBudgetSchema,
  type ConnectionReportDto,
  type RateLimitBudgetDto,
} from '../../../../preload/contract/connection.js';
import { errors } from '../route-kit.js';

export interface ConnectionPort {
  /** Runs every check against the configured network; null when the connector has nothing to check. */
  check(): Promise<ConnectionReportDto | null>;
  rateLimit(): RateLimitBudgetDto | null;
}

const tags = ['connection'];

export function connectionRoutes(connection: ConnectionPort): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/connection/check',
      {
        schema: {
          tags,
          summary:
            'Test the connection to the vehicle network: certificates, host, TLS, credentials, fleet, rate limit',
          response: { 200: connectionReportSchema.nullable(), ...errors(401) },
        },
      },
      async () => connection.check(),
    );
    app.get(
      '/connection/rate-limit',
      {
        schema: {
          tags,
          summary: "The network's remaining request budget, as its last answer reported it (null if unknown)",
          response: { 200: z.object({ budget: rateLimitBudgetSchema.nullable() }), ...errors(401) },
        },
      },
      async () => ({ budget: connection.rateLimit() }),
    );
  };
}
