// The audit log and the history of commands of a period as a file to download (issue 18): checked and authorised at
// once (a refusal is an ordinary 400/403/404), then read a page at a time as the transport asks for more — HTTP
// streams it to the client, the desktop bridge gathers the text — so a year of audit costs one page of memory.
// Each export is itself audited when it starts (who took which period of what out of the agent).
import { EXPORT_TYPES, type ExportFormat, type FileStream } from '../../../preload/contract/export.js';
import type { Repositories } from '../db/index.js';
import type { EventBus } from '../events/event-bus.js';
import type { AccessGuard } from '../kernel/access-guard.js';
import { who, type Actor } from '../kernel/actor.js';
import { createAuditTrail } from '../kernel/audit-trail.js';
import type { Clock } from '../ports/clock.js';
import { invalid, notFound } from '../kernel/service-error.js';
import { ACTION_SHAPE, AUDIT_SHAPE, encodeRows, keysetPages } from './export-rows.js';

/** Rows read per page: a few hundred kilobytes of text at most. */
export const EXPORT_PAGE_SIZE = 500;

export interface ExportPeriod {
  from: string;
  to: string;
  format: ExportFormat;
}

/** The period in the store's form (UTC, milliseconds), or 400 when it is not one. */
function periodOf({ from, to }: ExportPeriod): { from: string; to: string } {
  const start = new Date(from);
  const end = new Date(to);
  // The schema of both transports refuses such text first; this guards callers inside the core.
  const bad = [
    ...(Number.isNaN(start.getTime())
      ? [{ field: 'from', rule: 'export.date' as const, params: { got: from } }]
      : []),
    ...(Number.isNaN(end.getTime())
      ? [{ field: 'to', rule: 'export.date' as const, params: { got: to } }]
      : []),
  ];
  if (bad.length > 0) throw invalid('errors:invalid.export', bad);
  if (end.getTime() <= start.getTime()) {
    throw invalid('errors:invalid.export', [
      { field: 'to', rule: 'export.periodOrder', params: { from, to } },
    ]);
  }
  return { from: start.toISOString(), to: end.toISOString() };
}

/** `2026-01-05T08:00:00.000Z` → `2026-01-05T080000Z`: a file name every file system takes. */
const stamp = (iso: string) => iso.replace(/\.\d+Z$/, 'Z').replace(/:/g, '');

const fileOf = (what: string, period: { from: string; to: string }, format: ExportFormat) =>
  `${what}-${stamp(period.from)}-${stamp(period.to)}.${format}`;

export type ExportService = ReturnType<typeof createExportService>;

export function createExportService({
  repos,
  access,
  bus,
  clock,
  pageSize = EXPORT_PAGE_SIZE,
}: {
  repos: Repositories;
  access: AccessGuard;
  bus: EventBus;
  clock: Clock;
  pageSize?: number;
}) {
  const trail = createAuditTrail(repos, bus);
  /** One insert (atomic by itself), published once written; before the first byte leaves. */
  const record = (actor: Actor, action: 'audit.export' | 'history.export', detail: object, vin?: string) =>
    trail.append({
      at: clock.nowIso(),
      ...who(actor),
      action,
      reason: actor.reason ?? null,
      ...(vin ? { vin } : {}),
      detail,
    })();

  return {
    /** The audit log of the period, oldest first (admins: it names who did what). */
    audit(actor: Actor, query: ExportPeriod & { operator?: string | undefined }): FileStream {
      access.require(actor, 'admin', 'audit.export');
      const period = periodOf(query);
      const operator = query.operator?.trim() || undefined;
      record(actor, 'audit.export', {
        ...period,
        format: query.format,
        ...(operator !== undefined ? { operator } : {}),
      });
      const pages = keysetPages<ReturnType<Repositories['audit']['period']>[number]>(
        (last) =>
          repos.audit.period({
            ...period,
            ...(operator !== undefined ? { operator } : {}),
            afterSeq: last?.seq ?? 0,
            limit: pageSize,
          }),
        pageSize,
      );
      return {
        type: EXPORT_TYPES[query.format],
        filename: fileOf('audit', period, query.format),
        chunks: encodeRows(query.format, AUDIT_SHAPE, pages),
      };
    },

    /** The commands created in the period, oldest first, for one vehicle or all (supervisors and admins). */
    remotes(actor: Actor, query: ExportPeriod & { vehicle?: string | undefined }): FileStream {
      access.require(actor, 'supervisor', 'remotes.export');
      const period = periodOf(query);
      const vehicle = query.vehicle ? repos.vehicles.get(query.vehicle) : undefined;
      if (query.vehicle && !vehicle) throw notFound('VEHICLE_NOT_FOUND', { ref: query.vehicle });
      const vehicleId = vehicle?.id;
      record(
        actor,
        'history.export',
        { ...period, format: query.format, ...(vehicle ? { vehicle: vehicle.id } : {}) },
        vehicle?.vin,
      );
      const pages = keysetPages<ReturnType<Repositories['actions']['period']>[number]>(
        (last) =>
          repos.actions.period({
            ...period,
            ...(vehicleId !== undefined ? { vehicleId } : {}),
            ...(last ? { after: { createdAt: last.createdAt, id: last.id } } : {}),
            limit: pageSize,
          }),
        pageSize,
      );
      return {
        type: EXPORT_TYPES[query.format],
        filename: fileOf('history', period, query.format),
        chunks: encodeRows(query.format, ACTION_SHAPE, pages),
      };
    },
  };
}
