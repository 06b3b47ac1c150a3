// The desktop's updater port over electron-updater itself (its GenericProvider and DebUpdater, in plain Node with a
// test AppAdapter and Node's HTTP executor): a local feed served by the test offers a newer version; it is
// downloaded with progress, verified against the channel file's sha512 and reported ready; a file whose bytes do
// not match is REFUSED (an error, never ready); a shared-folder feed goes through the loopback server.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UpdateStateDto } from '../../../preload/contract/updates.js';
import { silentLogger } from '../../../main/core/ports/logger.js';
import { normaliseFeedUrl } from '../../../main/core/updates/index.js';
import { createElectronUpdatePort } from '../../../main/shell/updates/electron-update-port.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { publishRelease, serveFeed, type FeedServer } from '../../core/updates/update-feed.js';
import { testUpdater } from './updater-app.js';

let feedDir: ReturnType<typeof tempDir>;
let appDir: ReturnType<typeof tempDir>;
let server: FeedServer | null = null;

beforeEach(() => {
  feedDir = tempDir('depot-remote-feed-');
  appDir = tempDir('depot-remote-app-');
});
afterEach(async () => {
  await server?.close();
  server = null;
  feedDir.remove();
  appDir.remove();
});

/** Runs a check and collects every state until it settles (ready, up to date or an error). */
async function checkUntilSettled(port: ReturnType<typeof createElectronUpdatePort>, feed: string) {
  const states: UpdateStateDto[] = [];
  let settle: () => void = () => {};
  const settled = new Promise<void>((resolve) => (settle = resolve));
  await port.check(feed, (state) => {
    states.push(state);
    if (state.kind === 'ready' || state.kind === 'up-to-date' || state.kind === 'error') settle();
  });
  await Promise.race([
    settled,
    new Promise((_, reject) => setTimeout(() => reject(new Error(JSON.stringify(states))), 20_000)),
  ]);
  return states;
}

/** The files electron-updater kept in its cache folder for a pending update. */
function cachedFiles(): string[] {
  const dir = join(appDir.path, 'depot-remote-updater', 'pending');
  return existsSync(dir) ? readdirSync(dir) : [];
}

describe('electron-updater against a local feed', () => {
  it('downloads a newer version with progress, verifies it and is ready to install', async () => {
    const { bytes } = publishRelease(feedDir.path, {
      version: '1.3.0',
      size: 1536 * 1024,
      notes: 'New backups.',
    });
    server = await serveFeed(feedDir.path, { chunkDelayMs: 80 });
    const { updater, app } = testUpdater('1.2.0', appDir.path);
    const port = createElectronUpdatePort({ updater, logger: silentLogger });

    const states = await checkUntilSettled(port, server.url);

    expect(states[0]).toEqual({
      kind: 'available',
      version: '1.3.0',
      releaseDate: '2026-11-30T09:00:00.000Z',
      notes: 'New backups.',
    });
    const progress = states.filter((s) => s.kind === 'downloading');
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.at(-1)).toMatchObject({ version: '1.3.0', percent: 100 });
    expect(progress.every((p) => p.kind === 'downloading' && p.bytesPerSecond >= 0)).toBe(true);
    expect(states.at(-1)).toEqual({ kind: 'ready', version: '1.3.0', notes: 'New backups.' });
    // The verified file is what the feed served, kept to install at the next quit.
    expect(updater.autoInstallOnAppQuit).toBe(true);
    const [kept] = cachedFiles().filter((f) => f.endsWith('.deb'));
    expect(kept).toBeDefined();
    expect(readFileSync(join(appDir.path, 'depot-remote-updater', 'pending', kept!)).equals(bytes)).toBe(
      true,
    );
    expect(app.quitHandlers.length).toBe(1);
    await port.close();
  });

  it('refuses a download whose sha512 does not match the channel file: an error, never ready', async () => {
    publishRelease(feedDir.path, { version: '1.3.0', wrongSha512: true });
    server = await serveFeed(feedDir.path);
    const { updater } = testUpdater('1.2.0', appDir.path);
    const port = createElectronUpdatePort({ updater, logger: silentLogger });

    const states = await checkUntilSettled(port, server.url);

    expect(states.at(-1)).toEqual({
      kind: 'error',
      code: 'UPDATE_CHECKSUM_MISMATCH',
      params: { version: '1.3.0' },
    });
    expect(states.some((s) => s.kind === 'ready')).toBe(false);
    expect(cachedFiles().filter((f) => f.endsWith('.deb'))).toEqual([]);
    await port.close();
  });

  it('says up to date when the feed offers the running version', async () => {
    publishRelease(feedDir.path, { version: '1.2.0' });
    server = await serveFeed(feedDir.path);
    const { updater } = testUpdater('1.2.0', appDir.path);
    const port = createElectronUpdatePort({ updater, logger: silentLogger });
    expect(await checkUntilSettled(port, server.url)).toEqual([{ kind: 'up-to-date', latest: '1.2.0' }]);
    await port.close();
  });

  it('reports a feed that is not one, and one that is not there', async () => {
    server = await serveFeed(feedDir.path);
    const { updater } = testUpdater('1.2.0', appDir.path);
    const port = createElectronUpdatePort({ updater, logger: silentLogger });
    expect((await checkUntilSettled(port, server.url)).at(-1)).toMatchObject({
      kind: 'error',
      code: 'UPDATE_FEED_NOT_A_FEED',
    });
    await port.close();
  });

  it('reads a shared-folder (file://) feed through the loopback server, and stops serving it when closed', async () => {
    const { bytes } = publishRelease(feedDir.path, { version: '2.0.0' });
    const feed = normaliseFeedUrl(pathToFileURL(feedDir.path).href)!;
    const { updater } = testUpdater('1.2.0', appDir.path);
    const served: string[] = [];
    const port = createElectronUpdatePort({
      updater,
      logger: silentLogger,
      serveFolder: async (url) => {
        const { serveFeedFolder } = await import('../../../main/core/updates/index.js');
        const loopback = await serveFeedFolder(url);
        served.push(loopback.url);
        return loopback;
      },
    });

    const states = await checkUntilSettled(port, feed);

    expect(states.at(-1)).toMatchObject({ kind: 'ready', version: '2.0.0' });
    expect(served).toHaveLength(1);
    expect(served[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const [kept] = cachedFiles().filter((f) => f.endsWith('.deb'));
    expect(readFileSync(join(appDir.path, 'depot-remote-updater', 'pending', kept!)).equals(bytes)).toBe(
      true,
    );
    await port.close();
    await expect(fetch(served[0]!)).rejects.toThrow();
  });
});
