// A digest of what is in the domain tables, read through a second connection on the same file: if a refused
// request changed anything (an action, a callback, a delivery, a setting, a stored event), the digest changes.
import { createHash } from 'node:crypto';
import type { Db } from '../../../main/core/db/index.js';

export const DOMAIN_TABLES = [
  'callbacks',
  'remote_actions',
  'action_events',
  'deliveries',
  'delivery_events',
  'settings',
  'vehicles',
];

export function tableFingerprint(db: Db, tables: readonly string[] = DOMAIN_TABLES): string {
  const hash = createHash('sha256');
  for (const table of tables) {
    hash.update(`\u0000${table}\u0000`);
    for (const row of db.raw.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).iterate()) {
      hash.update(JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v)));
    }
  }
  return hash.digest('hex');
}
