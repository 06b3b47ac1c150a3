// Authenticated requests that cannot be applied are kept byte for byte, answered 200 (else the network retries
// for three days), published, and listed by the API until replayed or resolved. Events for actions this agent
// does not know wait in quarantine and are applied once the action exists.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { quarantineHandlers } from '../../../main/core/operations/quarantine.js';
import { mountOperations } from '../../helpers/operation-subset.js';
import { silentLogger } from '../../../main/core/ports/logger.js';
import { changeEventSchemas } from '../../../preload/contract/events.js';
import {
  fleetEvent,
  fleetPayload,
  type ReceiverHarness,
  type ReceiverHarnessOptions,
  startReceiverHarness,
} from './receiver-harness.js';
import { problemWords } from './problem-words.js';

let h: ReceiverHarness;
let api: FastifyInstance;
afterEach(async () => {
  await api?.close();
  await h?.close();
});

/** The receiver plus the quarantine routes, mounted as the local API mounts them. */
async function start(opts: ReceiverHarnessOptions = {}) {
  h = await startReceiverHarness(opts);
  api = await mountOperations(quarantineHandlers(h.core.services.access, h.quarantine));
}

const call = async (method: 'GET' | 'POST', url: string, headers: Record<string, string> = {}) => {
  const res = await api.inject({ method, url: `/api/v1${url}`, headers });
  return { status: res.statusCode, body: res.json() };
};

const added = () => h.published.filter((e) => e.name === 'quarantine.added');
const accepted = (rid: string, at = '2026-01-05T08:00:01Z') =>
  fleetEvent(rid, at, { type: 'Pending', status: 'Accepted' });

describe('bodies that cannot be read', () => {
  it('malformed JSON: 200, kept byte for byte with its content type, nothing applied, published', async () => {
    await start();
    const { remoteActionId } = await h.sendRemote();
    // Not even UTF-8: the stored body must still be the exact bytes.
    const raw = Buffer.concat([
      Buffer.from('{"events": [{"remoteActionId": "'),
      Buffer.from([0xff, 0xfe, 0x00]),
      Buffer.from('"'),
    ]);
    const before = h.rowCounts();
    const res = await h.post(raw, {
      contentType: 'application/json; charset=utf-8',
      headers: { 'user-agent': 'PSA-Notifier/3', 'x-request-id': 'req-77', authorization: 'Basic c2VjcmV0' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ received: true, events: 0, stored: 0, reason: 'MALFORMED_JSON' });
    const id = res.body.quarantineId as number;

    expect(h.rowCounts()).toEqual({ ...before, quarantine: before.quarantine! + 1 });
    expect(h.action(remoteActionId).events).toEqual([]);
    const stored = h.repos.quarantine.get(id)!;
    expect(stored.body.equals(raw)).toBe(true);
    expect(stored).toMatchObject({
      callbackId: h.cbid,
      reason: 'MALFORMED_JSON',
      contentType: 'application/json; charset=utf-8',
      remoteAddress: '127.0.0.1',
      resolvedAt: null,
    });
    // Only headers that help support; never the secret or credentials.
    expect(stored.headers).toMatchObject({ 'user-agent': 'PSA-Notifier/3', 'x-request-id': 'req-77' });
    expect(Object.keys(stored.headers)).not.toContain('x-depot-secret');
    expect(Object.keys(stored.headers)).not.toContain('authorization');

    expect(added()).toHaveLength(1);
    expect(() => changeEventSchemas['quarantine.added'].parse(added()[0]!.data)).not.toThrow();
    expect(added()[0]!.data).toMatchObject({ entry: { id, reason: 'MALFORMED_JSON', size: raw.length } });

    // The API shows it as needing attention, with the bytes (base64, since they are not UTF-8).
    const list = await call('GET', '/quarantine?unresolved=true');
    expect(list.body).toMatchObject({ total: 1, unresolved: 1, items: [{ id, reason: 'MALFORMED_JSON' }] });
    const detail = await call('GET', `/quarantine/${id}`);
    expect(detail.body).toMatchObject({ bodyEncoding: 'base64', headers: { 'x-request-id': 'req-77' } });
    expect(Buffer.from(detail.body.body, 'base64').equals(raw)).toBe(true);
  });

  it('an empty body and a body without content type are kept too', async () => {
    await start();
    const empty = await h.post(undefined, { contentType: null });
    expect(empty.status).toBe(200);
    expect(h.repos.quarantine.get(empty.body.quarantineId as number)).toMatchObject({
      reason: 'MALFORMED_JSON',
      contentType: null,
      size: 0,
    });
    const text = await h.post('hello', { contentType: 'text/plain' });
    expect(text.body).toMatchObject({ reason: 'MALFORMED_JSON' });
  });

  it('schema mismatch: 200, the field errors kept, nothing of the request applied', async () => {
    await start();
    const { remoteActionId: rid } = await h.sendRemote();
    const body = JSON.stringify(
      fleetPayload(
        accepted(rid),
        fleetEvent(rid, 'not a date', { type: 'Pending', status: 'SentToVehicle' }),
      ),
    );
    const res = await h.post(body);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ reason: 'SCHEMA_MISMATCH', stored: 0 });
    // The valid first event was not applied either: the request is kept whole.
    expect(h.action(rid).events).toEqual([]);
    const detail = await call('GET', `/quarantine/${res.body.quarantineId}`);
    expect(detail.body).toMatchObject({
      reason: 'SCHEMA_MISMATCH',
      bodyEncoding: 'utf8',
      body,
      errors: [
        {
          field: 'events[1].eventDate',
          rule: 'notification.dateTime',
          params: { what: 'eventDate', got: 'not a date' },
        },
      ],
      message: expect.stringMatching(/not a notification/),
    });
    // Replaying it changes nothing while the body is what it is.
    const replay = await call('POST', `/quarantine/${res.body.quarantineId}/replay`);
    expect(replay.body).toMatchObject({
      outcome: 'StillInvalid',
      stored: 0,
      entry: { replays: 1, resolvedAt: null },
    });
    expect(h.action(rid).events).toEqual([]);
  });
});

