// Bulk commands (migration 011): one row per command, one item per vehicle. The items are the plan and the progress
// at once: `queued` until sent, then `sent` with the action's id — written in the transaction that stores the
// action (markSent), so a restart never sends a vehicle twice — then the action's end (done, failed, expired,
// cancelled). Every change of an item's state is conditional on the state it leaves, so a cancel and a send that
// meet cannot both win.
import {
  BULK_ITEM_STATES,
  type ApproverRef,
  type BulkItemState,
  type BulkSkipReason,
  type BulkStatus,
  type DoneStatus,
  type RemoteType,
  type Role,
  type WhenBusy,
} from '../../../preload/contract/vocabulary.js';
import { fromJson, fromJsonOrNull, toJson, toJsonOrNull } from './json-column.js';
import type { Db } from './open-database.js';
import type { IsoTimestamp, Page } from './records.js';

/** Who started a bulk, as each of its commands is sent by (the kernel's Actor, without any approval PIN). */
export interface BulkActor {
  operator: string;
  reason?: string | null;
  kind: 'operator' | 'token' | 'machine' | 'system' | 'anonymous';
  id: string | null;
  role: Role;
  onBehalfOf?: string | null;
}

export interface BulkRecord {
  id: string;
  type: RemoteType;
  /** The remote body every vehicle gets, as parsed. */
  remote: Record<string, unknown>;
  callbackId: string;
  groupId: string | null;
  scheduleId: string | null;
  status: BulkStatus;
  whenBusy: WhenBusy | null;
  expiresInSeconds: number | null;
  actor: BulkActor;
  approvedBy: ApproverRef | null;
  createdAt: IsoTimestamp;
  /** When every item became final (a cancelled bulk too, once its sent vehicles settled). */
  finishedAt: IsoTimestamp | null;
}

export type BulkItemOutcome = DoneStatus | 'Refused' | 'TimedOut' | 'Expired' | 'Cancelled';

export interface BulkItemRecord {
  bulkId: string;
  seq: number;
  vehicleId: string;
  vin: string;
  label: string | null;
  state: BulkItemState;
  reason: BulkSkipReason | null;
  detail: string | null;
  remoteActionId: string | null;
  outcome: BulkItemOutcome | null;
  failureCause: string | null;
  sentAt: IsoTimestamp | null;
  endedAt: IsoTimestamp | null;
}

/** What an action's progress makes of a sent item. */
export interface ItemProgress {
  state: BulkItemState;
  outcome: BulkItemOutcome | null;
  failureCause: string | null;
  endedAt: IsoTimestamp | null;
}

export type BulkCounts = Record<BulkItemState, number>;

interface BulkRow {
  id: string;
  type: RemoteType;
  remote: string;
  callback_id: string;
  group_id: string | null;
  schedule_id: string | null;
  status: BulkStatus;
  when_busy: WhenBusy | null;
  expires_in_seconds: number | null;
  actor: string;
  approved_by: string | null;
  created_at: string;
  finished_at: string | null;
}

interface ItemRow {
  bulk_id: string;
  seq: number;
  vehicle_id: string;
  vin: string;
  label: string | null;
  state: BulkItemState;
  reason: BulkSkipReason | null;
  detail: string | null;
  remote_action_id: string | null;
  outcome: BulkItemOutcome | null;
  failure_cause: string | null;
  sent_at: string | null;
  ended_at: string | null;
}

const BULK_COLUMNS = `id, type, remote, callback_id, group_id, schedule_id, status, when_busy, expires_in_seconds,
  actor, approved_by, created_at, finished_at`;
const ITEM_COLUMNS = `bulk_id, seq, vehicle_id, vin, label, state, reason, detail, remote_action_id, outcome,
  failure_cause, sent_at, ended_at`;

