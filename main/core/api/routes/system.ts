import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditEntrySchema, healthSchema } from '../../../../preload/contract/dto.js';
import type { StorageStatus } from '../../db/index.js';
import type { AuditService } from '../../services/audit-service.js';
import { errors } from '../route-kit.js';

export function systemRoutes(deps: {
  version: string;
  connectorName: string;
  startedAt: number;
  now: () => number;
  audit: AuditService;
  /** Whether writes reach the disk; absent = always "ok". */
  storage?: { status(): StorageStatus };
  /** Bound off loopback without TLS: said to authenticated callers so the UI can warn. */
  insecureLan?: boolean;
}): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/health',
      {
        config: { public: true },
        schema: {
          tags: ['system'],
          summary:
            'Liveness: "ok" or "degraded" for anyone; with the token also the reason, version, connector and uptime',
          security: [],
          response: { 200: healthSchema },
        },
      },
      async (req) => {
        const storage = deps.storage?.status() ?? { status: 'ok' as const };
        // Without the token: only whether it works. What runs, since when and why it fails help an attacker more
        // than a supervisor who has no token.
        if (!req.authenticated) return { status: storage.status };
        return {
          ...storage,
          version: deps.version,
          connector: deps.connectorName,
          uptimeSeconds: Math.round((deps.now() - deps.startedAt) / 1000),
          ...(deps.insecureLan ? { insecureLan: true } : {}),
        };
      },
    );

    app.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

    app.get(
      '/audit',
      {
        schema: {
          tags: ['audit'],
          summary: 'The append-only audit log, newest first',
          querystring: z.object({
            limit: z.coerce.number().int().min(1).max(500).default(100),
            beforeSeq: z.coerce.number().int().min(1).optional(),
            vin: z.string().max(17).optional(),
            action: z.string().max(50).optional(),
          }),
          response: { 200: z.object({ items: z.array(auditEntrySchema) }), ...errors(400, 401) },
        },
      },
      async (req) => ({ items: deps.audit.list(req.query) }),
    );
  };
}
