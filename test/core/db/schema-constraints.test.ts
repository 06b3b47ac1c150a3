// What the file itself guarantees, whoever writes to it.
import { describe, expect, it } from 'vitest';
import { at, callback, seedParents, useStore } from './db-fixtures.js';

const newDelivery = (callbackId: string) => ({
  id: 'd',
  callbackId,
  kind: 'event' as const,
  events: [{ vin: 'VR3UHZKXZMT000001', remoteType: 'Doors', eventJson: '{}' }],
  nextAttemptAt: at(1),
  createdAt: at(1),
});

describe('schema constraints', () => {
  const store = useStore();

  it('accepts only canonical UTC timestamps (text order must be time order)', () => {
    const { repos } = store();
    for (const bad of [
      '2025-01-15T08:00:00Z',
      '2025-01-15T09:00:00.000+01:00',
      '2025-01-15 08:00:00',
      'now',
    ]) {
      expect(() => repos.callbacks.insert(callback({ id: bad, createdAt: bad })), bad).toThrow(
        /created_at_iso_utc/,
      );
    }
    repos.callbacks.insert(callback({ createdAt: '2025-01-15T08:00:00.000Z' }));
    // The one inserted, after the built-in callback every data folder has (migration 008).
    expect(repos.callbacks.list().map((c) => c.id)).toEqual(['workstation', 'cb-001']);
  });

  it('refuses text that is not JSON in JSON columns', () => {
    const { repos, db } = store();
    seedParents(repos);
    expect(() =>
      db.raw
        .prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)')
        .run('k', '{not json', at(1)),
    ).toThrow(/value_json/);
    expect(() => db.raw.prepare("UPDATE vehicles SET status = 'nope'").run()).toThrow(/status_json/);
  });

  it('refuses an unknown delivery state, a negative attempt count and a lease out of InFlight', () => {
    const { repos, db } = store();
    seedParents(repos);
    repos.deliveries.insert(newDelivery('cb-001'));
    expect(() => db.raw.prepare("UPDATE deliveries SET state = 'Lost'").run()).toThrow(/CHECK/);
    expect(() => db.raw.prepare('UPDATE deliveries SET attempts = -1').run()).toThrow(/CHECK/);
    expect(() => db.raw.prepare("UPDATE deliveries SET state = 'InFlight'").run()).toThrow(/lease_whole/);
    expect(() => db.raw.prepare("UPDATE delivery_payloads SET payload = '{nope'").run()).toThrow(
      /payload_json/,
    );
  });

  it('refuses a delivery for an unknown callback', () => {
    const { repos } = store();
    expect(() => repos.deliveries.insert(newDelivery('ghost'))).toThrow(/FOREIGN KEY/);
  });
});