/** The running bulks with something left to send, oldest first (the partial indexes of both tables). */
export const BULKS_SENDING_SQL = `SELECT id FROM bulk_remotes b
  WHERE finished_at IS NULL AND status = 'running'
    AND EXISTS (SELECT 1 FROM bulk_items i WHERE i.bulk_id = b.id AND i.state = 'queued')
  ORDER BY created_at, id`;
/** What is left to send of one bulk, in its order. */
export const BULK_QUEUED_SQL = `SELECT ${ITEM_COLUMNS} FROM bulk_items
  WHERE bulk_id = @bulkId AND state = 'queued' ORDER BY seq LIMIT @limit`;

/** Hot (every action.changed): the item a remote action was sent for. */
export const BULK_ITEM_BY_ACTION_SQL = `SELECT ${ITEM_COLUMNS} FROM bulk_items WHERE remote_action_id = @id`;
/** At start: the items sent whose action may have ended while the agent was off. */
export const BULK_SENT_ITEMS_SQL = `SELECT ${ITEM_COLUMNS} FROM bulk_items WHERE state = 'sent' ORDER BY bulk_id, seq`;
/** At start: the bulks not over. */
export const BULKS_UNFINISHED_SQL = `SELECT ${BULK_COLUMNS} FROM bulk_remotes WHERE finished_at IS NULL
  ORDER BY created_at, id`;
export const BULKS_PAGE_SQL = `SELECT ${BULK_COLUMNS} FROM bulk_remotes ORDER BY created_at DESC, id DESC
  LIMIT @limit OFFSET @offset`;

/**
 * The vehicles with a command of this feature in flight or waiting (a lane that is not free): the few open actions,
 * through the phase index (`+type` keeps the planner off the type index, which holds the whole history).
 */
export const BUSY_VEHICLES_SQL = `SELECT DISTINCT vehicle_id FROM remote_actions
  WHERE +type = @type AND phase IN ('Queued', 'Sending', 'Pending')`;

export interface BulkRepository {
  /** The bulk and its items; call inside a unit of work. */
  insert(bulk: BulkRecord, items: readonly BulkItemRecord[]): void;
  get(id: string): BulkRecord | null;
  /** Newest first. */
  list(page: Page): BulkRecord[];
  count(): number;
  items(bulkId: string): BulkItemRecord[];
  item(bulkId: string, seq: number): BulkItemRecord | null;
  /** The item a remote action was sent for, if any. */
  itemByAction(remoteActionId: string): BulkItemRecord | null;
  /** Items per state of each bulk (every state present, 0 when none). */
  counts(bulkIds: readonly string[]): Map<string, BulkCounts>;
  /** The next queued items of the running bulks, in sending order. */
  nextQueued(limit: number): BulkItemRecord[];
  /** Every item sent whose action has not been seen to end (at start: it may have ended while the agent was off). */
  sentItems(): BulkItemRecord[];
  /** Bulks whose items are not all final yet (running, or cancelled with vehicles still going). */
  unfinished(): BulkRecord[];
  /** Items still queued or sent. */
  openItems(bulkId: string): number;
  /** queued → sent, with the action; false when the item was not queued any more (cancelled meanwhile). */
  markSent(bulkId: string, seq: number, remoteActionId: string, at: IsoTimestamp): boolean;
  /** queued → skipped with the reason; false when it was not queued any more. */
  skip(bulkId: string, seq: number, reason: BulkSkipReason, detail: string | null, at: IsoTimestamp): boolean;
  /** Every queued item → cancelled; how many. */
  cancelQueued(bulkId: string, at: IsoTimestamp): number;
  /** A sent (or already settled) item follows its action; false when nothing changed. */
  progress(bulkId: string, seq: number, next: ItemProgress): boolean;
  /** running → cancelled; false when it was not running. */
  markCancelled(id: string): boolean;
  /** Every item final: running → finished (a cancelled bulk stays cancelled), and the time. */
  markFinished(id: string, at: IsoTimestamp): boolean;
  /** The vehicles with a command of `type` in flight or waiting. */
  busyVehicles(type: RemoteType): Set<string>;
}

