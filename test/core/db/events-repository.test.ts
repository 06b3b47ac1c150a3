import { describe, expect, it } from 'vitest';
import type { NewActionEvent } from '../../../main/core/db/index.js';
import { action, at, seedParents, useStore } from './db-fixtures.js';

const pending = (
  status: string,
  eventDate: string,
  overrides: Partial<NewActionEvent> = {},
): NewActionEvent => ({
  eventDate,
  receivedAt: at(200),
  eventType: 'Pending',
  status,
  failureCause: null,
  feedbackDetail: null,
  source: 'receiver',
  applied: true,
  ...overrides,
});

describe('events repository', () => {
  const store = useStore();

  it('stores an event and returns it as listed', () => {
    const { repos } = store();
    seedParents(repos);
    repos.actions.insert(action());
    const stored = repos.events.insertIfNew('ra-001', {
      eventDate: '2025-01-15T08:00:40Z',
      receivedAt: at(41),
      eventType: 'Done',
      status: 'Failed',
      failureCause: 'CidInside',
      feedbackDetail: 'CIDBlacklisted',
      source: 'poll',
      applied: false,
      raw: {
        remoteActionId: 'ra-001',
        eventStatus: { type: 'Done', status: 'Failed', failureCause: 'CidInside' },
      },
    });
    expect(stored).toEqual({
      seq: expect.any(Number),
      remoteActionId: 'ra-001',
      // Stored as the canonical UTC instant.
      eventDate: '2025-01-15T08:00:40.000Z',
      receivedAt: at(41),
      eventType: 'Done',
      status: 'Failed',
      failureCause: 'CidInside',
      feedbackDetail: 'CIDBlacklisted',
      source: 'poll',
      applied: false,
      eventDateFromReceipt: false,
    });
    expect(repos.events.listForAction('ra-001')).toEqual([stored]);
  });

  it('dedupes on (action, type, status, eventDate): the second copy returns null and is not stored', () => {
    const { repos, db } = store();
    seedParents(repos);
    repos.actions.insert(action());
    const first = repos.events.insertIfNew('ra-001', pending('Accepted', '2025-01-15T08:00:12Z'));
    expect(first).not.toBeNull();
    const again = repos.events.insertIfNew(
      'ra-001',
      pending('Accepted', '2025-01-15T08:00:12Z', { source: 'poll', receivedAt: at(300) }),
    );
    expect(again).toBeNull();
    expect(repos.events.listForAction('ra-001')).toEqual([first]);
    expect(db.raw.prepare('SELECT count(*) FROM action_events').pluck().get()).toBe(1);

    // Any part of the identity differing makes it a new event.
    expect(repos.events.insertIfNew('ra-001', pending('Accepted', '2025-01-15T08:00:13Z'))).not.toBeNull();
    expect(
      repos.events.insertIfNew('ra-001', pending('SentToVehicle', '2025-01-15T08:00:12Z')),
    ).not.toBeNull();
    expect(
      repos.events.insertIfNew('ra-001', pending('Accepted', '2025-01-15T08:00:12Z', { eventType: 'Local' })),
    ).not.toBeNull();
    expect(repos.events.listForAction('ra-001')).toHaveLength(4);
  });

  it('accepts the event with its action id inside', () => {
    const { repos } = store();
    seedParents(repos);
    repos.actions.insert(action());
    const stored = repos.events.insertIfNew({ remoteActionId: 'ra-001', ...pending('Accepted', at(12)) });
    expect(stored?.remoteActionId).toBe('ra-001');
    expect(repos.events.insertIfNew({ remoteActionId: 'ra-001', ...pending('Accepted', at(12)) })).toBeNull();
  });

  it('still throws for a real error (unknown action), not only dedupes', () => {
    const { repos } = store();
    seedParents(repos);
    expect(() => repos.events.insertIfNew('ghost', pending('Accepted', at(1)))).toThrow(/FOREIGN KEY/);
  });

  it('lists by eventDate, then by arrival', () => {
    const { repos } = store();
    seedParents(repos);
    repos.actions.insert(action());
    repos.actions.insert(action({ id: 'other' }));
    repos.events.insertIfNew('ra-001', pending('SentToVehicle', '2025-01-15T08:00:30Z'));
    repos.events.insertIfNew('ra-001', pending('Accepted', '2025-01-15T08:00:10Z'));
    repos.events.insertIfNew('other', pending('Accepted', '2025-01-15T08:00:11Z'));
    repos.events.insertIfNew('ra-001', pending('WakingUpVehicle', '2025-01-15T08:00:20Z'));
    repos.events.insertIfNew('ra-001', pending('CheckingVehicle', '2025-01-15T08:00:20Z'));
    expect(repos.events.listForAction('ra-001').map((e) => e.status)).toEqual([
      'Accepted',
      'WakingUpVehicle',
      'CheckingVehicle',
      'SentToVehicle',
    ]);
    expect(repos.events.listForAction('nope')).toEqual([]);
  });

  it('takes eventDate as an instant: every spelling of one instant is one event, stored in canonical UTC', () => {
    const { repos } = store();
    seedParents(repos);
    repos.actions.insert(action());
    const first = repos.events.insertIfNew('ra-001', pending('Accepted', '2026-01-01T10:00:03Z'));
    expect(first?.eventDate).toBe('2026-01-01T10:00:03.000Z');
    for (const spelling of [
      '2026-01-01T10:00:03.000Z',
      '2026-01-01T12:00:03+02:00',
      '2026-01-01t10:00:03z',
    ]) {
      expect(repos.events.insertIfNew('ra-001', pending('Accepted', spelling)), spelling).toBeNull();
    }
    expect(repos.events.listForAction('ra-001')).toEqual([first]);
    expect(() => repos.events.insertIfNew('ra-001', pending('Accepted', 'yesterday'))).toThrow(/RFC 3339/);
  });

  it('dedupes an event dated by its receipt on (action, type, status, failure cause), whatever the date', () => {
    const { repos } = store();
    seedParents(repos);
    repos.actions.insert(action());
    const undated = (receivedAt: string, overrides: Partial<NewActionEvent> = {}) =>
      pending('Accepted', receivedAt, { eventDateFromReceipt: true, ...overrides });
    const first = repos.events.insertIfNew('ra-001', undated(at(10)));
    expect(first).toMatchObject({ eventDate: at(10), eventDateFromReceipt: true });
    // The same event redelivered: received later, so dated later; still the same event.
    expect(repos.events.insertIfNew('ra-001', undated(at(70)))).toBeNull();
    // A dated event with that status is another one, and so is another failure cause.
    expect(repos.events.insertIfNew('ra-001', pending('Accepted', at(70)))).not.toBeNull();
    const failed = (cause: string | null, date: string) =>
      undated(date, { eventType: 'Done', status: 'Failed', failureCause: cause });
    expect(repos.events.insertIfNew('ra-001', failed('CidInside', at(80)))).not.toBeNull();
    expect(repos.events.insertIfNew('ra-001', failed('CidInside', at(90)))).toBeNull();
    expect(repos.events.insertIfNew('ra-001', failed(null, at(90)))).not.toBeNull();
    expect(repos.events.insertIfNew('ra-001', failed(null, at(95)))).toBeNull();
    expect(repos.events.listForAction('ra-001').map((e) => [e.status, e.eventDateFromReceipt])).toEqual([
      ['Accepted', true],
      ['Accepted', false],
      ['Failed', true],
      ['Failed', true],
    ]);
  });
});
