// The vehicle network connection: a "test connection" that names each problem, and the rate-limit budget.
import { z } from 'zod';
import { connectionReportSchema, rateLimitBudgetSchema } from '../connection.js';
import { defineOperation } from './define.js';

const tags = ['connection'];

export const checkConnection = defineOperation({
  name: 'checkConnection',
  summary:
    'Test the connection to the vehicle network: certificates, host, TLS, credentials, fleet, rate limit',
  description: 'null when the connector has nothing to check (the simulator).',
  tags,
  http: { method: 'GET', path: '/connection/check', status: 200 },
  output: connectionReportSchema.nullable(),
  errors: [401],
});

export const connectionRateLimit = defineOperation({
  name: 'connectionRateLimit',
  summary: "The network's remaining request budget, as its last answer reported it (null if unknown)",
  tags,
  http: { method: 'GET', path: '/connection/rate-limit', status: 200 },
  output: z.object({ budget: rateLimitBudgetSchema.nullable() }),
  errors: [401],
});
