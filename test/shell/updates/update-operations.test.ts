// The update operations over the real API and a real core (SQLite file, in-process fleet), with the desktop's
// electron-updater port reading a local feed served by the test: anyone signed in reads the state, only an admin
// changes the feed, checks or installs; "Restart now to install" is REFUSED (409 UPDATE_BUSY) while a command is in
// flight and goes through, audited, once it has ended; the headless agent's runtime cannot install.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../../preload/contract/events.js';
import { manualClock, type ManualClock } from '../../../main/core/ports/clock.js';
import { silentLogger } from '../../../main/core/ports/logger.js';
import type { UpdatePort } from '../../../main/core/operations/ports.js';
import { createOperationHandlers } from '../../../main/core/operations/handlers.js';
import { OPERATIONS } from '../../../preload/contract/operations/index.js';
import {
  createCheckOnlyPort,
  createUpdateCenter,
  UPDATE_FEED_KEY,
  type UpdateCenter,
} from '../../../main/core/updates/index.js';
import { createElectronUpdatePort } from '../../../main/shell/updates/electron-update-port.js';
import { adminActor } from '../../helpers/actors.js';
import { startHarness, TOKEN, type Harness } from '../../helpers/api-harness.js';
import { signedIn } from '../../helpers/operator-sessions.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { publishRelease, serveFeed, type FeedServer } from '../../core/updates/update-feed.js';
import { testUpdater } from './updater-app.js';

let h: Harness;
let center: UpdateCenter;
let centerClock: ManualClock;
let feedDir: ReturnType<typeof tempDir>;
let appDir: ReturnType<typeof tempDir>;
let feed: FeedServer;
let installs = 0;

async function harness(runtime: 'install' | 'tell') {
  centerClock = manualClock();
  h = await startHarness({
    api: (core) => {
      let port: UpdatePort;
      if (runtime === 'install') {
        const electron = createElectronUpdatePort({
          updater: testUpdater('1.2.0', appDir.path).updater,
          logger: silentLogger,
        });
        // Counted instead of quitting: a real quitAndInstall would end the test process and run the installer.
        port = { ...electron, runtime: 'install', install: () => (installs += 1) };
      } else {
        port = createCheckOnlyPort({ version: '1.2.0' });
      }
      center = createUpdateCenter({
        feed: core.services.updateFeed,
        port,
        bus: core.bus,
        clock: centerClock,
        logger: silentLogger,
        version: '1.2.0',
      });
      const handlers = createOperationHandlers({
        core,
        machineToken: TOKEN,
        version: '1.2.0',
        startedAt: Date.now(),
        updates: center,
      });
      return { operations: { registry: OPERATIONS, handlers } };
    },
  });
}

beforeEach(async () => {
  installs = 0;
  feedDir = tempDir('depot-remote-feed-');
  appDir = tempDir('depot-remote-app-');
  feed = await serveFeed(feedDir.path);
});
afterEach(async () => {
  await center.stop();
  await h.close();
  await feed.close();
  feedDir.remove();
  appDir.remove();
});

const get = () => h.call({ method: 'GET', url: '/api/v1/updates' });
const setFeed = (feedUrl: string) =>
  h.call({ method: 'PUT', url: '/api/v1/updates/settings', payload: { feedUrl } });
const install = () => h.call({ method: 'POST', url: '/api/v1/updates/install' });
const auditActions = () => h.core.services.audit.list({ limit: 50 }).map((e) => e.action);

/** Waits (real time: the download is real) until the state is `kind`. */
async function until(kind: string) {
  for (let i = 0; i < 200; i += 1) {
    if (center.status().state.kind === kind) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`state stayed ${JSON.stringify(center.status().state)}`);
}

/** A horn to a vehicle of the in-process fleet, left pending (its clock does not move). */
async function commandInFlight() {
  return h.core.services.remotes.send({
    vehicleRef: 'veh-e208-01',
    callbackId: 'workstation',
    body: { horn: { state: 'Activated' } },
    actor: adminActor('Night shift'),
  });
}