describe('events for actions this agent does not know', () => {
  it('known events are applied, unknown ones kept; a replay once the action exists applies them', async () => {
    await start({ quarantine: { autoReplay: false } });
    const { remoteActionId: known } = await h.sendRemote();
    const res = await h.post(
      fleetPayload(
        accepted(known),
        accepted('rid-2'),
        fleetEvent('rid-2', '2026-01-05T08:00:09Z', { type: 'Done', status: 'Success' }),
      ),
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ events: 3, stored: 1, reason: 'UNKNOWN_ACTION' });
    expect(h.action(known).status).toBe('Accepted');
    const id = res.body.quarantineId as number;
    const entry = (await call('GET', `/quarantine/${id}`)).body;
    expect(entry).toMatchObject({
      reason: 'UNKNOWN_ACTION',
      remoteActionIds: ['rid-2'],
      errors: [
        { field: 'remoteActionId', rule: 'notification.unknownAction', params: { id: 'rid-2', count: 2 } },
      ],
    });
    expect(problemWords(entry.errors[0])).toBe('No remote action rid-2 is known to this agent (2 events).');

    // Still unknown: the replay says so and keeps the entry.
    const early = await call('POST', `/quarantine/${id}/replay`, { 'x-depot-operator': 'alice' });
    expect(early.body).toMatchObject({ outcome: 'StillUnknownAction', stored: 0, duplicates: 1 });

    // The action appears (the POST's answer arrived after its first notifications).
    await h.sendRemote('veh-c5ax-02');
    expect(h.action('rid-2')).toMatchObject({ phase: 'Pending', status: null });
    const replay = await call('POST', `/quarantine/${id}/replay`, { 'x-depot-operator': 'alice' });
    expect(replay.status).toBe(200);
    expect(replay.body).toMatchObject({
      outcome: 'Applied',
      stored: 2,
      duplicates: 1,
      entry: { resolution: 'Replayed', resolvedBy: 'alice', replays: 2 },
    });
    expect(h.action('rid-2')).toMatchObject({ phase: 'Done', outcome: 'Success' });
    expect(h.action('rid-2').events!.map((e) => e.status)).toEqual(['Accepted', 'Success']);

    // Handled: out of the attention list, and a second replay is refused.
    expect((await call('GET', '/quarantine?unresolved=true')).body).toMatchObject({
      total: 0,
      unresolved: 0,
    });
    expect((await call('GET', '/quarantine?unresolved=false')).body).toMatchObject({ total: 1 });
    expect((await call('POST', `/quarantine/${id}/replay`)).status).toBe(409);
    const audit = h.repos.audit.list({ limit: 10, action: 'quarantine.replay' });
    expect(audit.map((a) => [a.operator, (a.detail as { outcome: string }).outcome])).toEqual([
      ['alice', 'Applied'],
      ['alice', 'StillUnknownAction'],
    ]);
  });

  it('is replayed by itself as soon as the action appears', async () => {
    await start();
    const res = await h.post(fleetPayload(accepted('rid-1')));
    expect(res.body).toMatchObject({ reason: 'UNKNOWN_ACTION' });
    await h.sendRemote(); // the network answers rid-1
    await new Promise((r) => setTimeout(r, 20));
    expect(h.action('rid-1')).toMatchObject({ phase: 'Pending', status: 'Accepted' });
    expect(h.repos.quarantine.get(res.body.quarantineId as number)).toMatchObject({
      resolution: 'Replayed',
      resolvedBy: 'receiver',
    });
    expect(h.quarantine.stats().autoReplays).toBe(1);
  });

  it('waiting entries survive a restart of the quarantine service', async () => {
    await start();
    const res = await h.post(fleetPayload(accepted('rid-1')));
    expect(res.body).toMatchObject({ reason: 'UNKNOWN_ACTION' });
    // A second quarantine service over the same file (as after a restart) knows what is waiting.
    const { createQuarantineService } = await import('../../../main/core/receiver/index.js');
    const { createIngestService } = await import('../../../main/core/services/ingest-service.js');
    const { createUnitOfWork } = await import('../../../main/core/db/index.js');
    const deps = {
      unitOfWork: createUnitOfWork(h.db, silentLogger),
      repos: h.repos,
      bus: h.core.bus,
      clock: h.clock,
      logger: silentLogger,
    };
    h.quarantine.close();
    const ingest = createIngestService({ ...deps, notifier: { actionCompleted() {} } });
    const quarantine = createQuarantineService({ ...deps, ingest });
    await h.sendRemote();
    await new Promise((r) => setTimeout(r, 20));
    expect(h.action('rid-1').status).toBe('Accepted');
    expect(quarantine.stats().autoReplays).toBe(1);
    quarantine.close();
  });
});

