// Reading notification bodies: both payload shapes, tolerance for unknown fields and enum values, and
// field-level reasons for what cannot be read.
import { describe, expect, it } from 'vitest';
import { parseNotificationBody } from '../../../main/core/receiver/notification-body.js';
import { problemWords } from './problem-words.js';
import { endUserMessage, fleetEvent, fleetPayload } from './receiver-harness.js';

/** When the request was received: it dates events that came without a date. */
const RECEIVED_AT = '2024-05-01T09:30:00.000Z';
const parse = (value: unknown) =>
  parseNotificationBody(Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)), RECEIVED_AT);

describe('fleet payload', () => {
  it('reads one event or a batch, keeping vin and remoteType as sent, eventDate as a canonical UTC instant', () => {
    const r = parse(
      fleetPayload(
        fleetEvent('rid-1', '2024-05-01T08:00:01Z', { type: 'Pending', status: 'WakingUpVehicle' }),
        fleetEvent('rid-1', '2024-05-01T10:00:41+02:00', {
          type: 'Done',
          status: 'Failed',
          failureCause: 'VehicleConnectionTimeout',
        }),
      ),
    );
    expect(r).toEqual({
      ok: true,
      events: [
        {
          remoteActionId: 'rid-1',
          vin: 'VR3UHZKXZMT000001',
          eventDate: '2024-05-01T08:00:01.000Z',
          remoteType: 'Doors',
          eventStatus: { type: 'Pending', status: 'WakingUpVehicle' },
        },
        {
          remoteActionId: 'rid-1',
          vin: 'VR3UHZKXZMT000001',
          eventDate: '2024-05-01T08:00:41.000Z',
          remoteType: 'Doors',
          eventStatus: { type: 'Done', status: 'Failed', failureCause: 'VehicleConnectionTimeout' },
        },
      ],
    });
  });

  it('ignores unknown fields and keeps unknown enum values (schema evolution, N4, T17)', () => {
    const r = parse({
      ...fleetPayload(
        fleetEvent(
          'rid-1',
          '2024-05-01T08:00:01.123Z',
          { type: 'Done', status: 'Failed', failureCause: 'BrandNewCause', extra: 1 },
          { remoteType: 'FutureRemote', newField: { nested: true } },
        ),
        fleetEvent('rid-1', '2024-05-01T08:00:00Z', { type: 'Pending', status: 'SomeNewPendingStatus' }),
      ),
      topLevelNews: 'x',
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.events[0]).toMatchObject({
      remoteType: 'FutureRemote',
      eventStatus: { type: 'Done', status: 'Failed', failureCause: 'BrandNewCause' },
    });
    expect(r.events[0]).not.toHaveProperty('newField');
    expect(r.events[1]!.eventStatus).toEqual({ type: 'Pending', status: 'SomeNewPendingStatus' });
  });

  it("reads the docs' `type: Failed` as Done/Failed (T15)", () => {
    const r = parse(
      fleetPayload(
        fleetEvent('rid-1', '2024-05-01T08:00:01Z', { type: 'Failed', status: 'VehicleConnectionTimeout' }),
        fleetEvent('rid-2', '2024-05-01T08:00:01Z', {
          type: 'Failed',
          status: 'Failed',
          failureCause: 'CidInside',
        }),
      ),
    );
    expect(r.ok && r.events.map((e) => e.eventStatus)).toEqual([
      { type: 'Done', status: 'Failed', failureCause: 'VehicleConnectionTimeout' },
      { type: 'Done', status: 'Failed', failureCause: 'CidInside' },
    ]);
  });

  it('takes an absent vin or remoteType as null / empty, and an empty batch as nothing to store', () => {
    const r = parse({
      events: [
        {
          remoteActionId: 'r',
          eventDate: '2024-05-01T08:00:01Z',
          eventStatus: { type: 'Pending', status: 'Accepted' },
        },
      ],
    });
    expect(r.ok && r.events[0]).toMatchObject({ vin: null, remoteType: '' });
    expect(parse({ events: [] })).toEqual({ ok: true, events: [] });
  });

  it('says which field is missing or wrong', () => {
    const r = parse(
      fleetPayload(
        { vin: 'V', eventDate: '2024-05-01T08:00:01Z', eventStatus: { type: 'Pending', status: 'Accepted' } },
        fleetEvent('rid-1', '2024-05-01 08:00:01', { type: 'Pending', status: 'Accepted' }),
        fleetEvent('rid-1', '2024-05-01T08:00:01Z', { type: 'Pending' }),
        fleetEvent('rid-1', '2024-05-01T08:00:01Z', { type: 'Done', status: 'Exploded' }),
        fleetEvent('rid-1', '2024-05-01T08:00:01Z', { type: 'Cancelled', status: 'Accepted' }),
        { ...fleetEvent('rid-1', '2024-05-01T08:00:01Z', {}), eventStatus: undefined },
      ),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe('SCHEMA_MISMATCH');
    const fields = r.errors.map((e) => e.field);
    expect(fields).toEqual([
      'events[0].remoteActionId',
      'events[1].eventDate',
      'events[2].eventStatus.status',
      'events[5].eventStatus',
    ]);
    expect(r.errors[0]).toEqual({
      field: 'events[0].remoteActionId',
      rule: 'notification.required',
      params: { what: 'remoteActionId' },
    });
    expect(problemWords(r.errors[0])).toBe('Required: the remote action id.');
    expect(r.errors[1]).toMatchObject({ rule: 'notification.dateTime', params: { what: 'eventDate' } });
    expect(problemWords(r.errors[1])).toMatch(/RFC 3339/);
  });

  it('reports unreadable statuses once the shape is right', () => {
    const r = parse(
      fleetPayload(
        fleetEvent('rid-1', '2024-05-01T08:00:01Z', { type: 'Done', status: 'Exploded' }),
        fleetEvent('rid-1', '2024-05-01T08:00:01Z', { type: 'Cancelled', status: 'Accepted' }),
      ),
    );
    expect(!r.ok && r.errors.map((e) => e.field)).toEqual(['events[0].eventStatus', 'events[1].eventStatus']);
    expect(!r.ok && r.errors[0]).toMatchObject({
      rule: 'notification.unreadableStatus',
      params: { type: 'Done', status: 'Exploded' },
    });
    expect(problemWords(!r.ok && r.errors[0])).toBe(
      "type 'Done' with status 'Exploded' is not an event status the agent can read (type Pending, Done or " +
        'Failed; a Done status is Success, AlreadyDone or Failed).',
    );
  });
});

describe('end-user messages (N5)', () => {
  it('reads one object: no vin, the message date stands for eventDate', () => {
    const r = parse(endUserMessage('rid-7', '2024-05-01T08:00:05Z', { type: 'Pending', status: 'Accepted' }));
    expect(r).toEqual({
      ok: true,
      events: [
        {
          remoteActionId: 'rid-7',
          vin: null,
          eventDate: '2024-05-01T08:00:05.000Z',
          remoteType: 'Doors',
          eventStatus: { type: 'Pending', status: 'Accepted' },
        },
      ],
    });
  });

  it('reads an array of them, and names the item that does not fit', () => {
    const ok = parse([
      endUserMessage('rid-7', '2024-05-01T08:00:05Z', { type: 'Pending', status: 'Accepted' }),
      endUserMessage('rid-7', '2024-05-01T08:00:09Z', { type: 'Done', status: 'Success' }),
    ]);
    expect(ok.ok && ok.events).toHaveLength(2);
    const bad = parse([
      endUserMessage('rid-7', '2024-05-01T08:00:05Z', { type: 'Pending', status: 'Accepted' }),
      { ...endUserMessage('rid-7', 'yesterday', { type: 'Pending', status: 'Accepted' }) },
      { type: 'Monitor', date: '2024-05-01T08:00:05Z', monitorEvent: {} },
      42,
    ]);
    expect(!bad.ok && bad.errors.map((e) => e.field)).toEqual(['[1].date', '[2]', '[3]']);
    expect(!bad.ok && bad.errors.map((e) => 'rule' in e && e.rule)).toEqual([
      'notification.dateTime',
      'notification.monitor',
      'notification.notObject',
    ]);
    expect(problemWords(!bad.ok && bad.errors[1])).toMatch(/monitor/i);
    expect(problemWords(!bad.ok && bad.errors[2])).toBe(
      'Expected a notification object ({events: [...]} or {date, remoteEvent}).',
    );
  });
});

describe('not a notification', () => {
  it('empty, not JSON, or JSON of another shape', () => {
    expect(parseNotificationBody(Buffer.alloc(0), RECEIVED_AT)).toMatchObject({
      ok: false,
      reason: 'MALFORMED_JSON',
      errors: [{ field: '(body)', rule: 'notification.emptyBody' }],
    });
    const notJson = parse('{"events": [');
    expect(notJson).toMatchObject({
      ok: false,
      reason: 'MALFORMED_JSON',
      errors: [{ field: '(body)', rule: 'notification.notJson', params: { detail: expect.any(String) } }],
    });
    expect(problemWords(!notJson.ok && notJson.errors[0])).toMatch(/^Not JSON: ./);
    expect(parse('"just a string"')).toMatchObject({
      ok: false,
      reason: 'SCHEMA_MISMATCH',
      errors: [{ field: '(body)' }],
    });
    expect(parse({ hello: 'world' })).toMatchObject({ ok: false, reason: 'SCHEMA_MISMATCH' });
    expect(parse({ events: 'nope' })).toMatchObject({ ok: false, errors: [{ field: 'events' }] });
  });

  it('tolerates a byte order mark', () => {
    const body = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(
        JSON.stringify(
          fleetPayload(fleetEvent('r', '2024-05-01T08:00:01Z', { type: 'Pending', status: 'Accepted' })),
        ),
      ),
    ]);
    expect(parseNotificationBody(body, RECEIVED_AT).ok).toBe(true);
  });
});

