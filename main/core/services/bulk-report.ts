// A bulk command's report as CSV (issue 16): one row per vehicle, RFC 4180 (CRLF line ends; a field holding a
// comma, a quote or a line break is quoted, its quotes doubled). A spreadsheet reads a cell that starts with = + - @
// (or a tab or carriage return) as a formula, so such a cell gets a leading apostrophe: a vehicle label chosen by
// anyone must not run in the spreadsheet of whoever opens the report.
import type { BulkItemDto } from '../../../preload/contract/routines.js';

export const BULK_REPORT_HEADER = [
  'VIN',
  'label',
  'state',
  'outcome',
  'failure cause',
  'reason',
  'sent at',
  'ended at',
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: neutralised, then quoted when it must be. */
export function csvCell(value: string | null): string {
  if (value === null) return '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function bulkReportCsv(items: readonly BulkItemDto[]): string {
  const rows = items.map((item) => [
    item.vin,
    item.label,
    item.state,
    item.outcome,
    item.failureCause,
    item.reason && item.detail ? `${item.reason}: ${item.detail}` : item.reason,
    item.sentAt,
    item.endedAt,
  ]);
  return [BULK_REPORT_HEADER, ...rows].map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}
