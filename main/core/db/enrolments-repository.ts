// Browsers enrolled for PIN sign-in (migration 009): the enrolment cookie's SHA-256.
import type { Db } from './open-database.js';
import type { IsoTimestamp } from './records.js';

export interface EnrolmentsRepository {
  insert(record: { id: string; cookieSha256: string; createdAt: IsoTimestamp; createdBy: string }): void;
  has(cookieSha256: string): boolean;
}

export function createEnrolmentsRepository(db: Db): EnrolmentsRepository {
  const insert = db.raw.prepare(`INSERT INTO browser_enrolments (id, cookie_sha256, created_at, created_by)
    VALUES (@id, @cookieSha256, @createdAt, @createdBy)`);
  const has = db.raw
    .prepare<{ sha: string }, number>(
      'SELECT EXISTS (SELECT 1 FROM browser_enrolments WHERE cookie_sha256 = @sha)',
    )
    .pluck();
  return {
    insert: (record) => void insert.run(record),
    has: (sha) => has.get({ sha }) === 1,
  };
}
