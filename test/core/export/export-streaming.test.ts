// A year of audit leaves the agent as it is read: 100,000 entries exported over a real socket while the heap stays
// far below the file's size, and the first bytes arrive while the file is still being made (an entry appended after
// them is still in it: the reads had not finished).
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { NewAuditEntry } from '../../../main/core/db/index.js';
import { startHarness, TOKEN, type Harness } from '../../helpers/api-harness.js';
import { addAudit } from './export-fixtures.js';

const ENTRIES = 100_000;
// What the heap holds, not what it has yet to collect: a full collection before each reading (the text of each
// chunk is garbage at once, and uncollected garbage would measure the allocation rate, not what the export keeps).
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const liveHeap = () => {
  gc();
  return process.memoryUsage().heapUsed;
};
let h: Harness;
let base: string;

beforeAll(async () => {
  h = await startHarness();
  const start = Date.parse('2019-01-01T00:00:00.000Z');
  const entries: NewAuditEntry[] = Array.from({ length: ENTRIES }, (_, i) => ({
    at: new Date(start + i * 300_000).toISOString(),
    operator: `operator ${i % 17}`,
    action: 'remote.send',
    vin: 'VR3UHZKXZMT000001',
    reason: `shift ${i}: checked before handing the keys back to the customer`,
    detail: { type: 'Doors', remote: { door: { state: 'Locked' } }, note: 'x'.repeat(400) },
  }));
  addAudit(h, entries);
  await h.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  await h.close();
});

it('streams 100,000 entries in bounded memory, the first bytes before the whole is read', async () => {
  const baseline = liveHeap();
  const res = await fetch(`${base}/api/v1/audit/export?from=2019-01-01T00:00:00Z&to=2020-01-01T00:00:00Z`, {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  let bytes = 0;
  let chunks = 0;
  let lineEnds = 0;
  let peak = 0;
  let last = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (chunks === 0) {
      // After the first bytes: an entry logged now, inside the period, still makes it into the file.
      addAudit(h, [{ at: '2019-12-31T23:59:59.000Z', operator: 'late', action: 'remote.cancel' }]);
    }
    chunks += 1;
    bytes += value.byteLength;
    for (const byte of value) if (byte === 10) lineEnds += 1;
    last = Buffer.from(value.subarray(Math.max(0, value.byteLength - 200))).toString('latin1');
    if (chunks % 25 === 0) peak = Math.max(peak, liveHeap() - baseline);
  }
  // The header, every entry, and the late one, which was appended last.
  expect(lineEnds).toBe(ENTRIES + 2);
  expect(last).toContain(',late,');
  expect(chunks).toBeGreaterThan(50);
  console.log(`export: ${bytes} bytes in ${chunks} chunks; heap peak +${(peak / 1e6).toFixed(1)} MB`);
  // Over 60 MB of text; what the heap held never grew by more than a small fraction of it.
  expect(bytes).toBeGreaterThan(60_000_000);
  expect(peak).toBeLessThan(bytes / 10);
}, 120_000);
