// The storage health over a real database made "full" with max_page_count: degraded since the first refused write,
// ended only by a probe that finds room (at the next successful write or on its own timer), never by a small
// write that happened to fit.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createStorageHealth,
  type Db,
  openDatabase,
  PROBE_INTERVAL_MS,
  type StorageHealth,
} from '../../../main/core/db/index.js';
import { manualClock } from '../../../main/core/ports/clock.js';
import type { Logger } from '../../../main/core/ports/logger.js';
import { useTempDir } from './db-fixtures.js';

const now = '2025-01-01T00:00:00.000Z';

describe('storage health', () => {
  const tempDir = useTempDir();

  function setup() {
    const clock = manualClock();
    const lines: string[] = [];
    const logger: Logger = {
      debug() {},
      info: (m) => lines.push(`info ${m}`),
      warn: (m) => lines.push(`warn ${m}`),
      error: (m) => lines.push(`error ${m}`),
    };
    let probe: () => void = () => db.probeWrite();
    const health: StorageHealth = createStorageHealth({ clock, logger, probe: () => probe() });
    const db: Db = openDatabase(path.join(tempDir(), 'depot.sqlite'), { writes: health });
    const set = db.raw.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)');
    let n = 0;
    const write = () => set.run(`k${n++}`, JSON.stringify('x'.repeat(1500)), now);
    const fill = () => {
      db.raw.pragma('max_page_count = 1');
      for (;;) write();
    };
    const room = () => db.raw.pragma('max_page_count = 1073741823');
    return {
      clock,
      lines,
      health,
      db,
      write,
      fill,
      room,
      setProbe: (p: () => void) => (probe = p),
      close: () => {
        health.close();
        db.close();
      },
    };
  }

  it('is ok at first, degraded since the first refused write, logged once', () => {
    const s = setup();
    try {
      expect(s.health.check()).toBe(true);
      expect(s.health.status()).toEqual({ status: 'ok' });
      s.clock.advance(5000);
      expect(s.fill).toThrow(/No space left/);
      const since = s.clock.nowIso();
      s.clock.advance(1000);
      expect(s.write).toThrow(/No space left/);
      expect(s.health.status()).toEqual({ status: 'degraded', reason: { code: 'DISK_FULL', since } });
      expect(s.lines.filter((l) => l.startsWith('error'))).toEqual([
        'error disk full: writes are refused until space is freed',
      ]);
    } finally {
      s.close();
    }
  });

  it('a small write that still fits does not end it; the probe decides', () => {
    const s = setup();
    try {
      expect(s.fill).toThrow();
      // A write that needs no new page (a value made shorter in place) fits, but the database still cannot grow.
      s.db.raw.prepare("UPDATE settings SET value = '\"short\"' WHERE key = 'k0'").run();
      expect(s.health.status().status).toBe('degraded');
      s.room();
      s.write();
      expect(s.health.status()).toEqual({ status: 'ok' });
      expect(s.lines).toContain('info disk space is back: writes work again');
    } finally {
      s.close();
    }
  });

  it('probes on its own while degraded, and stops once ok or closed', () => {
    const s = setup();
    try {
      expect(s.fill).toThrow();
      expect(s.clock.pendingTimers()).toBe(1);
      s.clock.advance(PROBE_INTERVAL_MS);
      expect(s.health.status().status).toBe('degraded');
      expect(s.clock.pendingTimers()).toBe(1);
      s.room();
      s.clock.advance(PROBE_INTERVAL_MS);
      expect(s.health.status().status).toBe('ok');
      expect(s.clock.pendingTimers()).toBe(0);

      s.db.raw.pragma('max_page_count = 1');
      expect(() => {
        for (;;) s.write();
      }).toThrow();
      s.health.close();
      expect(s.clock.pendingTimers()).toBe(0);
    } finally {
      s.close();
    }
  });

  it('a probe failing for another reason (a lock) neither ends nor starts an episode', () => {
    const s = setup();
    try {
      s.setProbe(() => {
        throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
      });
      expect(s.health.check()).toBe(true);
      expect(s.health.status().status).toBe('ok');
      s.health.diskFull();
      s.room();
      s.clock.advance(PROBE_INTERVAL_MS);
      expect(s.health.status().status).toBe('degraded');
      expect(s.lines).toContain('warn storage probe failed');
      s.setProbe(() => s.db.probeWrite());
      s.clock.advance(PROBE_INTERVAL_MS);
      expect(s.health.status().status).toBe('ok');
    } finally {
      s.close();
    }
  });
});
