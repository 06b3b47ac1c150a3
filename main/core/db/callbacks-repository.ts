import type { BuiltInSubscribe } from '../domain/callback/built-in.js';
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
  secrets_lost: 0 | 1;
  built_in: 0 | 1;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

const COLUMNS =
  'id, label, subscribe, status, secrets, receiver_secret, upstream_id, secrets_lost, built_in, created_at, updated_at, deleted_at';

// Site callbacks only: the built-in one exists from migration 008 on (built_in keeps its default, 0).
const INSERT_SQL = `INSERT INTO callbacks (id, label, subscribe, status, secrets, receiver_secret, upstream_id,
  secrets_lost, created_at, updated_at, deleted_at) VALUES (@id, @label, @subscribe, @status, @secrets,
  @receiverSecret, @upstreamId, @secretsLost, @createdAt, @updatedAt, @deletedAt)`;
// The flags tell "absent: keep" from "null: clear" for the two fields a replacement may leave out.
const REPLACE_SQL = `UPDATE callbacks SET label = @label, subscribe = @subscribe, secrets = @secrets,
  receiver_secret = CASE WHEN @setReceiverSecret THEN @receiverSecret ELSE receiver_secret END,
  upstream_id = CASE WHEN @setUpstreamId THEN @upstreamId ELSE upstream_id END,
  secrets_lost = CASE WHEN @setSecretsLost THEN @secretsLost ELSE secrets_lost END,
  updated_at = @updatedAt
  WHERE id = @id AND deleted_at IS NULL`;
const SET_STATUS_SQL = `UPDATE callbacks SET status = @status, updated_at = @at
  WHERE id = @id AND deleted_at IS NULL`;
const SOFT_DELETE_SQL = `UPDATE callbacks SET deleted_at = @at, updated_at = @at
  WHERE id = @id AND deleted_at IS NULL`;
const GET_SQL = `SELECT ${COLUMNS} FROM callbacks WHERE id = @id`;
// The built-in callback first, then oldest first: it is the one a newcomer uses, whenever the folder gained it.
const LIST_SQL = `SELECT ${COLUMNS} FROM callbacks WHERE deleted_at IS NULL ORDER BY built_in DESC, created_at, id`;
const LIST_ALL_SQL = `SELECT ${COLUMNS} FROM callbacks ORDER BY built_in DESC, created_at, id`;
// Sets the built-in's receiver secret once (see CallbacksRepository.setBuiltInReceiverSecret).
const SET_BUILT_IN_RECEIVER_SECRET_SQL = `UPDATE callbacks SET receiver_secret = @receiverSecret
  WHERE id = @id AND built_in = 1 AND receiver_secret IS NULL`;
// Storage-only changes (sealing values stored in clear, clearing lost ones): deleted callbacks included, and
// updated_at kept, since the callback's definition does not change.
const RESEAL_SQL = `UPDATE callbacks SET subscribe = @subscribe, secrets = @secrets WHERE id = @id`;
const FORGET_SQL = `UPDATE callbacks SET secrets = NULL, receiver_secret = @receiverSecret,
  secrets_lost = @secretsLost WHERE id = @id`;
/** Queued, Sending or Pending, the same "open" as actions.listOpen (and the same partial index, migration 010). */
export const CALLBACK_HAS_PENDING_ACTIONS_SQL = `SELECT EXISTS (SELECT 1 FROM remote_actions
  WHERE callback_id = @id AND phase IN ('Queued', 'Sending', 'Pending'))`;

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
  /** Callbacks not deleted: the built-in one first, then oldest first. */
  list(): CallbackRecord[];
  /** Whether an action sent with it is still Queued, Sending or Pending (it would be lost on delete). */
  hasPendingActions(id: string): boolean;
  /** Every callback, deleted ones included (their sealed values are at rest too), the built-in one first. */
  listAll(): CallbackRecord[];
  /**
   * Gives the built-in callback its sealed receiver secret when it has none (migration 008 cannot seal). False when
   * it already had one or is not the built-in: the first writer wins, so two starts cannot disagree.
   */
  setBuiltInReceiverSecret(id: string, receiverSecret: string): boolean;
  /** Rewrites how the definition and secrets are stored (same content, sealed), deleted or not. */
  reseal(id: string, subscribe: CallbackSubscribe, secrets: string | null): void;
  /** --forget-secrets: drops the sealed secrets, sets the new receiver secret and the secrets-lost flag. */
  forgetSecrets(id: string, receiverSecret: string | null, secretsLost: boolean): void;
}

export function createCallbacksRepository(db: Db): CallbacksRepository {
  const insert = db.raw.prepare(INSERT_SQL);
  const replace = db.raw.prepare(REPLACE_SQL);
  const setStatus = db.raw.prepare(SET_STATUS_SQL);
  const softDelete = db.raw.prepare(SOFT_DELETE_SQL);
  const get = db.raw.prepare<{ id: string }, CallbackRow>(GET_SQL);
  const list = db.raw.prepare<[], CallbackRow>(LIST_SQL);
  const listAll = db.raw.prepare<[], CallbackRow>(LIST_ALL_SQL);
  const reseal = db.raw.prepare(RESEAL_SQL);
  const forget = db.raw.prepare(FORGET_SQL);
  const setBuiltInSecret = db.raw.prepare(SET_BUILT_IN_RECEIVER_SECRET_SQL);
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
        secretsLost: callback.secretsLost ? 1 : 0,
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
        setSecretsLost: replacement.secretsLost === undefined ? 0 : 1,
        secretsLost: replacement.secretsLost ? 1 : 0,
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
    listAll() {
      return listAll.all().map(toRecord);
    },
    reseal(id, subscribe, secrets) {
      reseal.run({ id, subscribe: toJson(subscribe, 'callbacks.subscribe'), secrets });
    },
    forgetSecrets(id, receiverSecret, secretsLost) {
      forget.run({ id, receiverSecret, secretsLost: secretsLost ? 1 : 0 });
    },
    setBuiltInReceiverSecret(id, receiverSecret) {
      return setBuiltInSecret.run({ id, receiverSecret }).changes > 0;
    },
  };
}

function toRecord(row: CallbackRow): CallbackRecord {
  const common = {
    id: row.id,
    label: row.label,
    status: row.status,
    secrets: row.secrets,
    receiverSecret: row.receiver_secret,
    upstreamId: row.upstream_id,
    secretsLost: row.secrets_lost === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
  return row.built_in === 1
    ? { ...common, builtIn: true, subscribe: fromJson<BuiltInSubscribe>(row.subscribe) }
    : { ...common, builtIn: false, subscribe: fromJson<CallbackSubscribe>(row.subscribe) };
}
