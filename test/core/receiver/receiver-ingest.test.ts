// Notifications posted to the receiver over a real socket update the action they name, in both payload
// shapes, whatever duplicates, reordering and late arrivals the network produces (stellantis-api-notes.md N6,
// N12.7).
import { afterEach, describe, expect, it } from 'vitest';
import type { RemoteActionDto } from '../../../preload/contract/dto.js';
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

const history = (a: RemoteActionDto) =>
  (a.events ?? []).map((e) => `${e.eventType}/${e.status}${e.applied ? '' : ' (not applied)'}`);

const pending = (status: string) => ({ type: 'Pending', status });

describe('fleet notifications', () => {
  it('one event: answered 200 once stored, the action moves on and the change is published', async () => {
    h = await startReceiverHarness();
    const { remoteActionId } = await h.sendRemote();
    const res = await h.post(
      fleetPayload(fleetEvent(remoteActionId, '2026-01-05T08:00:01Z', pending('Accepted'))),
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      received: true,
      events: 1,
      stored: 1,
      duplicates: 0,
      quarantineId: null,
    });
    const a = h.action(remoteActionId);
    expect(a).toMatchObject({ phase: 'Pending', status: 'Accepted' });
    expect(a.events![0]).toMatchObject({
      source: 'receiver',
      eventDate: '2026-01-05T08:00:01.000Z',
      applied: true,
      eventDateFromReceipt: false,
    });
    const changes = h.published.filter((e) => e.name === 'action.changed');
    expect(changes.at(-1)).toMatchObject({ data: { action: { remoteActionId, status: 'Accepted' } } });
  });

  it('a shuffled batch is applied in eventDate order and the first Done is terminal', async () => {
    h = await startReceiverHarness();
    const { remoteActionId: rid } = await h.sendRemote();
    const res = await h.post(
      fleetPayload(
        fleetEvent(rid, '2026-01-05T08:00:03Z', pending('SentToVehicle')),
        fleetEvent(rid, '2026-01-05T08:00:41Z', { type: 'Done', status: 'Success' }),
        fleetEvent(rid, '2026-01-05T08:00:01Z', pending('Accepted')),
        fleetEvent(rid, '2026-01-05T08:00:02Z', pending('WakingUpVehicle')),
      ),
    );
    expect(res.body).toMatchObject({ events: 4, stored: 4 });
    const a = h.action(rid);
    expect(a).toMatchObject({ phase: 'Done', outcome: 'Success' });
    expect(history(a)).toEqual([
      'Pending/Accepted',
      'Pending/WakingUpVehicle',
      'Pending/SentToVehicle',
      'Done/Success',
    ]);
    expect(h.completed.map((x) => x.id)).toEqual([rid]);
  });

  it('`type: Failed` is read as Done/Failed with its cause (T15)', async () => {
    h = await startReceiverHarness();
    const { remoteActionId: rid } = await h.sendRemote();
    await h.post(
      fleetPayload(
        fleetEvent(rid, '2026-01-05T08:01:00Z', { type: 'Failed', status: 'VehicleConnectionTimeout' }),
      ),
    );
    expect(h.action(rid)).toMatchObject({
      phase: 'Done',
      outcome: 'Failed',
      failureCause: 'VehicleConnectionTimeout',
    });
  });

  it('an unknown failure cause and remote type are kept as they arrive', async () => {
    h = await startReceiverHarness();
    const { remoteActionId: rid } = await h.sendRemote();
    await h.post(
      fleetPayload(
        fleetEvent(
          rid,
          '2026-01-05T08:01:00Z',
          { type: 'Done', status: 'Failed', failureCause: 'SolarFlare' },
          { remoteType: 'VehicleState' },
        ),
      ),
    );
    expect(h.action(rid)).toMatchObject({ outcome: 'Failed', failureCause: 'SolarFlare' });
    const raw = h.db.raw
      .prepare<[string], string>('SELECT raw FROM action_events WHERE remote_action_id = ?')
      .pluck()
      .get(rid)!;
    expect(JSON.parse(raw)).toMatchObject({ remoteType: 'VehicleState', vin: 'VR3UHZKXZMT000001' });
  });
});

