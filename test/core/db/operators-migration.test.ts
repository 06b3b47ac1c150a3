// Migration 009 on a file written by the previous release: the audit log and the actions keep every row (who is
// unknown for them: null), the append-only rule still holds, and the new tables take operators and tokens.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRepositories, MIGRATIONS, openDatabase } from '../../../main/core/db/index.js';
import { useTempDir } from './db-fixtures.js';

const T = '2025-01-15T08:00:00.000Z';

describe('migration 009 (operators, tokens, who did what)', () => {
  const tempDir = useTempDir();

  it('keeps the audit log and the actions, with no actor for older rows, and adds the new tables', () => {
    const file = path.join(tempDir(), 'depot.sqlite');
    const old = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version < 9) });
    old.raw.exec(`
      INSERT INTO audit_log (at, operator, action, reason) VALUES ('${T}', 'tech-anna', 'remote.send', 'why');
    `);
    old.close();

    const db = openDatabase(file);
    try {
      const repos = createRepositories(db);
      expect(repos.audit.list({ limit: 10 })).toEqual([
        expect.objectContaining({ operator: 'tech-anna', action: 'remote.send', reason: 'why', actor: null }),
      ]);
      // Filtering by the name recorded before ids existed still finds it.
      expect(repos.audit.list({ limit: 10, operator: 'tech-anna' })).toHaveLength(1);
      expect(() => db.raw.exec("UPDATE audit_log SET operator = 'x'")).toThrow();
      expect(repos.operators.any()).toBe(false);
      repos.operators.insert({
        id: 'op-1',
        name: 'Tess',
        role: 'technician',
        credential: 'pin',
        secretHash: 'scrypt$1$1$1$a$b',
        enabled: true,
        failedAttempts: 0,
        lockedUntil: null,
        createdAt: T,
        updatedAt: T,
        lastSignInAt: null,
        deletedAt: null,
      });
      expect(repos.operators.find('TESS')?.id).toBe('op-1');
      // One live operator per name, whatever its case; the role is one of the four.
      expect(() =>
        db.raw.exec(`INSERT INTO operators (id, name, role, credential, secret_hash, created_at, updated_at)
          VALUES ('op-2', 'tess', 'viewer', 'pin', 'h', '${T}', '${T}')`),
      ).toThrow(/UNIQUE/);
      expect(() =>
        db.raw.exec(`INSERT INTO operators (id, name, role, credential, secret_hash, created_at, updated_at)
          VALUES ('op-3', 'Mo', 'owner', 'pin', 'h', '${T}', '${T}')`),
      ).toThrow(/CHECK/);
      expect(db.raw.pragma('foreign_key_check')).toEqual([]);
    } finally {
      db.close();
    }
  });
});