describe('event dates as instants', () => {
  const dated = (eventDate: string) =>
    parse(fleetPayload(fleetEvent('rid-1', eventDate, { type: 'Pending', status: 'Accepted' })));
  const dateOf = (eventDate: string) => {
    const r = dated(eventDate);
    return r.ok ? r.events[0]!.eventDate : r.errors;
  };

  it('reads every RFC 3339 spelling of one instant as one canonical UTC date', () => {
    for (const spelling of [
      '2026-01-01T10:00:03Z',
      '2026-01-01T10:00:03.000Z',
      '2026-01-01T12:00:03+02:00',
      '2026-01-01T07:30:03-02:30',
      '2026-01-01t10:00:03z',
      '2026-01-01T10:00:03.0000000Z',
    ]) {
      expect(dateOf(spelling), spelling).toBe('2026-01-01T10:00:03.000Z');
    }
    // Fractions of any length; digits past the millisecond are cut, never rounded into the next second.
    expect(dateOf('2026-01-01T10:00:03.5Z')).toBe('2026-01-01T10:00:03.500Z');
    expect(dateOf('2026-01-01T10:00:03.123456789+00:00')).toBe('2026-01-01T10:00:03.123Z');
    expect(dateOf('2026-01-01T10:00:59.9999Z')).toBe('2026-01-01T10:00:59.999Z');
    // A leap second stays in its minute.
    expect(dateOf('2016-12-31T23:59:60Z')).toBe('2016-12-31T23:59:59.999Z');
  });

  it('refuses what is not an RFC 3339 date-time, naming the field and what came', () => {
    for (const bad of [
      '2026-02-29T10:00:00Z',
      '2026-01-01 10:00:03Z',
      '2026-01-01T10:00:03',
      '2026-01-01T24:00:00Z',
      '2026-01-01T10:00:03+24:00',
      '',
      'yesterday',
    ]) {
      const r = dated(bad);
      expect(r.ok, bad).toBe(false);
      if (r.ok) continue;
      expect(r.errors).toEqual([
        {
          field: 'events[0].eventDate',
          rule: 'notification.dateTime',
          params: { what: 'eventDate', got: bad },
        },
      ]);
      expect(problemWords(r.errors[0])).toBe(
        `Expected the event date as an RFC 3339 date-time with an offset, e.g. 2024-05-01T08:00:01Z (got ${bad}).`,
      );
    }
    expect(dated('2024-02-29T10:00:00Z').ok).toBe(true);
  });

  it('dates an event that came without one by the receipt time, and says so', () => {
    const { eventDate: _absent, ...undated } = fleetEvent('rid-1', 'x', {
      type: 'Pending',
      status: 'Accepted',
    });
    const r = parse(fleetPayload(undated, { ...undated, eventDate: null }));
    expect(r.ok && r.events).toEqual([
      expect.objectContaining({ eventDate: RECEIVED_AT, eventDateFromReceipt: true }),
      expect.objectContaining({ eventDate: RECEIVED_AT, eventDateFromReceipt: true }),
    ]);
    const { date: _none, ...message } = endUserMessage('rid-7', 'x', { type: 'Done', status: 'Success' });
    const m = parse(message);
    expect(m.ok && m.events[0]).toMatchObject({ eventDate: RECEIVED_AT, eventDateFromReceipt: true });
    // A dated event carries no flag at all.
    const d = dated('2026-01-01T10:00:03Z');
    expect(d.ok && d.events[0]).not.toHaveProperty('eventDateFromReceipt');
  });
});