describe('the update operations', () => {
  beforeEach(() => harness('install'));

  it('shows the version, no feed and idle at first, to anyone signed in', async () => {
    const tess = await signedIn(h, 'Tess', 'technician');
    const res = await tess.call({ method: 'GET', url: '/api/v1/updates' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      currentVersion: '1.2.0',
      feedUrl: null,
      runtime: 'install',
      state: { kind: 'idle' },
      lastCheckAt: null,
    });
  });

  it('lets only an admin change the feed, check or install (403, audited, nothing changed)', async () => {
    const tess = await signedIn(h, 'Tess', 'supervisor');
    const calls = [
      { method: 'PUT' as const, url: '/api/v1/updates/settings', payload: { feedUrl: feed.url } },
      { method: 'POST' as const, url: '/api/v1/updates/check' },
      { method: 'POST' as const, url: '/api/v1/updates/install' },
    ];
    for (const call of calls) {
      const res = await tess.call(call);
      expect(res.statusCode, call.url).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    }
    expect(h.core.services.updateFeed.get()).toBeNull();
    expect(auditActions().filter((a) => a === 'access.denied')).toHaveLength(3);
  });

  it('stores a valid feed with an audit entry; refuses a bad one with a code and changes nothing', async () => {
    for (const [text, reason] of [
      ['ftp://updates.depot.lan/', 'scheme'],
      ['http://admin:hunter2@updates.depot.lan/', 'credentials'],
      ['not an address', 'malformed'],
    ] as const) {
      const res = await setFeed(text);
      expect(res.statusCode, text).toBe(400);
      expect(res.json()).toMatchObject({ code: 'UPDATE_FEED_INVALID', params: { reason } });
      expect(res.body).not.toContain('hunter2');
    }
    expect(h.core.services.updateFeed.get()).toBeNull();
    expect(auditActions()).not.toContain('updates.settings-change');

    const ok = await setFeed(feed.url);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ feedUrl: feed.url, state: { kind: 'idle' } });
    expect(h.core.services.updateFeed.get()).toBe(feed.url);
    const [entry] = h.core.services.audit.list({ limit: 1, action: 'updates.settings-change' });
    expect(entry).toMatchObject({ operator: 'machine token', detail: { feedUrl: feed.url, previous: null } });

    const off = await setFeed('');
    expect(off.json().feedUrl).toBeNull();
  });

  it('says 409 UPDATE_FEED_NOT_SET when asked to check without a feed', async () => {
    const res = await h.call({ method: 'POST', url: '/api/v1/updates/check' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('UPDATE_FEED_NOT_SET');
  });

  it('checks, downloads and pushes each state as update.changed', async () => {
    publishRelease(feedDir.path, { version: '1.3.0', notes: 'Retention settings.' });
    const events: ChangeEvent[] = [];
    const off = h.core.changes.subscribe((e) => events.push(e));
    await setFeed(feed.url);
    const res = await h.call({ method: 'POST', url: '/api/v1/updates/check' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().lastCheckAt).toBe(centerClock.nowIso());
    await until('ready');
    off();
    const kinds = events.filter((e) => e.name === 'update.changed').map((e) => e.data.update.state.kind);
    expect(kinds).toEqual(expect.arrayContaining(['idle', 'checking', 'available', 'downloading', 'ready']));
    expect(kinds.indexOf('checking')).toBeLessThan(kinds.indexOf('available'));
    expect(kinds.at(-1)).toBe('ready');
    expect((await get()).json().state).toEqual({
      kind: 'ready',
      version: '1.3.0',
      notes: 'Retention settings.',
    });
  });

  it('answers 404 UPDATE_NOT_READY to an install with nothing downloaded', async () => {
    const res = await install();
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('UPDATE_NOT_READY');
    expect(installs).toBe(0);
  });

  it('REFUSES to restart while a command is in flight (409 UPDATE_BUSY), and installs once it has ended', async () => {
    publishRelease(feedDir.path, { version: '1.3.0' });
    await setFeed(feed.url);
    await h.call({ method: 'POST', url: '/api/v1/updates/check' });
    await until('ready');
    const action = await commandInFlight();
    expect(h.core.openActions().map((a) => a.id)).toContain(action.remoteActionId);

    const refused = await install();
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'UPDATE_BUSY', params: { actions: 1, bulks: 0 } });
    centerClock.advance(1000);
    expect(installs).toBe(0);
    expect(auditActions()).not.toContain('updates.install');

    // The in-process fleet answers the horn as its clock moves: the command ends.
    for (let i = 0; i < 30 && h.core.openActions().length > 0; i += 1) {
      h.clock.advance(1000);
      await new Promise((r) => setImmediate(r));
    }
    expect(h.core.openActions()).toEqual([]);
    const accepted = await install();
    expect(accepted.statusCode, accepted.body).toBe(202);
    expect(accepted.json()).toEqual({ version: '1.3.0' });
    expect(installs).toBe(0);
    centerClock.advance(50);
    expect(installs).toBe(1);
    const [entry] = h.core.services.audit.list({ limit: 1, action: 'updates.install' });
    expect(entry).toMatchObject({ detail: { version: '1.3.0' } });
  });

  it('checks at start and again every day on the clock, only while a feed is set', async () => {
    publishRelease(feedDir.path, { version: '1.2.0' });
    center.start();
    expect(feed.requests).toEqual([]);
    await setFeed(feed.url);
    centerClock.advance(24 * 60 * 60 * 1000);
    await until('up-to-date');
    expect(feed.requests.filter((p) => p.endsWith('.yml'))).toHaveLength(1);
    const first = center.status().lastCheckAt;
    centerClock.advance(24 * 60 * 60 * 1000);
    await until('up-to-date');
    await new Promise((r) => setTimeout(r, 50));
    expect(feed.requests.filter((p) => p.endsWith('.yml'))).toHaveLength(2);
    expect(Date.parse(center.status().lastCheckAt!) - Date.parse(first!)).toBe(24 * 60 * 60 * 1000);
  });
});

describe('the headless agent’s runtime', () => {
  beforeEach(() => harness('tell'));

  it('finds the newer version but cannot install it (409 UPDATE_CANNOT_INSTALL)', async () => {
    publishRelease(feedDir.path, { version: '2.0.0', notes: 'Audit export.' });
    await setFeed(feed.url);
    const res = await h.call({ method: 'POST', url: '/api/v1/updates/check' });
    expect(res.json()).toMatchObject({
      runtime: 'tell',
      state: { kind: 'available', version: '2.0.0', notes: 'Audit export.' },
    });
    const refused = await install();
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('UPDATE_CANNOT_INSTALL');
  });

  it('keeps the feed in the settings table under its own key', async () => {
    await setFeed('file:///mnt/depot-share/depot-remote');
    expect(h.core.services.updateFeed.get()).toBe('file:///mnt/depot-share/depot-remote/');
    expect(UPDATE_FEED_KEY).toBe('updates.feed');
  });
});
