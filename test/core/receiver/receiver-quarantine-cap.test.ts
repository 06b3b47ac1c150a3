// The quarantine is bounded: an entry keeps at most 100 errors and the count of all; list pages carry no bodies
// and no errors; the table has a size cap past which resolved entries go first, then malformed ones, oldest
// first, each drop in the audit log. Entries waiting for their action are never dropped: when only they remain,
// the receiver answers 500 (QUARANTINE_FULL, nothing stored) so that the network retries, and the list says so.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { quarantineHandlers } from '../../../main/core/operations/quarantine.js';
import { mountOperations } from '../../helpers/operation-subset.js';
import { changeEventSchemas } from '../../../preload/contract/events.js';
import { quarantinePageSchema } from '../../../preload/contract/quarantine.js';
import {
  fleetEvent,
  fleetPayload,
  type ReceiverHarness,
  type ReceiverHarnessOptions,
  startReceiverHarness,
} from './receiver-harness.js';

let h: ReceiverHarness;
let api: FastifyInstance;
afterEach(async () => {
  await api?.close();
  await h?.close();
});

async function start(opts: ReceiverHarnessOptions = {}) {
  h = await startReceiverHarness(opts);
  api = await mountOperations(quarantineHandlers(h.core.services.access, h.quarantine));
}

const call = async (method: 'GET' | 'POST', url: string, headers: Record<string, string> = {}) => {
  const res = await api.inject({ method, url: `/api/v1${url}`, headers });
  return { status: res.statusCode, body: res.json(), text: res.body };
};

describe('one request, bounded', () => {
  it('a 1 MB `[0,0,…]` body keeps 100 errors and the count; lists carry no bodies and no errors', async () => {
    await start();
    const items = 524_287; // the largest such body under the 1 MiB limit
    const body = Buffer.from(`[${new Array<string>(items).fill('0').join(',')}]`);
    const res = await h.post(body);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ reason: 'SCHEMA_MISMATCH', stored: 0 });
    const id = res.body.quarantineId as number;

    const row = h.db.raw
      .prepare<[number], { errors: string; error_count: number }>(
        'SELECT errors, error_count FROM quarantine WHERE id = ?',
      )
      .get(id)!;
    expect(JSON.parse(row.errors)).toHaveLength(100);
    expect(row.error_count).toBe(items);
    // The entry weighs about its body: no amplification.
    expect(h.repos.quarantine.usedBytes()).toBeLessThan(body.length + 20_000);

    const list = await call('GET', '/quarantine');
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ id, errorCount: items, size: body.length, reason: 'SCHEMA_MISMATCH' }),
    ]);
    expect(list.body.items[0]).not.toHaveProperty('errors');
    expect(list.body.items[0]).not.toHaveProperty('body');
    expect(list.text.length).toBeLessThan(2_000);
    // The published entry is the list item.
    const added = h.published.find((e) => e.name === 'quarantine.added')!;
    expect(() => changeEventSchemas['quarantine.added'].parse(added.data)).not.toThrow();
    expect(JSON.stringify(added.data).length).toBeLessThan(2_000);

    // One entry at a time: its first 100 errors, and the body as received.
    const detail = await call('GET', `/quarantine/${id}`);
    expect(detail.body).toMatchObject({ errorCount: items, bodyEncoding: 'utf8' });
    expect(detail.body.errors).toHaveLength(100);
    expect(detail.body.errors[0]).toEqual({ field: '[0]', rule: 'notification.notObject' });
    expect(detail.body.body).toHaveLength(body.length);
  });

  it('names at most 100 unknown action ids in a list item, and counts them all', async () => {
    await start({ quarantine: { autoReplay: false } });
    const events = Array.from({ length: 150 }, (_, i) =>
      fleetEvent(`rid-x${i}`, '2026-01-05T08:00:01Z', { type: 'Pending', status: 'Accepted' }),
    );
    const res = await h.post(fleetPayload(...events));
    expect(res.body).toMatchObject({ reason: 'UNKNOWN_ACTION', events: 150 });
    const [item] = (await call('GET', '/quarantine')).body.items;
    expect(item).toMatchObject({ errorCount: 150, remoteActionIdCount: 150 });
    expect(item.remoteActionIds).toHaveLength(100);
    expect(item.message).toMatch(/150 remote actions .*\(rid-x0, rid-x1, rid-x2 and 147 more\)/);
    // Every one is still waited for.
    expect(h.repos.quarantine.listWaitingForActions()[0]!.actionIds).toHaveLength(150);
  });
});