describe('bodies with many problems', () => {
  it('keeps the first 100 errors of a 1 MB `[0,0,…]` body and counts all of them, quickly', () => {
    const items = 512 * 1024;
    const body = Buffer.from(`[${new Array<string>(items).fill('0').join(',')}]`);
    expect(body.length).toBeGreaterThan(1_000_000);
    const started = performance.now();
    const r = parseNotificationBody(body, RECEIVED_AT);
    const took = performance.now() - started;
    expect(r).toMatchObject({ ok: false, reason: 'SCHEMA_MISMATCH', errorCount: items });
    expect(!r.ok && r.errors).toHaveLength(100);
    expect(!r.ok && r.errors[99]!.field).toBe('[99]');
    // One error object per item took over a second; counting them is tens of milliseconds even on a busy machine.
    expect(took).toBeLessThan(400);
  });

  it('the same inside a fleet payload, with several errors per event', () => {
    const events = new Array(50_000).fill({});
    const r = parse({ events });
    // Each `{}` lacks the action id and the event status.
    expect(r).toMatchObject({ ok: false, errorCount: 100_000 });
    expect(!r.ok && r.errors.slice(0, 3).map((e) => e.field)).toEqual([
      'events[0].remoteActionId',
      'events[0].eventStatus',
      'events[1].remoteActionId',
    ]);
    expect(!r.ok && r.errors).toHaveLength(100);
  });

  it('quotes at most a line of what came, however long it is', () => {
    const huge = 'x'.repeat(100_000);
    const r = parse(
      fleetPayload(
        fleetEvent('rid-1', huge, { type: 'Pending', status: 'Accepted' }),
        fleetEvent('rid-1', '2026-01-01T10:00:03Z', { type: 'Pending', status: 'Accepted' }, { vin: 42 }),
      ),
    );
    expect(!r.ok && r.errors.map((e) => e.field)).toEqual(['events[0].eventDate', 'events[1].vin']);
    expect(!r.ok && Math.max(...r.errors.map((e) => problemWords(e).length))).toBeLessThan(200);
    const status = parse(
      fleetPayload(fleetEvent('rid-1', '2026-01-01T10:00:03Z', { type: 'Done', status: huge })),
    );
    expect(problemWords(!status.ok && status.errors[0]).length).toBeLessThan(300);
  });
});
