import type { CallbackStatus, CallbackSubscribe } from '../domain/callback/callback-model.js';
import { fromJson, toJson } from './json-column.js';
import type { Db } from './open-database.js';
import type { CallbackRecord, CallbackReplacement, IsoTimestamp, NewCallback } from './records.js';

interface CallbackRow {
  id: string;
  label: string | null;
  subscribe: string;
  status: CallbackStatus;
  secrets: string | null;
  receiver_secret: string | null;
  upstream_id: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

const COLUMNS =
  'id, label, subscribe, status, secrets, receiver_secret, upstream_id, created_at, updated_at, deleted_at';

const INSERT_SQL = `INSERT INTO callbacks (${COLUMNS}) VALUES (@id, @label, @subscribe, @status, @secrets,
  @receiverSecret, @upstreamId, @createdAt, @updatedAt, @deletedAt)`;
// The flags tell "absent: keep" from "null: clear" for the two fields a replacement may leave out.
const REPLACE_SQL = `UPDATE callbacks SET label = @label, subscribe = @subscribe, secrets = @secrets,
  receiver_secret = CASE WHEN @setReceiverSecret THEN @receiverSecret ELSE receiver_secret END,
  upstream_id = CASE WHEN @setUpstreamId THEN @upstreamId ELSE upstream_id END,
  updated_at = @updatedAt
  WHERE id = @id AND deleted_at IS NULL`;
const SET_STATUS_SQL = `UPDATE callbacks SET status = @status, updated_at = @at
  WHERE id = @id AND deleted_at IS NULL`;
const SOFT_DELETE_SQL = `UPDATE callbacks SET deleted_at = @at, updated_at = @at
  WHERE id = @id AND deleted_at IS NULL`;
const GET_SQL = `SELECT ${COLUMNS} FROM callbacks WHERE id = @id`;
const LIST_SQL = `SELECT ${COLUMNS} FROM callbacks WHERE deleted_at IS NULL ORDER BY created_at, id`;
/** Sending or Pending, the same "open" as actions.listOpen (and the same partial index). */
export const CALLBACK_HAS_PENDING_ACTIONS_SQL = `SELECT EXISTS (SELECT 1 FROM remote_actions
  WHERE callback_id = @id AND phase IN ('Sending', 'Pending'))`;

export interface CallbacksRepository {
  insert(callback: NewCallback): void;
  /** Returns false when the callback does not exist or is deleted. */
  replace(id: string, replacement: CallbackReplacement): boolean;
  setStatus(id: string, status: CallbackStatus, at: IsoTimestamp): boolean;
  /** Hides the callback; its actions and deliveries keep their reference. False if unknown or already deleted. */
  softDelete(id: string, at: IsoTimestamp): boolean;
  /** Null when unknown or deleted. */
  get(id: string): CallbackRecord | null;
  /** Also returns a deleted callback, e.g. to label the actions sent with it. */
  getIncludingDeleted(id: string): CallbackRecord | null;
  /** Callbacks not deleted, oldest first. */
  list(): CallbackRecord[];
  /** Whether an action sent with it is still Sending or Pending (its outcome would be lost on delete). */
  hasPendingActions(id: string): boolean;
}

export function createCallbacksRepository(db: Db): CallbacksRepository {
  const insert = db.raw.prepare(INSERT_SQL);
  const replace = db.raw.prepare(REPLACE_SQL);
  const setStatus = db.raw.prepare(SET_STATUS_SQL);
  const softDelete = db.raw.prepare(SOFT_DELETE_SQL);
  const get = db.raw.prepare<{ id: string }, CallbackRow>(GET_SQL);
  const list = db.raw.prepare<[], CallbackRow>(LIST_SQL);
  const hasPending = db.raw.prepare<{ id: string }, number>(CALLBACK_HAS_PENDING_ACTIONS_SQL).pluck();

  return {
    insert(callback) {
      insert.run({
        id: callback.id,
        label: callback.label,
        subscribe: toJson(callback.subscribe, 'callbacks.subscribe'),
        status: callback.status,
        secrets: callback.secrets,
        receiverSecret: callback.receiverSecret,
        upstreamId: callback.upstreamId,
        createdAt: callback.createdAt,
        updatedAt: callback.updatedAt,
        deletedAt: callback.deletedAt ?? null,
      });
    },
    replace(id, replacement) {
      const result = replace.run({
        id,
        label: replacement.label,
        subscribe: toJson(replacement.subscribe, 'callbacks.subscribe'),
        secrets: replacement.secrets,
        setReceiverSecret: replacement.receiverSecret === undefined ? 0 : 1,
        receiverSecret: replacement.receiverSecret ?? null,
        setUpstreamId: replacement.upstreamId === undefined ? 0 : 1,
        upstreamId: replacement.upstreamId ?? null,
        updatedAt: replacement.updatedAt,
      });
      return result.changes > 0;
    },
    setStatus(id, status, at) {
      return setStatus.run({ id, status, at }).changes > 0;
    },
    softDelete(id, at) {
      return softDelete.run({ id, at }).changes > 0;
    },
    get(id) {
      const row = get.get({ id });
      return row && row.deleted_at === null ? toRecord(row) : null;
    },
    getIncludingDeleted(id) {
      const row = get.get({ id });
      return row ? toRecord(row) : null;
    },
    list() {
      return list.all().map(toRecord);
    },
    hasPendingActions(id) {
      return hasPending.get({ id }) === 1;
    },
  };
}

function toRecord(row: CallbackRow): CallbackRecord {
  return {
    id: row.id,
    label: row.label,
    subscribe: fromJson<CallbackSubscribe>(row.subscribe),
    status: row.status,
    secrets: row.secrets,
    receiverSecret: row.receiver_secret,
    upstreamId: row.upstream_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}
