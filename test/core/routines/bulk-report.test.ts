// The report of a bulk command as CSV: RFC 4180 (CRLF line ends; a field with a comma, a quote or a line break
// quoted, its quotes doubled), one row per vehicle under a fixed header, and no cell a spreadsheet would run as a
// formula: a label chosen by anyone ("=HYPERLINK(…)") must stay text in whoever's spreadsheet opens the report.
import { describe, expect, it } from 'vitest';
import type { BulkItemDto } from '../../../preload/contract/routines.js';
import { bulkReportCsv, csvCell } from '../../../main/core/services/bulk-report.js';

const item = (overrides: Partial<BulkItemDto> = {}): BulkItemDto => ({
  vehicleId: 'v1',
  vin: 'VR3UHZKX0RT000101',
  label: 'Van 01',
  state: 'done',
  reason: null,
  detail: null,
  remoteActionId: 'a1',
  outcome: 'Success',
  failureCause: null,
  sentAt: '2026-01-05T08:00:00.000Z',
  endedAt: '2026-01-05T08:00:04.000Z',
  ...overrides,
});

describe('a CSV cell', () => {
  it('quotes what must be quoted and doubles its quotes', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell('Van 01')).toBe('Van 01');
    expect(csvCell('Yard, north')).toBe('"Yard, north"');
    expect(csvCell('The "big" van')).toBe('"The ""big"" van"');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
  });

  it('neutralises a cell a spreadsheet would read as a formula', () => {
    expect(csvCell('=1+2')).toBe("'=1+2");
    expect(csvCell('+33 6 12')).toBe("'+33 6 12");
    expect(csvCell('-5')).toBe("'-5");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    // Only at the start: a date or a hyphenated name stays as it is.
    expect(csvCell('2026-01-05T08:00:00.000Z')).toBe('2026-01-05T08:00:00.000Z');
    expect(csvCell('Site-16')).toBe('Site-16');
  });
});

describe('the report', () => {
  it('is the header, then one row per vehicle in order, each line ending CRLF', () => {
    const csv = bulkReportCsv([
      item(),
      item({
        vin: 'W0VPFZKX3P4000109',
        label: 'Loaner, 09',
        state: 'skipped',
        reason: 'NOT_CAPABLE',
        remoteActionId: null,
        outcome: null,
        sentAt: null,
        endedAt: '2026-01-05T08:00:00.000Z',
      }),
      item({ label: '=cmd|"/c calc"!A0', state: 'failed', outcome: 'Failed', failureCause: 'DoorsOpen' }),
      item({ label: null, state: 'skipped', reason: 'REFUSED', detail: 'CALLBACK_PAUSED', outcome: null }),
    ]);
    expect(csv.split('\r\n')).toEqual([
      'VIN,label,state,outcome,failure cause,reason,sent at,ended at',
      'VR3UHZKX0RT000101,Van 01,done,Success,,,2026-01-05T08:00:00.000Z,2026-01-05T08:00:04.000Z',
      'W0VPFZKX3P4000109,"Loaner, 09",skipped,,,NOT_CAPABLE,,2026-01-05T08:00:00.000Z',
      `VR3UHZKX0RT000101,"'=cmd|""/c calc""!A0",failed,Failed,DoorsOpen,,2026-01-05T08:00:00.000Z,2026-01-05T08:00:04.000Z`,
      'VR3UHZKX0RT000101,,skipped,,,REFUSED: CALLBACK_PAUSED,2026-01-05T08:00:00.000Z,2026-01-05T08:00:04.000Z',
      '',
    ]);
  });

  it('is the header alone for a bulk without vehicles', () => {
    expect(bulkReportCsv([])).toBe('VIN,label,state,outcome,failure cause,reason,sent at,ended at\r\n');
  });
});
