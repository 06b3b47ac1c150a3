// The source of the store writer's thread (store-writer.ts), kept as a string and started with `eval`, so the same
// code runs under the tests, the headless agent and the packaged desktop app without a separate file to locate
// or bundle. It opens its own connection to the database file with the app's pragmas and, per message, runs the
// steps it is given in one immediate transaction ({s: statement number, m: mode, p: parameters}). The database
// driver is loaded from the path the main thread resolved, so it is the very same module the app uses.
export const STORE_WRITER_SOURCE = String.raw`
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { timeout: workerData.busyTimeoutMs, fileMustExist: true });
db.pragma('busy_timeout = ' + workerData.busyTimeoutMs);
db.pragma('synchronous = FULL');
db.pragma('foreign_keys = ON');
const totalChanges = db.prepare('SELECT total_changes()').pluck();
// Statements by the number the main thread gave their SQL text (sent once, with the first batch using it).
const statements = [];
const runSteps = db.transaction((steps) =>
  steps.map((step) => {
    const statement = statements[step.s];
    if (step.m === 'all') return statement.all(step.p);
    if (step.m === 'get') return statement.get(step.p) ?? null;
    return { changes: statement.run(step.p).changes };
  }),
);
parentPort.on('message', (message) => {
  if (message.type === 'checkpoints') {
    checkpointEvery(message.everyMs);
    return;
  }
  if (message.type === 'close') {
    try { db.pragma('optimize'); } catch {}
    db.close();
    parentPort.close();
    return;
  }
  try {
    for (const [index, sql] of message.sql) statements[index] = db.prepare(sql);
    // The steps arrive as objects (a few, carrying their rows as JSON text); the results go back as one JSON
    // string, cheaper to pass between threads than the many claimed rows cloned one by one.
    const before = totalChanges.get();
    const results = runSteps.immediate(message.steps);
    // Whether the batch changed a row (a claim that found nothing changes none): only then is it news to the
    // storage health, which probes for room after a write while the disk is full.
    const changed = totalChanges.get() !== before;
    parentPort.postMessage({ id: message.id, results: JSON.stringify(results), changed });
  } catch (error) {
    parentPort.postMessage({
      id: message.id,
      error: { message: String(error && error.message), code: error && typeof error.code === 'string' ? error.code : null },
    });
  }
});
// Checkpoints (store-writer.ts, checkpoints()): the WAL's pages copied into the database file here, off the event
// loop, whenever the WAL changed since the last look; the app's connection then rarely reaches its own threshold.
let checkpointing = false;
function checkpointEvery(ms) {
  if (checkpointing || !ms) return;
  checkpointing = true;
  const fs = require('node:fs');
  const wal = workerData.file + '-wal';
  let seen = '';
  setInterval(() => {
    try {
      const stat = fs.statSync(wal);
      const now = stat.mtimeMs + ':' + stat.size;
      if (now === seen) return;
      db.pragma('wal_checkpoint(PASSIVE)');
      const after = fs.statSync(wal);
      seen = after.mtimeMs + ':' + after.size;
    } catch {}
  }, ms).unref();
}
checkpointEvery(workerData.checkpointEveryMs);
parentPort.postMessage({ type: 'ready' });
`;
