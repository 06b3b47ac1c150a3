import type { Repositories } from '../db/index.js';
import { toAuditDto } from '../kernel/dto-mappers.js';

export type AuditService = ReturnType<typeof createAuditService>;

export function createAuditService({ repos }: { repos: Repositories }) {
  return {
    list(query: { limit: number; beforeSeq?: number; vin?: string; action?: string; operator?: string }) {
      return repos.audit.list(query).map(toAuditDto);
    },
  };
}
