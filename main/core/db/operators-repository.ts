// Operators: local accounts with a role and a hashed PIN or password (migration 009). The sign-in failures and
// the lock are columns, so a restart does not clear them.
import type { Role } from '../../../preload/contract/vocabulary.js';
import type { Db } from './open-database.js';
import type { IsoTimestamp } from './records.js';

export interface OperatorRecord {
  id: string;
  name: string;
  role: Role;
  credential: 'pin' | 'password';
  secretHash: string;
  enabled: boolean;
  failedAttempts: number;
  lockedUntil: IsoTimestamp | null;
  createdAt: IsoTimestamp;
  updatedAt: IsoTimestamp;
  lastSignInAt: IsoTimestamp | null;
  deletedAt: IsoTimestamp | null;
}

interface OperatorRow {
  id: string;
  name: string;
  role: Role;
  credential: 'pin' | 'password';
  secret_hash: string;
  enabled: number;
  failed_attempts: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
  last_sign_in_at: string | null;
  deleted_at: string | null;
}

const COLUMNS = `id, name, role, credential, secret_hash, enabled, failed_attempts, locked_until, created_at,
  updated_at, last_sign_in_at, deleted_at`;

export interface OperatorsRepository {
  insert(record: OperatorRecord): void;
  /** Replaces every column but id and created_at. */
  update(record: OperatorRecord): void;
  /** A live (not deleted) operator by id, or by name whatever its case. */
  find(ref: string): OperatorRecord | undefined;
  get(id: string): OperatorRecord | undefined;
  /** Live operators, by name. */
  list(): OperatorRecord[];
  /** Live, enabled admins. */
  countEnabledAdmins(): number;
  /** Whether any live operator exists (none: the first admin is still to be created). */
  any(): boolean;
}

export function createOperatorsRepository(db: Db): OperatorsRepository {
  const insert = db.raw.prepare(`INSERT INTO operators (${COLUMNS}) VALUES (@id, @name, @role, @credential,
    @secretHash, @enabled, @failedAttempts, @lockedUntil, @createdAt, @updatedAt, @lastSignInAt, @deletedAt)`);
  const update = db.raw.prepare(`UPDATE operators SET name = @name, role = @role, credential = @credential,
    secret_hash = @secretHash, enabled = @enabled, failed_attempts = @failedAttempts, locked_until = @lockedUntil,
    updated_at = @updatedAt, last_sign_in_at = @lastSignInAt, deleted_at = @deletedAt WHERE id = @id`);
  const byId = db.raw.prepare<{ id: string }, OperatorRow>(`SELECT ${COLUMNS} FROM operators WHERE id = @id`);
  const find = db.raw.prepare<{ ref: string }, OperatorRow>(
    `SELECT ${COLUMNS} FROM operators WHERE deleted_at IS NULL AND (id = @ref OR lower(name) = lower(@ref))
     ORDER BY id = @ref DESC LIMIT 1`,
  );
  const list = db.raw.prepare<[], OperatorRow>(
    `SELECT ${COLUMNS} FROM operators WHERE deleted_at IS NULL ORDER BY lower(name)`,
  );
  const admins = db.raw
    .prepare<[], number>(
      `SELECT count(*) FROM operators WHERE deleted_at IS NULL AND enabled = 1 AND role = 'admin'`,
    )
    .pluck();
  const any = db.raw
    .prepare<[], number>('SELECT EXISTS (SELECT 1 FROM operators WHERE deleted_at IS NULL)')
    .pluck();

  const params = (r: OperatorRecord) => ({ ...r, enabled: r.enabled ? 1 : 0 });
  return {
    insert: (record) => void insert.run(params(record)),
    update: (record) => void update.run(params(record)),
    find: (ref) => toRecord(find.get({ ref })),
    get: (id) => toRecord(byId.get({ id })),
    list: () => list.all().map((row) => toRecord(row)!),
    countEnabledAdmins: () => admins.get() as number,
    any: () => any.get() === 1,
  };
}

function toRecord(row: OperatorRow | undefined): OperatorRecord | undefined {
  if (!row) return undefined;
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    credential: row.credential,
    secretHash: row.secret_hash,
    enabled: row.enabled === 1,
    failedAttempts: row.failed_attempts,
    lockedUntil: row.locked_until,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastSignInAt: row.last_sign_in_at,
    deletedAt: row.deleted_at,
  };
}