describe('end-user messages (N5)', () => {
  it('one object: the message date is the event date, and there is no vin', async () => {
    h = await startReceiverHarness();
    const { remoteActionId: rid } = await h.sendRemote();
    const res = await h.post(endUserMessage(rid, '2026-01-05T08:00:04Z', pending('SentToVehicle')));
    expect(res.status).toBe(200);
    const a = h.action(rid);
    expect(a).toMatchObject({ status: 'SentToVehicle' });
    expect(a.events![0]!.eventDate).toBe('2026-01-05T08:00:04.000Z');
    const raw = h.db.raw
      .prepare<[string], string>('SELECT raw FROM action_events WHERE remote_action_id = ?')
      .pluck()
      .get(rid)!;
    expect(JSON.parse(raw)).toMatchObject({ vin: null, eventDate: '2026-01-05T08:00:04.000Z' });
  });

  it('an array of messages', async () => {
    h = await startReceiverHarness();
    const { remoteActionId: rid } = await h.sendRemote();
    const res = await h.post([
      endUserMessage(rid, '2026-01-05T08:00:09Z', { type: 'Done', status: 'AlreadyDone' }),
      endUserMessage(rid, '2026-01-05T08:00:04Z', pending('Accepted')),
    ]);
    expect(res.body).toMatchObject({ events: 2, stored: 2 });
    expect(history(h.action(rid))).toEqual(['Pending/Accepted', 'Done/AlreadyDone']);
    expect(h.action(rid)).toMatchObject({ phase: 'Done', outcome: 'AlreadyDone' });
  });
});

describe('at-least-once, unordered delivery (N6, N12.7)', () => {
  it('the same notification twice is stored once and answered 200 both times', async () => {
    h = await startReceiverHarness();
    const { remoteActionId: rid } = await h.sendRemote();
    const body = fleetPayload(fleetEvent(rid, '2026-01-05T08:00:01Z', pending('Accepted')));
    const first = await h.post(body);
    const again = await h.post(body);
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.body).toMatchObject({ stored: 0, duplicates: 1 });
    expect(history(h.action(rid))).toEqual(['Pending/Accepted']);
  });

  it('a retry of an end-user message (same date) is a duplicate too', async () => {
    h = await startReceiverHarness();
    const { remoteActionId: rid } = await h.sendRemote();
    const body = endUserMessage(rid, '2026-01-05T08:00:04Z', pending('Accepted'));
    await h.post(body);
    expect((await h.post([body, body])).body).toMatchObject({ stored: 0, duplicates: 2 });
    expect(history(h.action(rid))).toHaveLength(1);
  });

  it('the same event through the receiver and the connector is stored once', async () => {
    h = await startReceiverHarness();
    const { remoteActionId: rid } = await h.sendRemote();
    const event = fleetEvent(rid, '2026-01-05T08:00:01Z', pending('Accepted'));
    await h.net.emit([
      { ...event, eventStatus: { type: 'Pending', status: 'Accepted' } } as Parameters<
        typeof h.net.emit
      >[0][0],
    ]);
    expect((await h.post(fleetPayload(event))).body).toMatchObject({ stored: 0, duplicates: 1 });
    expect(history(h.action(rid))).toEqual(['Pending/Accepted']);
  });

  it('an older Pending arriving after a newer one is recorded but not applied', async () => {
    h = await startReceiverHarness();
    const { remoteActionId: rid } = await h.sendRemote();
    await h.post(fleetPayload(fleetEvent(rid, '2026-01-05T08:00:03Z', pending('SentToVehicle'))));
    await h.post(fleetPayload(fleetEvent(rid, '2026-01-05T08:00:01Z', pending('Accepted'))));
    const a = h.action(rid);
    expect(a.status).toBe('SentToVehicle');
    expect(history(a)).toEqual(['Pending/Accepted (not applied)', 'Pending/SentToVehicle']);
  });

  it('a late Pending after Done does not reopen the action', async () => {
    h = await startReceiverHarness();
    const { remoteActionId: rid } = await h.sendRemote();
    await h.post(fleetPayload(fleetEvent(rid, '2026-01-05T08:00:40Z', { type: 'Done', status: 'Success' })));
    const late = await h.post(
      fleetPayload(fleetEvent(rid, '2026-01-05T08:00:50Z', pending('SentToVehicle'))),
    );
    expect(late.status).toBe(200);
    const a = h.action(rid);
    expect(a).toMatchObject({ phase: 'Done', outcome: 'Success', status: 'Success' });
    expect(history(a)).toEqual(['Done/Success', 'Pending/SentToVehicle (not applied)']);
    // And a second, different Done does not change the outcome either.
    await h.post(
      fleetPayload(
        fleetEvent(rid, '2026-01-05T08:01:00Z', {
          type: 'Done',
          status: 'Failed',
          failureCause: 'VehicleError',
        }),
      ),
    );
    expect(h.action(rid)).toMatchObject({ outcome: 'Success' });
    expect(h.completed).toHaveLength(1);
  });
});
