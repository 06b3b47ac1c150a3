// Retention (issue 18) on a real SQLite file: settled actions older than the setting go with their events, and
// notifications delivered longer ago go with their attempts and payload; open actions, notifications not
// delivered and recent rows stay; audit entries only when a number of days is set, the removal itself recorded, and
// the log's trigger refusing any other delete; the sweep runs on the clock's timer, a small batch per transaction.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { retentionWorld, type RetentionWorld } from './retention-world.js';

let w: RetentionWorld;
/** Lets a sweep the timer started run its batches to the end. */
const settle = async () => {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
};
afterEach(async () => {
  await w.service.stop();
  w.close();
});

describe('the retention sweep', () => {
  it('removes old settled actions with their events, keeps open and recent ones (default 400 days)', async () => {
    w = retentionWorld();
    w.action('old-done', 'Done', 401);
    w.event('old-done', 'Accepted');
    w.event('old-done', 'Success');
    w.action('old-timed-out', 'TimedOut', 500);
    w.action('old-pending', 'Pending', 450);
    w.event('old-pending', 'Accepted');
    w.action('old-queued', 'Queued', 420);
    w.action('recent-done', 'Done', 399);
    w.event('recent-done', 'Success');

    expect(await w.service.sweep()).toEqual({ actions: 2, deliveredNotifications: 0, auditEntries: 0 });
    const left = w.db.raw.prepare('SELECT id FROM remote_actions ORDER BY id').pluck().all();
    expect(left).toEqual(['old-pending', 'old-queued', 'recent-done']);
    expect(w.count('action_events', "remote_action_id = 'old-done'")).toBe(0);
    expect(w.count('action_events')).toBe(2);
    expect(w.db.raw.pragma('foreign_key_check')).toEqual([]);
  });

  it('keeps an old action an open one waits behind; unlinks one a newer action was sent again from', async () => {
    w = retentionWorld();
    w.action('old-first', 'Done', 420);
    w.action('waiting', 'Queued', 1, { afterId: 'old-first' });
    w.action('old-original', 'Refused', 430);
    w.action('resend', 'Done', 2, { resentFrom: 'old-original' });

    expect((await w.service.sweep()).actions).toBe(1);
    expect(w.count('remote_actions', "id = 'old-first'")).toBe(1);
    expect(w.count('remote_actions', "id = 'old-original'")).toBe(0);
    expect(w.count('remote_actions', "id = 'resend' AND resent_from IS NULL")).toBe(1);
    expect(w.db.raw.pragma('foreign_key_check')).toEqual([]);
  });

  it('removes delivered notifications past 30 days with attempts, payload and events; keeps the rest', async () => {
    w = retentionWorld();
    w.delivery('old-delivered', 'Delivered', 31);
    w.delivery('old-dead', 'Dead', 90);
    w.delivery('old-failed', 'Failed', 90);
    w.delivery('old-queued', 'Queued', 40);
    w.delivery('recent-delivered', 'Delivered', 29);

    expect(await w.service.sweep()).toEqual({ actions: 0, deliveredNotifications: 1, auditEntries: 0 });
    const left = w.db.raw.prepare('SELECT id FROM deliveries ORDER BY id').pluck().all();
    expect(left).toEqual(['old-dead', 'old-failed', 'old-queued', 'recent-delivered']);
    for (const table of ['delivery_attempts', 'delivery_payloads', 'delivery_events'])
      expect(w.count(table, "delivery_id = 'old-delivered'"), table).toBe(0);
    expect(w.count('delivery_attempts')).toBe(4);
  });

  it('reads the settings at each sweep', async () => {
    w = retentionWorld();
    w.action('a-20', 'Done', 20);
    w.delivery('d-3', 'Delivered', 3);
    expect(await w.service.sweep()).toEqual({ actions: 0, deliveredNotifications: 0, auditEntries: 0 });
    w.setRetention({ actionsDays: 10, deliveredNotificationsDays: 2 });
    expect(await w.service.sweep()).toEqual({ actions: 1, deliveredNotifications: 1, auditEntries: 0 });
  });

  it('works through many rows in batches of the given size', async () => {
    w = retentionWorld({ batchSize: 50 });
    w.db.transaction(() => {
      for (let i = 0; i < 525; i++) w.action(`a-${i}`, 'Done', 401 + (i % 7));
    });
    expect((await w.service.sweep()).actions).toBe(525);
    expect(w.count('remote_actions')).toBe(0);
  });

  it('sweeps on the clock: nothing before the interval, then each interval', async () => {
    w = retentionWorld({ sweepEveryMs: 60 * 60 * 1000 });
    w.action('old', 'Done', 401);
    w.service.start();
    w.clock.advance(59 * 60 * 1000);
    await settle();
    expect(w.count('remote_actions')).toBe(1);
    w.clock.advance(60 * 1000);
    await vi.waitFor(() => expect(w.count('remote_actions')).toBe(0));
    // An action that was recent ages past the retention and goes at a later sweep, again by the timer alone.
    w.action('recent', 'Done', 399);
    for (let hour = 0; hour < 23; hour++) {
      await settle();
      w.clock.advance(60 * 60 * 1000);
    }
    await settle();
    expect(w.count('remote_actions')).toBe(1);
    for (let hour = 0; hour < 26; hour++) {
      await settle();
      w.clock.advance(60 * 60 * 1000);
    }
    await vi.waitFor(() => expect(w.count('remote_actions')).toBe(0));
  });

  it('keeps audit entries forever by default, however old', async () => {
    w = retentionWorld();
    w.auditEntry('remote.send', 5000);
    w.auditEntry('settings.change', 1);
    expect((await w.service.sweep()).auditEntries).toBe(0);
    expect(w.count('audit_log')).toBe(2);
  });

  it('removes audit entries past the chosen days in batches, and records the removal', async () => {
    w = retentionWorld({ batchSize: 40 });
    w.db.transaction(() => {
      for (let i = 0; i < 130; i++) w.auditEntry('remote.send', 91 + (i % 5));
      w.auditEntry('callback.create', 89);
    });
    const published: unknown[] = [];
    w.bus.subscribe((event) => published.push(event));
    w.setRetention({ actionsDays: 400, deliveredNotificationsDays: 30, auditDays: 90 });

    expect((await w.service.sweep()).auditEntries).toBe(130);
    const left = w.db.raw.prepare('SELECT action, operator, detail FROM audit_log ORDER BY seq').all() as {
      action: string;
      operator: string;
      detail: string | null;
    }[];
    expect(left.map((e) => e.action)).toEqual(['callback.create', 'audit.prune']);
    expect(left[1]!.operator).toBe('system');
    expect(JSON.parse(left[1]!.detail!)).toEqual({ before: w.ago(90), count: 130 });
    expect(published).toEqual([
      expect.objectContaining({
        type: 'audit.appended',
        entry: expect.objectContaining({ action: 'audit.prune' }),
      }),
    ]);
    // Nothing more to remove: no second record.
    expect((await w.service.sweep()).auditEntries).toBe(0);
    expect(w.count('audit_log')).toBe(2);
  });

  it('lets no delete through the audit log but entries older than the recorded cutoff', async () => {
    w = retentionWorld();
    w.auditEntry('remote.send', 100);
    w.auditEntry('remote.send', 10);
    const deleteAll = () => w.db.raw.prepare('DELETE FROM audit_log').run();
    expect(deleteAll).toThrow(/append-only/);
    w.setRetention({ actionsDays: 400, deliveredNotificationsDays: 30, auditDays: 50 });
    await w.service.sweep();
    // The cutoff now stands at 50 days: a recent entry still cannot go, by any statement.
    expect(deleteAll).toThrow(/append-only/);
    expect(() =>
      w.db.raw.prepare("UPDATE audit_retention SET cutoff = '9999-01-01T00:00:00.000Z'").run(),
    ).not.toThrow();
    // …the cutoff may only move forward: back is refused.
    expect(() =>
      w.db.raw.prepare("UPDATE audit_retention SET cutoff = '2000-01-01T00:00:00.000Z'").run(),
    ).toThrow(/only moves forward/);
    expect(() => w.db.raw.prepare('DELETE FROM audit_retention').run()).toThrow(/cannot be deleted/);
  });

  it('never moves the cutoff back when the days grow again', async () => {
    w = retentionWorld();
    w.auditEntry('remote.send', 100);
    w.setRetention({ actionsDays: 400, deliveredNotificationsDays: 30, auditDays: 10 });
    await w.service.sweep();
    w.setRetention({ actionsDays: 400, deliveredNotificationsDays: 30, auditDays: 1000 });
    await w.service.sweep();
    expect(w.db.raw.prepare('SELECT cutoff FROM audit_retention').pluck().get()).toBe(w.ago(10));
  });
});
