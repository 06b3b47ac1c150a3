// Reading notification bodies: both payload shapes, tolerance for unknown fields and enum values, and
// field-level reasons for what cannot be read.
import { describe, expect, it } from 'vitest';
import { parseNotificationBody } from '../../../main/core/receiver/notification-body.js';
import { endUserMessage, fleetEvent, fleetPayload } from './receiver-harness.js';

const parse = (value: unknown) =>
  parseNotificationBody(Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)));

describe('fleet payload', () => {
  it('reads one event or a batch, keeping vin, eventDate and remoteType as sent', () => {
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
          eventDate: '2024-05-01T08:00:01Z',
          remoteType: 'Doors',
          eventStatus: { type: 'Pending', status: 'WakingUpVehicle' },
        },
        {
          remoteActionId: 'rid-1',
          vin: 'VR3UHZKXZMT000001',
          eventDate: '2024-05-01T10:00:41+02:00',
          remoteType: 'Doors',
          eventStatus: { type: 'Done', status: 'Failed', failureCause: 'VehicleConnectionTimeout' },
        },
      ],
    });
  });

  it('ignores unknown fields and keeps unknown enum values (schema evolution, §8.4, §13 #23)', () => {
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

  it("reads the docs' `type: Failed` as Done/Failed (§13 #15)", () => {
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
    expect(r.errors[0]!.message).toMatch(/Required: the remote action id/);
    expect(r.errors[1]!.message).toMatch(/RFC 3339/);
  });

  it('reports unreadable statuses once the shape is right', () => {
    const r = parse(
      fleetPayload(
        fleetEvent('rid-1', '2024-05-01T08:00:01Z', { type: 'Done', status: 'Exploded' }),
        fleetEvent('rid-1', '2024-05-01T08:00:01Z', { type: 'Cancelled', status: 'Accepted' }),
      ),
    );
    expect(!r.ok && r.errors.map((e) => e.field)).toEqual(['events[0].eventStatus', 'events[1].eventStatus']);
    expect(!r.ok && r.errors[0]!.message).toMatch(/Exploded/);
  });
});

describe('end-user messages (§7.2)', () => {
  it('reads one object: no vin, the message date stands for eventDate', () => {
    const r = parse(endUserMessage('rid-7', '2024-05-01T08:00:05Z', { type: 'Pending', status: 'Accepted' }));
    expect(r).toEqual({
      ok: true,
      events: [
        {
          remoteActionId: 'rid-7',
          vin: null,
          eventDate: '2024-05-01T08:00:05Z',
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
    expect(!bad.ok && bad.errors[1]!.message).toMatch(/monitor/i);
  });
});

describe('not a notification', () => {
  it('empty, not JSON, or JSON of another shape', () => {
    expect(parseNotificationBody(Buffer.alloc(0))).toMatchObject({ ok: false, reason: 'MALFORMED_JSON' });
    expect(parse('{"events": [')).toMatchObject({ ok: false, reason: 'MALFORMED_JSON' });
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
    expect(parseNotificationBody(body).ok).toBe(true);
  });
});