describe('resolving by hand', () => {
  it('marks the entry handled with the operator and reason, audited; unknown ids are 404', async () => {
    await start();
    const res = await h.post('garbage');
    const id = res.body.quarantineId as number;
    const resolved = await call('POST', `/quarantine/${id}/resolve`, {
      'x-depot-operator': 'bob',
      'x-depot-reason': 'test message from the integrator',
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ id, resolution: 'Dismissed', resolvedBy: 'bob' });
    expect((await call('POST', `/quarantine/${id}/resolve`)).status).toBe(409);
    expect((await call('POST', `/quarantine/${id}/replay`)).status).toBe(409);
    expect(h.repos.audit.list({ limit: 5, action: 'quarantine.resolve' })[0]).toMatchObject({
      operator: 'bob',
      reason: 'test message from the integrator',
      callbackId: h.cbid,
    });
    expect((await call('GET', '/quarantine/999')).body).toMatchObject({ code: 'QUARANTINE_NOT_FOUND' });
    expect((await call('POST', '/quarantine/999/replay')).status).toBe(404);
    expect((await call('GET', '/quarantine/abc')).status).toBe(400);
  });

  it('lists newest first, pages, and filters', async () => {
    await start();
    const ids: number[] = [];
    for (let i = 0; i < 5; i += 1) ids.push((await h.post(`bad ${i}`)).body.quarantineId as number);
    await call('POST', `/quarantine/${ids[1]}/resolve`);
    const page = await call('GET', '/quarantine?limit=2&offset=1');
    expect(page.body).toMatchObject({ total: 5, unresolved: 4, limit: 2, offset: 1 });
    expect(page.body.items.map((e: { id: number }) => e.id)).toEqual([ids[3], ids[2]]);
    const open = await call('GET', '/quarantine?unresolved=true');
    expect(open.body.items.map((e: { id: number }) => e.id)).toEqual([ids[4], ids[3], ids[2], ids[0]]);
    expect(open.body.items[0]).not.toHaveProperty('body');
  });
});
