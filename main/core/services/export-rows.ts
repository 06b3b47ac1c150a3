// The rows of the audit and history exports (issue 18), and their encoding: CSV as the bulk report writes it
// (RFC 4180, CRLF, formula-looking cells neutralised: bulk-report.ts's csvCell) or JSON Lines, one object a line.
// Rows are encoded a page at a time, as they are read: nothing holds more than one page.
import type { ExportFormat } from '../../../preload/contract/export.js';
import type { ActionRecord, AuditEntry } from '../db/index.js';
import { toAuditDto } from '../kernel/dto-mappers.js';
import { csvCell } from './bulk-report.js';

/** One export's shape: its CSV header, the CSV cells of a row, and the JSON object of a row. */
export interface ExportShape<T> {
  header: readonly string[];
  cells(row: T): (string | null)[];
  json(row: T): unknown;
}

const json = (value: unknown): string | null =>
  value === null || value === undefined ? null : JSON.stringify(value);

export const AUDIT_SHAPE: ExportShape<AuditEntry> = {
  header: [
    'seq',
    'at',
    'operator',
    'actor kind',
    'actor id',
    'actor role',
    'on behalf of',
    'action',
    'VIN',
    'remote action id',
    'callback id',
    'reason',
    'detail',
  ],
  cells: (e) => [
    String(e.seq),
    e.at,
    e.operator,
    e.actor?.kind ?? null,
    e.actor?.id ?? null,
    e.actor?.role ?? null,
    e.actor?.onBehalfOf ?? null,
    e.action,
    e.vin,
    e.remoteActionId,
    e.callbackId,
    e.reason,
    json(e.detail),
  ],
  json: toAuditDto,
};

/** A command of the history as one flat record (the list's DTO needs views an export has no use for). */
function actionRow(a: ActionRecord) {
  return {
    remoteActionId: a.id,
    createdAt: a.createdAt,
    vin: a.vin,
    vehicleId: a.vehicleId,
    callbackId: a.callbackId,
    type: a.type,
    phase: a.phase,
    status: a.status,
    outcome: a.outcome,
    failureCause: a.failureCause,
    error: a.error?.code ?? null,
    operator: a.operator,
    sentBy: a.sentBy ?? null,
    approvedBy: a.approvedBy ?? null,
    reason: a.reason,
    sentAt: a.sentAt ?? null,
    doneAt: a.doneAt,
    remote: a.remote,
  };
}

export const ACTION_SHAPE: ExportShape<ActionRecord> = {
  header: [
    'remote action id',
    'created at',
    'VIN',
    'vehicle id',
    'callback id',
    'type',
    'phase',
    'status',
    'outcome',
    'failure cause',
    'error',
    'operator',
    'sent by',
    'approved by',
    'reason',
    'sent at',
    'done at',
    'remote',
  ],
  cells: (a) => {
    const r = actionRow(a);
    return [
      r.remoteActionId,
      r.createdAt,
      r.vin,
      r.vehicleId,
      r.callbackId,
      r.type,
      r.phase,
      r.status,
      r.outcome,
      r.failureCause,
      r.error,
      r.operator,
      r.sentBy?.name ?? null,
      r.approvedBy?.name ?? null,
      r.reason,
      r.sentAt,
      r.doneAt,
      json(r.remote),
    ];
  },
  json: actionRow,
};

const csvLine = (cells: readonly (string | null)[]) => `${cells.map(csvCell).join(',')}\r\n`;

/**
 * The file's text, one chunk per page read: CSV opens with its header line (even when the period is empty).
 * Lazy: a page is read only when the consumer asks for the next chunk, so a slow reader slows the reads.
 */
export function* encodeRows<T>(
  format: ExportFormat,
  shape: ExportShape<T>,
  pages: Iterable<readonly T[]>,
): Generator<string> {
  if (format === 'csv') yield csvLine(shape.header);
  for (const page of pages) {
    if (page.length === 0) continue;
    yield format === 'csv'
      ? page.map((row) => csvLine(shape.cells(row))).join('')
      : page.map((row) => `${JSON.stringify(shape.json(row))}\n`).join('');
  }
}

/**
 * Pages of a keyset read until one comes back short. Pages rather than one long `.iterate()`: better-sqlite3 keeps
 * the connection busy while an iterator is open, and the response is written across many turns of the event loop,
 * during which every other request must still read and write.
 */
export function* keysetPages<T>(read: (last: T | null) => T[], pageSize: number): Generator<T[]> {
  let last: T | null = null;
  for (;;) {
    const page = read(last);
    yield page;
    if (page.length < pageSize) return;
    last = page[page.length - 1]!;
  }
}
