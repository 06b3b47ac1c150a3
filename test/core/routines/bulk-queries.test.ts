// The runner's statements stay index-driven however many bulk commands the history holds: each is the very SQL the
// bulk repository runs, and its plan reaches rows through an index, in order (no full scan, no sort).
import { afterAll, describe, expect, it } from 'vitest';
import {
  BULK_ITEM_BY_ACTION_SQL,
  BULK_QUEUED_SQL,
  BULK_SENT_ITEMS_SQL,
  BULKS_PAGE_SQL,
  BULKS_SENDING_SQL,
  BULKS_UNFINISHED_SQL,
  BUSY_VEHICLES_SQL,
} from '../../../main/core/db/bulk-repository.js';
import { openDatabase } from '../../../main/core/db/index.js';
import { tempDir } from '../../helpers/temp-dir.js';

const dir = tempDir();
const db = openDatabase(`${dir.path}/plans.sqlite`);
afterAll(() => {
  db.close();
  dir.remove();
});

const plan = (sql: string) =>
  db.raw
    .prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .all({ id: 'x', bulkId: 'b', limit: 5, offset: 0, type: 'Doors' })
    .map((row) => (row as { detail: string }).detail);

describe('the bulk runner’s statements', () => {
  it.each([
    ['the running bulks with vehicles left to send', BULKS_SENDING_SQL, 'bulk_remotes_unfinished'],
    ['what is left to send of one bulk, in order', BULK_QUEUED_SQL, 'bulk_items_queued'],
    ['the item of an action (every action.changed)', BULK_ITEM_BY_ACTION_SQL, 'bulk_items_by_action'],
    ['the items sent, at start', BULK_SENT_ITEMS_SQL, 'bulk_items_sent'],
    ['the bulks not over, at start', BULKS_UNFINISHED_SQL, 'bulk_remotes_unfinished'],
    ['a page of bulks, newest first', BULKS_PAGE_SQL, 'bulk_remotes_by_created'],
    ['the vehicles busy with a feature, at planning', BUSY_VEHICLES_SQL, 'remote_actions_by_phase'],
  ])('%s', (_name, sql, index) => {
    const steps = plan(sql);
    expect(steps.join(' | ')).toContain(index);
    expect(steps.filter((s) => /^SCAN (bulk_items|bulk_remotes|remote_actions)$/.test(s))).toEqual([]);
    // The DISTINCT of the busy vehicles sorts a handful of open actions; everything else comes in index order.
    if (sql !== BUSY_VEHICLES_SQL) expect(steps.filter((s) => s.includes('TEMP B-TREE'))).toEqual([]);
  });
});
