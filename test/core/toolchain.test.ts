import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

describe('toolchain', () => {
  it('runs on the project Node (>= 22), not the system Node 20', () => {
    const major = Number(process.versions.node.split('.')[0]);
    expect(major).toBeGreaterThanOrEqual(22);
  });

  it('loads the better-sqlite3 N-API prebuild with WAL support', () => {
    const db = new Database(':memory:');
    const row = db.prepare('select sqlite_version() as v').get() as { v: string };
    expect(row.v).toMatch(/^3\.\d+\.\d+$/);
    db.close();
  });
});