export function createBulkRepository(db: Db): BulkRepository {
  const insertBulk = db.raw.prepare(`INSERT INTO bulk_remotes (${BULK_COLUMNS}) VALUES (@id, @type, @remote,
    @callbackId, @groupId, @scheduleId, @status, @whenBusy, @expiresInSeconds, @actor, @approvedBy, @createdAt,
    @finishedAt)`);
  const insertItem = db.raw
    .prepare(`INSERT INTO bulk_items (${ITEM_COLUMNS}) VALUES (@bulkId, @seq, @vehicleId,
    @vin, @label, @state, @reason, @detail, @remoteActionId, @outcome, @failureCause, @sentAt, @endedAt)`);
  const get = db.raw.prepare<{ id: string }, BulkRow>(
    `SELECT ${BULK_COLUMNS} FROM bulk_remotes WHERE id = @id`,
  );
  const list = db.raw.prepare<Page, BulkRow>(BULKS_PAGE_SQL);
  const count = db.raw.prepare<[], number>('SELECT count(*) FROM bulk_remotes').pluck();
  const items = db.raw.prepare<{ bulkId: string }, ItemRow>(
    `SELECT ${ITEM_COLUMNS} FROM bulk_items WHERE bulk_id = @bulkId ORDER BY seq`,
  );
  const item = db.raw.prepare<{ bulkId: string; seq: number }, ItemRow>(
    `SELECT ${ITEM_COLUMNS} FROM bulk_items WHERE bulk_id = @bulkId AND seq = @seq`,
  );
  const itemByAction = db.raw.prepare<{ id: string }, ItemRow>(BULK_ITEM_BY_ACTION_SQL);
  const counts = db.raw.prepare<{ ids: string }, { bulkId: string; state: BulkItemState; n: number }>(
    `SELECT bulk_id AS bulkId, state, count(*) AS n FROM bulk_items
      WHERE bulk_id IN (SELECT value FROM json_each(@ids)) GROUP BY bulk_id, state`,
  );
  const sending = db.raw.prepare<[], string>(BULKS_SENDING_SQL).pluck();
  const queued = db.raw.prepare<{ bulkId: string; limit: number }, ItemRow>(BULK_QUEUED_SQL);
  const sentItems = db.raw.prepare<[], ItemRow>(BULK_SENT_ITEMS_SQL);
  const unfinished = db.raw.prepare<[], BulkRow>(BULKS_UNFINISHED_SQL);
  const openItems = db.raw
    .prepare<{ bulkId: string }, number>(
      `SELECT count(*) FROM bulk_items WHERE bulk_id = @bulkId AND state IN ('queued', 'sent')`,
    )
    .pluck();
  const markSent = db.raw.prepare(`UPDATE bulk_items SET state = 'sent', remote_action_id = @remoteActionId,
    sent_at = @at WHERE bulk_id = @bulkId AND seq = @seq AND state = 'queued'`);
  const skip = db.raw.prepare(`UPDATE bulk_items SET state = 'skipped', reason = @reason, detail = @detail,
    ended_at = @at WHERE bulk_id = @bulkId AND seq = @seq AND state = 'queued'`);
  const cancelQueued = db.raw.prepare(`UPDATE bulk_items SET state = 'cancelled', ended_at = @at
    WHERE bulk_id = @bulkId AND state = 'queued'`);
  const progress = db.raw.prepare(`UPDATE bulk_items SET state = @state, outcome = @outcome,
    failure_cause = @failureCause, ended_at = @endedAt
    WHERE bulk_id = @bulkId AND seq = @seq AND remote_action_id IS NOT NULL
      AND (state, outcome, failure_cause, ended_at) IS NOT (@state, @outcome, @failureCause, @endedAt)`);
  const markCancelled = db.raw.prepare(
    `UPDATE bulk_remotes SET status = 'cancelled' WHERE id = @id AND status = 'running'`,
  );
  const markFinished = db.raw.prepare(`UPDATE bulk_remotes SET finished_at = @at,
    status = CASE status WHEN 'running' THEN 'finished' ELSE status END
    WHERE id = @id AND finished_at IS NULL`);
  const busy = db.raw.prepare<{ type: string }, string>(BUSY_VEHICLES_SQL).pluck();

  return {
    insert(bulk, rows) {
      db.transaction(() => {
        insertBulk.run({
          ...bulk,
          remote: toJson(bulk.remote, 'bulk_remotes.remote'),
          actor: toJson(bulk.actor, 'bulk_remotes.actor'),
          approvedBy: toJsonOrNull(bulk.approvedBy, 'bulk_remotes.approved_by'),
        });
        for (const row of rows) insertItem.run(row);
      });
    },
    get: (id) => toBulk(get.get({ id })),
    list: (page) => list.all(page).map((row) => toBulk(row)!),
    count: () => count.get() ?? 0,
    items: (bulkId) => items.all({ bulkId }).map((row) => toItem(row)!),
    item: (bulkId, seq) => toItem(item.get({ bulkId, seq })),
    itemByAction: (id) => toItem(itemByAction.get({ id })),
    counts(bulkIds) {
      const out = new Map<string, BulkCounts>(bulkIds.map((id) => [id, emptyCounts()]));
      for (const row of counts.all({ ids: JSON.stringify(bulkIds) })) out.get(row.bulkId)![row.state] = row.n;
      return out;
    },
    nextQueued(limit) {
      const rows: ItemRow[] = [];
      for (const bulkId of sending.all()) {
        rows.push(...queued.all({ bulkId, limit: limit - rows.length }));
        if (rows.length >= limit) break;
      }
      return rows.map((row) => toItem(row)!);
    },
    sentItems: () => sentItems.all().map((row) => toItem(row)!),
    unfinished: () => unfinished.all().map((row) => toBulk(row)!),
    openItems: (bulkId) => openItems.get({ bulkId }) ?? 0,
    markSent: (bulkId, seq, remoteActionId, at) =>
      markSent.run({ bulkId, seq, remoteActionId, at }).changes > 0,
    skip: (bulkId, seq, reason, detail, at) => skip.run({ bulkId, seq, reason, detail, at }).changes > 0,
    cancelQueued: (bulkId, at) => cancelQueued.run({ bulkId, at }).changes,
    progress: (bulkId, seq, next) => progress.run({ bulkId, seq, ...next }).changes > 0,
    markCancelled: (id) => markCancelled.run({ id }).changes > 0,
    markFinished: (id, at) => markFinished.run({ id, at }).changes > 0,
    busyVehicles: (type) => new Set(busy.all({ type })),
  };
}

function emptyCounts(): BulkCounts {
  return Object.fromEntries(BULK_ITEM_STATES.map((s) => [s, 0])) as BulkCounts;
}

function toBulk(row: BulkRow | undefined): BulkRecord | null {
  if (!row) return null;
  return {
    id: row.id,
    type: row.type,
    remote: fromJson<Record<string, unknown>>(row.remote),
    callbackId: row.callback_id,
    groupId: row.group_id,
    scheduleId: row.schedule_id,
    status: row.status,
    whenBusy: row.when_busy,
    expiresInSeconds: row.expires_in_seconds,
    actor: fromJson<BulkActor>(row.actor),
    approvedBy: fromJsonOrNull<ApproverRef>(row.approved_by),
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}

function toItem(row: ItemRow | undefined): BulkItemRecord | null {
  if (!row) return null;
  return {
    bulkId: row.bulk_id,
    seq: row.seq,
    vehicleId: row.vehicle_id,
    vin: row.vin,
    label: row.label,
    state: row.state,
    reason: row.reason,
    detail: row.detail,
    remoteActionId: row.remote_action_id,
    outcome: row.outcome,
    failureCause: row.failure_cause,
    sentAt: row.sent_at,
    endedAt: row.ended_at,
  };
}
