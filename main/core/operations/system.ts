// health, and the audit log: its list and its export.
import type { StorageStatus } from '../db/index.js';
import type { AuditService } from '../services/audit-service.js';
import type { ExportService } from '../services/export-service.js';
import type { OperationHandlers } from './ports.js';

export interface SystemDeps {
  version: string;
  connectorName: string;
  startedAt: number;
  now: () => number;
  audit: AuditService;
  exports: ExportService;
  /** Whether writes reach the disk; absent = always "ok". */
  storage?: { status(): StorageStatus };
  /** Bound off loopback without TLS: said to authenticated callers so the UI can warn. */
  insecureLan?: boolean;
}

export function systemHandlers(
  deps: SystemDeps,
): Pick<OperationHandlers, 'health' | 'listAudit' | 'exportAudit'> {
  return {
    health: (_input, ctx) => {
      const storage = deps.storage?.status() ?? { status: 'ok' as const };
      // Without the token: only whether it works. What runs, since when and why it fails help an attacker more
      // than a supervisor who has no token.
      if (!ctx.authenticated) return { status: storage.status };
      return {
        ...storage,
        version: deps.version,
        connector: deps.connectorName,
        uptimeSeconds: Math.round((deps.now() - deps.startedAt) / 1000),
        ...(deps.insecureLan ? { insecureLan: true } : {}),
      };
    },
    listAudit: (query) => ({ items: deps.audit.list(query) }),
    exportAudit: (query, { actor }) => deps.exports.audit(actor, query),
  };
}
