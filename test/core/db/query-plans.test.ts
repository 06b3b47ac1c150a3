// The hot queries must stay index-driven as the history grows to 100k actions: each statement below is the
// very SQL a repository runs, and its plan must reach rows through an index (no full `SCAN <table>`).
import { describe, expect, it } from 'vitest';
import {
  ACTIONS_BY_VEHICLE_CALLBACK_SQL,
  ACTIONS_OPEN_SQL,
  actionCountSql,
  actionListSql,
} from '../../../main/core/db/actions-repository.js';
import { auditListSql } from '../../../main/core/db/audit-repository.js';
import { CALLBACK_HAS_PENDING_ACTIONS_SQL } from '../../../main/core/db/callbacks-repository.js';
import { DELIVERIES_CLAIM_DUE_SQL, deliveryListSql } from '../../../main/core/db/deliveries-repository.js';
import { EVENTS_FOR_ACTION_SQL } from '../../../main/core/db/events-repository.js';
import { VEHICLE_BY_VIN_SQL } from '../../../main/core/db/vehicles-repository.js';
import { useStore } from './db-fixtures.js';

const cursor = { createdAt: '2025-01-01T00:00:00.000Z', id: 'x' };

/** [name, sql, whether the index must also give the ORDER BY (no temp b-tree sort)] */
const HOT: [string, string, boolean][] = [
  ['actions by vehicle + callback, newest first', ACTIONS_BY_VEHICLE_CALLBACK_SQL, true],
  ['actions list, unfiltered', actionListSql({}), true],
  ['actions list, unfiltered, keyset', actionListSql({ before: cursor }), true],
  ['actions list by phase', actionListSql({ phase: 'Pending' }), true],
  ['actions list by phase, keyset', actionListSql({ phase: 'Pending', before: cursor }), true],
  ['actions list by phase, offset', actionListSql({ phase: 'Pending', offset: 50 }), true],
  ['actions list by vehicle', actionListSql({ vehicleId: 'v' }), true],
  ['actions list by vehicle + callback', actionListSql({ vehicleId: 'v', callbackId: 'c' }), true],
  ['actions list by callback', actionListSql({ callbackId: 'c' }), true],
  ['actions list by type', actionListSql({ type: 'Doors' }), true],
  // Several phases cannot come out of one index range in created_at order; the rows are still found by index.
  [
    'actions list by phases + vehicle + type',
    actionListSql({ phases: ['Sending', 'Pending'], vehicleId: 'v', type: 'Doors' }),
    false,
  ],
  ['actions count by phase', actionCountSql({ phase: 'Done' }), false],
  ['actions count by vehicle + callback', actionCountSql({ vehicleId: 'v', callbackId: 'c' }), false],
  ['open actions', ACTIONS_OPEN_SQL, false],
  ['callback has pending actions', CALLBACK_HAS_PENDING_ACTIONS_SQL, false],
  ['events by action', EVENTS_FOR_ACTION_SQL, true],
  ['deliveries due (claim)', DELIVERIES_CLAIM_DUE_SQL, true],
  ['deliveries by state', deliveryListSql({ state: 'Dead' }), true],
  ['deliveries by callback', deliveryListSql({ callbackId: 'c' }), true],
  ['audit by seq desc', auditListSql({}), true],
  ['audit by vin', auditListSql({ vin: 'VIN' }), true],
  ['audit by action', auditListSql({ action: 'remote.send' }), true],
  ['vehicle by vin', VEHICLE_BY_VIN_SQL, false],
];

/** Binds a plausible value to every named parameter (the plan does not depend on the values). */
function params(sql: string): Record<string, unknown> {
  const names = new Set([...sql.matchAll(/@(\w+)/g)].map((m) => m[1]!));
  return Object.fromEntries(
    [...names].map((name) => [name, ['limit', 'offset', 'beforeSeq'].includes(name) ? 10 : 'x']),
  );
}

describe('query plans of the hot queries', () => {
  const store = useStore();

  it.each(HOT)('%s uses an index', (_name, sql, ordered) => {
    const { db } = store();
    const plan = db.raw
      .prepare<Record<string, unknown>, { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
      .all(params(sql))
      .map((row) => row.detail);

    const fullScans = plan.filter(
      (d) => /^SCAN (?!CONSTANT ROW)/.test(d) && !/USING (COVERING )?INDEX/.test(d),
    );
    expect(fullScans, plan.join('\n')).toEqual([]);
    expect(
      plan.some((d) => /USING (COVERING )?INDEX|USING (INTEGER )?PRIMARY KEY/.test(d)),
      plan.join('\n'),
    ).toBe(true);
    if (ordered)
      expect(
        plan.filter((d) => d.includes('TEMP B-TREE')),
        plan.join('\n'),
      ).toEqual([]);
  });
});
