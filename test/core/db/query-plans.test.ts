// The hot queries must stay index-driven as the history grows to 100k actions: each statement below is the
// very SQL a repository runs, and its plan must reach rows through an index (no full `SCAN <table>`).
import { describe, expect, it } from 'vitest';
import {
  ACTION_KNOWS_UPSTREAM_ID_SQL,
  ACTION_QUEUE_POSITION_SQL,
  ACTIONS_BY_VEHICLE_CALLBACK_SQL,
  ACTIONS_LANE_SQL,
  ACTIONS_NEXT_QUEUE_INSTANT_SQL,
  ACTIONS_OPEN_SQL,
  ACTIONS_QUEUED_LANES_SQL,
  ACTIONS_QUEUED_SQL,
  ACTIONS_RELEASE_NETWORK_WAITS_SQL,
  ACTIONS_UNTERMINATED_SQL,
  actionCountSql,
  actionListSql,
} from '../../../main/core/db/actions-repository.js';
import { auditListSql } from '../../../main/core/db/audit-repository.js';
import { CALLBACK_HAS_PENDING_ACTIONS_SQL } from '../../../main/core/db/callbacks-repository.js';
import {
  DELIVERIES_CLAIM_SQL,
  DELIVERIES_GIVE_UP_QUEUED_SQL,
  DELIVERIES_NEXT_DUE_SQL,
  DELIVERIES_QUEUE_COUNTS_SQL,
  DELIVERIES_QUEUED_BY_CALLBACK_SQL,
  DELIVERIES_REPLAY_CALLBACK_SQL,
  DELIVERIES_SHIFT_DEADLINES_SQL,
  DELIVERY_EVENTS_WAITING_BY_CALLBACK_SQL,
  DELIVERY_EVENTS_WAITING_SQL,
  deliveryCountSql,
  deliveryListSql,
} from '../../../main/core/db/deliveries-repository.js';
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
  ['unterminated actions since', ACTIONS_UNTERMINATED_SQL, false],
  ['callback has pending actions', CALLBACK_HAS_PENDING_ACTIONS_SQL, false],
  // The queue (migration 010): a few rows among 100k, every one through the queued or the phase index.
  ['a lane: in flight, then waiting', ACTIONS_LANE_SQL, false],
  ['lanes with someone waiting', ACTIONS_QUEUED_LANES_SQL, false],
  ['every waiting action, in line', ACTIONS_QUEUED_SQL, false],
  ['place in line', ACTION_QUEUE_POSITION_SQL, false],
  ['next expiry or retry', ACTIONS_NEXT_QUEUE_INSTANT_SQL, false],
  ['the network answers: waits released', ACTIONS_RELEASE_NETWORK_WAITS_SQL, false],
  ['an upstream id known here', ACTION_KNOWS_UPSTREAM_ID_SQL, false],
  ['events by action', EVENTS_FOR_ACTION_SQL, true],
  ['deliveries due per callback (claim)', DELIVERIES_CLAIM_SQL, true],
  ['deliveries next due per callback', DELIVERIES_NEXT_DUE_SQL, false],
  ['deliveries queued per callback', DELIVERIES_QUEUED_BY_CALLBACK_SQL, false],
  ['deliveries given up per callback', DELIVERIES_GIVE_UP_QUEUED_SQL, false],
  ['deliveries deadlines moved per callback', DELIVERIES_SHIFT_DEADLINES_SQL, false],
  ['dead letters replayed per callback', DELIVERIES_REPLAY_CALLBACK_SQL, false],
  ['events waiting for a batch', DELIVERY_EVENTS_WAITING_SQL, true],
  ['events waiting, per callback', DELIVERY_EVENTS_WAITING_BY_CALLBACK_SQL, false],
  ['deliveries list, unfiltered', deliveryListSql({}), true],
  ['deliveries by dead-letter state', deliveryListSql({ state: 'Dead' }), true],
  ['deliveries by callback', deliveryListSql({ callbackId: 'c' }), true],
  ['deliveries by callback + state', deliveryListSql({ callbackId: 'c', state: 'Failed' }), true],
  ['deliveries by vehicle', deliveryListSql({ vin: 'VIN' }), false],
  ['deliveries by time', deliveryListSql({ since: 'x', until: 'y' }), true],
  ['deliveries count by callback', deliveryCountSql({ callbackId: 'c' }), false],
  ['deliveries queue counts', DELIVERIES_QUEUE_COUNTS_SQL, false],
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

/** The outbox's hot queries must reach their rows through the small partial indexes, not the whole history. */
const OUTBOX_INDEXES: [string, string, string][] = [
  ['claim', DELIVERIES_CLAIM_SQL, 'deliveries_queued'],
  ['next due', DELIVERIES_NEXT_DUE_SQL, 'deliveries_queued'],
  ['give up queued', DELIVERIES_GIVE_UP_QUEUED_SQL, 'deliveries_queued'],
  ['move deadlines', DELIVERIES_SHIFT_DEADLINES_SQL, 'deliveries_queued'],
  ['replay per callback', DELIVERIES_REPLAY_CALLBACK_SQL, 'deliveries_dead_letters_by_callback'],
  ['list Failed', deliveryListSql({ state: 'Failed' }), 'deliveries_dead_letters'],
  [
    'list Dead of a callback',
    deliveryListSql({ callbackId: 'c', state: 'Dead' }),
    'deliveries_dead_letters_by_callback',
  ],
  ['count Dead', deliveryCountSql({ state: 'Dead' }), 'deliveries_dead_letters'],
  ['events waiting', DELIVERY_EVENTS_WAITING_SQL, 'delivery_events_waiting'],
  ['by vehicle', deliveryListSql({ vin: 'V' }), 'delivery_events_by_vin'],
];

describe('query plans of the outbox', () => {
  const store = useStore();

  it.each(OUTBOX_INDEXES)('%s uses %s', (_name, sql, index) => {
    const { db } = store();
    const plan = db.raw
      .prepare<Record<string, unknown>, { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
      .all(params(sql))
      .map((row) => row.detail);
    expect(
      plan.some((d) => d.includes(`INDEX ${index} `)),
      plan.join('\n'),
    ).toBe(true);
    expect(
      plan.filter((d) => /^SCAN deliveries(?! USING COVERING INDEX deliveries_queued)/.test(d)),
      plan.join('\n'),
    ).toEqual([]);
  });
});
