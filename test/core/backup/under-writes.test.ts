// A backup taken while another connection keeps writing is a consistent snapshot: SQLite's check passes on the
// restored copy, and each committed transaction is in it whole or not at all.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { createBackup } from '../../../main/core/backup/create-backup.js';
import { restoreBackup } from '../../../main/core/backup/restore-backup.js';
import { openDatabase } from '../../../main/core/db/index.js';
import { tempDir } from '../../helpers/temp-dir.js';

const sqlite = createRequire(import.meta.url).resolve('better-sqlite3');

let dir: ReturnType<typeof tempDir>;
let writer: Worker | undefined;
afterEach(async () => {
  await writer?.terminate();
  dir?.remove();
});

it('is consistent while a second connection inserts in a loop', async () => {
  dir = tempDir('depot-remote-backup-writes-');
  const dataDir = join(dir.path, 'data');
  const file = join(dataDir, 'depot-remote.sqlite');
  // The app's schema (a restore checks the version), plus a table for the churn, grown to a few MiB so the copy
  // takes many pages while the writer commits.
  openDatabase(file).close();
  const setup = new Database(file);
  setup.exec(
    'CREATE TABLE churn (id INTEGER PRIMARY KEY, payload TEXT NOT NULL); CREATE TABLE tally (n INTEGER NOT NULL);',
  );
  setup.prepare('INSERT INTO tally VALUES (0)').run();
  const seed = setup.prepare('INSERT INTO churn (payload) VALUES (?)');
  setup.transaction(() => {
    for (let i = 0; i < 10_000; i++) seed.run('y'.repeat(400));
  })();
  setup.close();

  // A second connection, on its own thread: 25 rows and 25 more in the tally per transaction, until told to stop.
  const stop = new SharedArrayBuffer(4);
  writer = new Worker(
    `
    const { parentPort, workerData } = require('node:worker_threads');
    const Database = require(workerData.sqlite);
    const db = new Database(workerData.file, { timeout: 5000 });
    const insert = db.prepare('INSERT INTO churn (payload) VALUES (?)');
    const tally = db.prepare('UPDATE tally SET n = n + 25');
    const batch = db.transaction(() => { for (let i = 0; i < 25; i++) insert.run('x'.repeat(400)); tally.run(); });
    const stop = new Int32Array(workerData.stop);
    let transactions = 0;
    parentPort.postMessage('started');
    while (Atomics.load(stop, 0) === 0) { batch(); transactions++; }
    db.close();
    parentPort.postMessage(transactions);
    `,
    { eval: true, workerData: { file, sqlite, stop } },
  );
  const done = new Promise<number>((resolve, reject) => {
    writer!.on('message', (m) => {
      if (typeof m === 'number') resolve(m);
    });
    writer!.on('error', reject);
  });
  await new Promise((resolve) => writer!.once('message', resolve));
  const countNow = () => {
    const db = new Database(file, { readonly: true });
    try {
      return db.prepare('SELECT n FROM tally').pluck().get() as number;
    } finally {
      db.close();
    }
  };
  const before = countNow();
  const archive = join(dir.path, 'busy.backup');
  await createBackup({ dataDir, archive, passphrase: null, appVersion: '1.0.0', now: new Date() });
  const after = countNow();
  Atomics.store(new Int32Array(stop), 0, 1);
  const transactions = await done;
  // The writer really was committing while the copy was taken.
  expect(after).toBeGreaterThan(before);
  expect(transactions).toBeGreaterThan(0);

  const restored = join(dir.path, 'restored');
  await restoreBackup({ dataDir: restored, archive, passphrase: null, force: false, now: new Date() });
  const copy = new Database(join(restored, 'depot-remote.sqlite'), { readonly: true });
  try {
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    const rows = copy.prepare('SELECT count(*) FROM churn').pluck().get() as number;
    const tally = copy.prepare('SELECT n FROM tally').pluck().get() as number;
    // Whole transactions only: the tally and the rows it counts moved together.
    expect(rows).toBe(10_000 + tally);
    expect(tally).toBeGreaterThanOrEqual(before);
    expect(tally % 25).toBe(0);
  } finally {
    copy.close();
  }
});
