// What the network may send that is still a notification: any content type (the body is read as bytes, then as
// JSON), any RFC 3339 spelling of a date (one instant is one event), and events without a date (applied once,
// dated by their receipt and marked so).
import { afterEach, describe, expect, it } from 'vitest';
import type { ManualClock } from '../../../main/core/ports/clock.js';
import {
  endUserMessage,
  fleetEvent,
  fleetPayload,
  type ReceiverHarness,
  startReceiverHarness,
} from './receiver-harness.js';

let h: ReceiverHarness;
afterEach(async () => {
  await h?.close();
});

const pending = (status: string) => ({ type: 'Pending', status });
const eventsOf = (rid: string) => h.action(rid).events ?? [];

describe('content types', () => {
  it('reads a JSON body whatever content type came with it, and keeps the header as sent', async () => {
    h = await startReceiverHarness();
    const { remoteActionId: rid } = await h.sendRemote();
    const types = [
      'application/json, text/plain',
      'text/plain',
      null,
      'application/octet-stream',
      'multipart/form-data',
      'application/json; charset=utf-8',
      'nonsense',
    ];
    for (const [i, contentType] of types.entries()) {
      const res = await h.post(
        fleetPayload(fleetEvent(rid, `2026-01-05T08:00:0${i}Z`, pending(`Step${i}`))),
        { contentType },
      );
      expect(res.status, String(contentType)).toBe(200);
      expect(res.body, String(contentType)).toMatchObject({ stored: 1, quarantineId: null });
    }
    expect(eventsOf(rid)).toHaveLength(types.length);

    // A body that cannot be applied is kept with the content type the sender wrote, not the one Fastify saw.
    const kept = await h.post('not json', { contentType: 'application/json, text/plain' });
    expect(kept.status).toBe(200);
    const entry = h.repos.quarantine.get(kept.body.quarantineId as number)!;
    expect(entry).toMatchObject({ reason: 'MALFORMED_JSON', contentType: 'application/json, text/plain' });
    expect(entry.headers['content-type']).toBe('application/json, text/plain');
  });
});

describe('event dates as instants', () => {
  it('stores one instant once, whether written Z, .000Z or +02:00', async () => {
    h = await startReceiverHarness();
    const { remoteActionId: rid } = await h.sendRemote();
    const answers = [];
    for (const date of ['2026-01-01T10:00:03Z', '2026-01-01T10:00:03.000Z', '2026-01-01T12:00:03+02:00']) {
      answers.push((await h.post(fleetPayload(fleetEvent(rid, date, pending('Accepted'))))).body);
    }
    expect(answers.map((a) => [a.stored, a.duplicates])).toEqual([
      [1, 0],
      [0, 1],
      [0, 1],
    ]);
    expect(eventsOf(rid).map((e) => e.eventDate)).toEqual(['2026-01-01T10:00:03.000Z']);
  });

  it('accepts lower-case t and z (valid RFC 3339) instead of quarantining them', async () => {
    h = await startReceiverHarness();
    const { remoteActionId: rid } = await h.sendRemote();
    const res = await h.post(fleetPayload(fleetEvent(rid, '2026-01-01t10:00:03z', pending('Accepted'))));
    expect(res.body).toMatchObject({ stored: 1, quarantineId: null });
    expect(h.repos.quarantine.count({})).toBe(0);
    expect(h.action(rid)).toMatchObject({ status: 'Accepted' });
    expect(eventsOf(rid)[0]!.eventDate).toBe('2026-01-01T10:00:03.000Z');
  });
});

describe('events without a date', () => {
  it('are applied once across redeliveries, dated by their first receipt and marked so', async () => {
    h = await startReceiverHarness();
    const clock = h.clock as ManualClock;
    const { remoteActionId: rid } = await h.sendRemote();
    const { eventDate: _none, ...undated } = fleetEvent(rid, 'x', pending('Accepted'));
    const receivedAt = clock.nowIso();
    const first = await h.post(fleetPayload(undated));
    expect(first.body).toMatchObject({ stored: 1, duplicates: 0, quarantineId: null });
    clock.advance(60_000); // the network retries a minute later
    const again = await h.post(fleetPayload(undated));
    expect(again.body).toMatchObject({ stored: 0, duplicates: 1 });

    expect(h.action(rid)).toMatchObject({ phase: 'Pending', status: 'Accepted' });
    expect(eventsOf(rid)).toEqual([
      expect.objectContaining({ status: 'Accepted', eventDate: receivedAt, eventDateFromReceipt: true }),
    ]);
    // A Done without a date, then the same Done again: applied once, the action completes once.
    const { date: _noDate, ...done } = endUserMessage(rid, 'x', { type: 'Done', status: 'Success' });
    expect((await h.post(done)).body).toMatchObject({ stored: 1 });
    clock.advance(1000);
    expect((await h.post([done])).body).toMatchObject({ stored: 0, duplicates: 1 });
    expect(h.action(rid)).toMatchObject({ phase: 'Done', outcome: 'Success' });
    expect(h.completed).toHaveLength(1);
  });

  it('waiting in quarantine, keep the time they were first received when replayed', async () => {
    h = await startReceiverHarness();
    const clock = h.clock as ManualClock;
    const { eventDate: _none, ...undated } = fleetEvent('rid-1', 'x', pending('Accepted'));
    const receivedAt = clock.nowIso();
    const res = await h.post(fleetPayload(undated));
    expect(res.body).toMatchObject({ reason: 'UNKNOWN_ACTION' });
    clock.advance(5 * 60_000);
    await h.sendRemote(); // the network answers rid-1: the entry is replayed by itself
    await new Promise((r) => setTimeout(r, 20));
    expect(eventsOf('rid-1')).toEqual([
      expect.objectContaining({ eventDate: receivedAt, eventDateFromReceipt: true }),
    ]);
  });
});