describe('the size cap', () => {
  /** A body of exactly 1000 bytes that is not JSON: every such entry weighs the same. */
  const malformed = (n: number) => `${n}`.padEnd(1000, '#');
  /** A well-formed notification of exactly 1000 bytes for an action this agent does not know. */
  const unknown = (n: number) => {
    const payload = fleetPayload(
      fleetEvent(`rid-u${n}`, '2026-01-05T08:00:01Z', { type: 'Pending', status: 'Accepted' }),
    );
    const text = JSON.stringify({ ...payload, pad: '' });
    return JSON.stringify({ ...payload, pad: '#'.repeat(1000 - text.length) });
  };
  const drops = () =>
    h.repos.audit
      .list({ limit: 50, action: 'quarantine.drop' })
      .map((a) => a.detail as { quarantineId: number; quarantineReason: string; resolvedAt: string | null })
      .reverse();
  const ids = () =>
    h.repos.quarantine
      .list({ limit: 50, offset: 0 })
      .map((e) => e.id)
      .reverse();

  it('drops resolved entries first, then malformed ones oldest first, audited; refuses with 500 when only waiting ones remain', async () => {
    // Measure one entry, then allow three and a half of them.
    await start();
    const probe = await h.post(malformed(0));
    const weight = h.repos.quarantine.getSummary(probe.body.quarantineId as number)!.bytes;
    await h.close();
    await start({ quarantine: { capBytes: Math.floor(weight * 3.5) } });
    const post = async (body: string) => {
      const res = await h.post(body);
      expect(res.status, res.text).toBe(200);
      return res.body.quarantineId as number;
    };

    const b1 = await post(malformed(1));
    const b2 = await post(malformed(2));
    const b3 = await post(malformed(3));
    expect(drops()).toEqual([]);
    await call('POST', `/quarantine/${b2}/resolve`, { 'x-depot-operator': 'alice' });

    // Over the cap: the resolved entry goes first, although b1 is older.
    const b4 = await post(malformed(4));
    expect(ids()).toEqual([b1, b3, b4]);
    // Then the oldest malformed one.
    const b5 = await post(malformed(5));
    expect(ids()).toEqual([b3, b4, b5]);
    expect(drops()).toMatchObject([
      { quarantineId: b2, quarantineReason: 'MALFORMED_JSON', resolvedAt: expect.any(String) },
      { quarantineId: b1, quarantineReason: 'MALFORMED_JSON', resolvedAt: null },
    ]);
    const audit = h.repos.audit.list({ limit: 1, action: 'quarantine.drop' })[0]!;
    expect(audit).toMatchObject({ operator: 'receiver', callbackId: h.cbid });

    // Notifications for actions not known yet take the room of malformed ones, and are never dropped.
    const u1 = await post(unknown(1));
    const u2 = await post(unknown(2));
    const u3 = await post(unknown(3));
    expect(ids()).toEqual([u1, u2, u3]);
    expect(drops().map((d) => d.quarantineId)).toEqual([b2, b1, b3, b4, b5]);
    expect(h.repos.quarantine.usedBytes()).toBeLessThanOrEqual(Math.floor(weight * 3.5));
    expect((await call('GET', '/quarantine')).body.capacity).toMatchObject({ full: false });

    // Only those remain: a request that needs quarantine is refused whole, and nothing changes.
    const { remoteActionId: known } = await h.sendRemote();
    const rows = h.rowCounts();
    const hash = h.contentHash();
    for (const body of [
      malformed(6),
      unknown(4),
      // Partly applicable: its known event must not be stored either. (As large as the others: what it would
      // weigh must not depend on how its problems are worded.)
      JSON.stringify({
        ...fleetPayload(
          fleetEvent(known, '2026-01-05T08:00:01Z', { type: 'Pending', status: 'Accepted' }),
          fleetEvent('rid-u9', '2026-01-05T08:00:01Z', { type: 'Pending', status: 'Accepted' }),
        ),
        pad: '#'.repeat(700),
      }),
    ]) {
      const refused = await h.post(body);
      expect(refused.status).toBe(500);
      expect(refused.body).toEqual({
        code: 50002,
        debug: 'QUARANTINE_FULL',
        message: expect.stringMatching(/quarantine is full.*Retry later/),
      });
    }
    expect(h.rowCounts()).toEqual(rows);
    expect(h.contentHash()).toBe(hash);
    expect(h.action(known).events).toEqual([]);
    expect(drops()).toHaveLength(5);
    // One log line for the spell of refusals, not one per request.
    expect(h.logs.filter((l) => /quarantine full/.test(l.message))).toHaveLength(1);

    // The UI can say why.
    const page = await call('GET', '/quarantine');
    expect(() => quarantinePageSchema.parse(page.body)).not.toThrow();
    expect(page.body.capacity).toEqual({
      full: true,
      bytes: h.repos.quarantine.usedBytes(),
      capBytes: Math.floor(weight * 3.5),
      waitingBytes: h.repos.quarantine.usedBytes(),
    });

    // What needs no quarantine is still received.
    const ok = await h.post(
      fleetPayload(fleetEvent(known, '2026-01-05T08:00:01Z', { type: 'Pending', status: 'Accepted' })),
    );
    expect(ok.body).toMatchObject({ stored: 1, quarantineId: null });

    // Resolving one makes room again: the next request is kept, the resolved entry dropped.
    await call('POST', `/quarantine/${u1}/resolve`, { 'x-depot-operator': 'alice' });
    expect((await call('GET', '/quarantine')).body.capacity.full).toBe(false);
    const b6 = await post(malformed(6));
    expect(ids()).toEqual([u2, u3, b6]);
    expect(drops().at(-1)).toMatchObject({ quarantineId: u1, quarantineReason: 'UNKNOWN_ACTION' });
  });

  it('refuses an entry larger than the whole cap without dropping anything', async () => {
    await start({ quarantine: { capBytes: 3000 } });
    const small = await h.post('small');
    expect(small.status).toBe(200);
    await call('POST', `/quarantine/${small.body.quarantineId}/resolve`);
    const big = await h.post('#'.repeat(5000));
    expect(big.status).toBe(500);
    expect(big.body).toMatchObject({ debug: 'QUARANTINE_FULL' });
    // The resolved entry was not dropped for nothing.
    expect(h.repos.quarantine.count({})).toBe(1);
    expect(drops()).toEqual([]);
  });
});
