// A native notification when a bulk command finishes (issue 16): the feature, how many vehicles, how it ended and
// its counts, in the OS's language (issue 17); quiet when desktop notifications are off. Headless, the same news
// goes to the log.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { countsText, createLogNotifier } from '../../main/headless/log-notifier.js';
import type { Logger } from '../../main/core/ports/logger.js';
import { silentLogger } from '../../main/core/ports/logger.js';
import type { BulkFinished } from '../../main/core/ports/notifier.js';
import { bulkNotificationContent, createDesktopNotifier } from '../../main/shell/notifier.js';
import { FakeNotification, resetElectronFake } from './electron-fake.js';

const finished = (overrides: Partial<BulkFinished> = {}): BulkFinished => ({
  bulkId: 'b-1',
  type: 'Doors',
  status: 'finished',
  counts: { total: 10, queued: 0, skipped: 1, sent: 0, done: 8, failed: 1, cancelled: 0, expired: 0 },
  ...overrides,
});

beforeEach(() => resetElectronFake());

describe('what a bulk notification says', () => {
  it('names the feature, the vehicles, how it ended and the counts that are not zero', () => {
    expect(bulkNotificationContent(finished())).toEqual({
      title: 'Doors to 10 vehicles: finished',
      body: '1 skipped · 8 done · 1 failed',
    });
    const one = { total: 1, queued: 0, skipped: 0, sent: 0, done: 0, failed: 0, cancelled: 1, expired: 0 };
    expect(bulkNotificationContent(finished({ type: 'Horn', status: 'cancelled', counts: one }))).toEqual({
      title: 'Horn to 1 vehicle: cancelled',
      body: '1 cancelled',
    });
  });

  it('speaks the OS’s language, plurals included', () => {
    expect(bulkNotificationContent(finished(), 'fr')).toEqual({
      title: 'Portes sur 10 véhicules : terminée',
      body: '1 ignoré · 8 terminés · 1 en échec',
    });
    const none = { total: 0, queued: 0, skipped: 0, sent: 0, done: 0, failed: 0, cancelled: 0, expired: 0 };
    expect(bulkNotificationContent(finished({ counts: none }), 'it').body).toBe('Nessun veicolo.');
  });
});

describe('the desktop notifier', () => {
  const deps = (enabled: boolean) => ({
    vehicleName: () => undefined,
    openAction: vi.fn(),
    enabled: () => enabled,
    logger: silentLogger,
  });

  it('shows one when a bulk command finishes', async () => {
    createDesktopNotifier(deps(true)).bulkFinished(finished());
    await vi.waitFor(() => expect(FakeNotification.shown).toHaveLength(1));
    expect(FakeNotification.shown[0]!.options).toMatchObject({
      title: 'Doors to 10 vehicles: finished',
      body: '1 skipped · 8 done · 1 failed',
      urgency: 'normal',
    });
  });

  it('stays quiet when desktop notifications are off', async () => {
    createDesktopNotifier(deps(false)).bulkFinished(finished());
    await new Promise((r) => setTimeout(r, 10));
    expect(FakeNotification.shown).toHaveLength(0);
  });
});

describe('the headless notifier', () => {
  it('logs the end of a bulk command with its counts', () => {
    const info = vi.fn();
    const logger = { ...silentLogger, info } as Logger;
    createLogNotifier(logger).bulkFinished!(finished());
    expect(info).toHaveBeenCalledWith('bulk Doors finished: 1 skipped, 8 done, 1 failed of 10', {
      bulkId: 'b-1',
      counts: finished().counts,
    });
    expect(countsText({ ...finished().counts, total: 0, skipped: 0, done: 0, failed: 0 })).toBe(
      'nothing of 0',
    );
  });
});
