// Site systems' scoped tokens (migration 009): the secret's SHA-256 is what is stored and looked up.
import type { Role } from '../../../preload/contract/vocabulary.js';
import type { Db } from './open-database.js';
import type { IsoTimestamp } from './records.js';

export interface ApiTokenRecord {
  id: string;
  label: string;
  role: Role;
  secretSha256: string;
  createdAt: IsoTimestamp;
  createdBy: string;
  expiresAt: IsoTimestamp | null;
  revokedAt: IsoTimestamp | null;
  lastUsedAt: IsoTimestamp | null;
}

interface TokenRow {
  id: string;
  label: string;
  role: Role;
  secret_sha256: string;
  created_at: string;
  created_by: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
}

const COLUMNS =
  'id, label, role, secret_sha256, created_at, created_by, expires_at, revoked_at, last_used_at';

export interface ApiTokensRepository {
  insert(record: ApiTokenRecord): void;
  get(id: string): ApiTokenRecord | undefined;
  bySecret(sha256: string): ApiTokenRecord | undefined;
  /** Newest first, revoked ones included. */
  list(): ApiTokenRecord[];
  revoke(id: string, at: IsoTimestamp): boolean;
  used(id: string, at: IsoTimestamp): void;
}

export function createApiTokensRepository(db: Db): ApiTokensRepository {
  const insert = db.raw
    .prepare(`INSERT INTO api_tokens (${COLUMNS}) VALUES (@id, @label, @role, @secretSha256,
    @createdAt, @createdBy, @expiresAt, @revokedAt, @lastUsedAt)`);
  const get = db.raw.prepare<{ id: string }, TokenRow>(`SELECT ${COLUMNS} FROM api_tokens WHERE id = @id`);
  const bySecret = db.raw.prepare<{ sha: string }, TokenRow>(
    `SELECT ${COLUMNS} FROM api_tokens WHERE secret_sha256 = @sha`,
  );
  const list = db.raw.prepare<[], TokenRow>(`SELECT ${COLUMNS} FROM api_tokens ORDER BY created_at DESC, id`);
  const revoke = db.raw.prepare(
    'UPDATE api_tokens SET revoked_at = @at WHERE id = @id AND revoked_at IS NULL',
  );
  const used = db.raw.prepare('UPDATE api_tokens SET last_used_at = @at WHERE id = @id');
  return {
    insert: (record) => void insert.run(record),
    get: (id) => toRecord(get.get({ id })),
    bySecret: (sha) => toRecord(bySecret.get({ sha })),
    list: () => list.all().map((row) => toRecord(row)!),
    revoke: (id, at) => revoke.run({ id, at }).changes > 0,
    used: (id, at) => void used.run({ id, at }),
  };
}

function toRecord(row: TokenRow | undefined): ApiTokenRecord | undefined {
  if (!row) return undefined;
  return {
    id: row.id,
    label: row.label,
    role: row.role,
    secretSha256: row.secret_sha256,
    createdAt: row.created_at,
    createdBy: row.created_by,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
  };
}
