// Crash safety: a delivery in flight holds a lease; whatever a stopped or killed run left in flight is sent
// again at the next start, with the same webhook-id. At-least-once: every delivery arrives, and the only
// duplicates are deliveries that were in flight.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/core/db/index.js';
import { startSink, startWorld, subscribe, until, type Sink, type World } from './outbox-world.js';

let w: World;
let sink: Sink;
afterEach(async () => {
  await w?.close();
  await sink?.close();
});

const CHILD = join(import.meta.dirname, 'fixtures', 'drain-child.ts');

function tally(ids: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

function inFlightIn(file: string): string[] {
  const db = openDatabase(file);
  try {
    return db.raw
      .prepare<[], { id: string }>("SELECT id FROM deliveries WHERE state = 'InFlight'")
      .all()
      .map((r) => r.id);
  } finally {
    db.close();
  }
}

describe('leases', () => {
  it('a run stopped with calls in the air: they are sent again at the next start, same webhook-id', async () => {
    sink = await startSink(() => 'hang');
    w = await startWorld({ options: { perTargetConcurrency: 3 } });
    w.addCallback('cb-1', subscribe(sink.url()));
    w.addAction('ra-1', 'cb-1');
    for (let i = 0; i < 10; i += 1) w.notify('ra-1', `Step${i}`);
    await until(() => sink.received.length === 3);
    const { dir, clock, file } = w;
    await w.shutdown(0); // gives up on the 3 calls in the air; the 7 claimed but unsent go back to the queue

    const inFlight = inFlightIn(file);
    expect(inFlight.sort()).toEqual(sink.received.map((r) => r.headers['webhook-id']).sort());

    sink.reply(() => ({ status: 200 }));
    w = await startWorld({ dir, clock });
    await w.outbox.idle();
    expect(w.repos.deliveries.counts()).toMatchObject({ Delivered: 10, InFlight: 0, Queued: 0 });
    const seen = tally(sink.received.map((r) => r.headers['webhook-id'] as string));
    expect(seen.size).toBe(10);
    expect(
      [...seen]
        .filter(([, n]) => n > 1)
        .map(([id]) => id)
        .sort(),
    ).toEqual(inFlight.sort());
  });

  it('a graceful stop waits for calls in flight (up to its bound) and records them: no duplicate after', async () => {
    sink = await startSink(() => ({ status: 200, delayMs: 150 }));
    w = await startWorld({ options: { perTargetConcurrency: 2 } });
    w.addCallback('cb-1', subscribe(sink.url()));
    w.addAction('ra-1', 'cb-1');
    for (let i = 0; i < 6; i += 1) w.notify('ra-1', `Step${i}`);
    await until(() => sink.received.length === 2);
    const { dir, clock, file } = w;
    await w.shutdown(5000);
    expect(inFlightIn(file)).toEqual([]);

    w = await startWorld({ dir, clock });
    await w.outbox.idle();
    expect(w.repos.deliveries.counts()).toMatchObject({ Delivered: 6 });
    expect(tally(sink.received.map((r) => r.headers['webhook-id'] as string)).size).toBe(
      sink.received.length,
    );
  });

  it('an outbox process killed with SIGKILL mid-drain: every delivery arrives, duplicates only of those in flight', async () => {
    const N = 600;
    sink = await startSink(() => ({ status: 200, delayMs: 2 }));
    w = await startWorld({ start: false });
    w.addCallback('cb-1', subscribe(sink.url()));
    w.addAction('ra-1', 'cb-1');
    for (let i = 0; i < N; i += 1) w.notify('ra-1', `Step${i}`);
    const { dir, clock, file } = w;
    await w.shutdown();

    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    await until(() => sink.received.length >= N / 4 || child.exitCode !== null, 20_000);
    child.kill('SIGKILL');
    expect(await exited, output).toBe('SIGKILL');
    const before = sink.received.length;
    expect(before).toBeLessThan(N);

    const inFlight = new Set(inFlightIn(file));
    expect(inFlight.size).toBeGreaterThan(0);

    w = await startWorld({ dir, clock });
    await w.outbox.idle();
    expect(w.repos.deliveries.counts()).toMatchObject({ Delivered: N, InFlight: 0, Queued: 0 });
    const seen = tally(sink.received.map((r) => r.headers['webhook-id'] as string));
    expect(seen.size).toBe(N);
    const duplicates = [...seen].filter(([, n]) => n > 1).map(([id]) => id);
    for (const id of duplicates) expect(inFlight.has(id)).toBe(true);
    // A duplicate is the same call again: same id, same events.
    for (const id of duplicates) {
      const bodies = sink.received.filter((r) => r.headers['webhook-id'] === id).map((r) => r.json.events);
      expect(bodies[1]).toEqual(bodies[0]);
    }
  }, 30_000);
});
