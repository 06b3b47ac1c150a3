// Updates on the real desktop runtime (Playwright _electron): the window's Settings shows the Updates panel of the
// desktop (it installs, unlike the headless agent), an admin sets a feed served by this test on 127.0.0.1 and
// checks it through the bridge, and the panel follows the state pushed by main. Launched from out/ the app is not
// packaged, so electron-updater only reads the feed there (its download and install need an installed build:
// test/shell/updates covers them with electron-updater's own classes). Skipped, saying why, where no Electron
// runtime exists; failing instead under DEPOT_REMOTE_E2E_STRICT=1.
import { rmSync } from 'node:fs';
import type { ElectronApplication, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishRelease, serveFeed, type FeedServer } from '../core/updates/update-feed.js';
import { tempDir } from '../helpers/temp-dir.js';
import { ensureDisplay } from './electron-runtime.js';
import {
  assertBuilt,
  desktopFolders,
  launchDesktop,
  suiteRuntime,
  type DesktopFolders,
} from './launch-desktop.js';

const { runtime, suite } = suiteRuntime('desktop updates (Playwright _electron)');

type Bridge = {
  getUpdates(): Promise<{ runtime: string; state: { kind: string; version?: string } }>;
  putUpdateSettings(input: { body: { feedUrl: string } }): Promise<{ feedUrl: string | null }>;
  checkForUpdates(): Promise<{ state: { kind: string; version?: string } }>;
};

describe.skipIf(!runtime.ok)(suite, () => {
  let app: ElectronApplication;
  let page: Page;
  let folders: DesktopFolders | undefined;
  let feedDir: ReturnType<typeof tempDir>;
  let feed: FeedServer;
  let stopDisplay = () => {};

  beforeAll(async () => {
    if (!runtime.ok) return;
    assertBuilt();
    feedDir = tempDir('depot-remote-feed-');
    publishRelease(feedDir.path, { version: '99.0.0', notes: 'A release from the e2e feed.' });
    feed = await serveFeed(feedDir.path);
    const screen = await ensureDisplay();
    if ('error' in screen) throw new Error(screen.error);
    stopDisplay = screen.stop;
    folders = desktopFolders();
    app = await launchDesktop(runtime.executable, folders, screen.display);
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    stopDisplay();
    await feed?.close();
    feedDir?.remove();
    if (folders) rmSync(folders.dataDir, { recursive: true, force: true });
  });

  it('is the installing runtime, reads a LAN feed set from the window and shows what it offers', async () => {
    const before = await page.evaluate(() =>
      (window as unknown as { depotRemote: Bridge }).depotRemote.getUpdates(),
    );
    expect(before.runtime).toBe('install');
    const checked = await page.evaluate(async (url) => {
      const bridge = (window as unknown as { depotRemote: Bridge }).depotRemote;
      await bridge.putUpdateSettings({ body: { feedUrl: url } });
      return bridge.checkForUpdates();
    }, feed.url);
    expect(checked.state).toMatchObject({ kind: 'available', version: '99.0.0' });
    expect(feed.requests.some((p) => p.endsWith('.yml'))).toBe(true);

    await page.evaluate(() => {
      window.location.hash = '#/settings';
    });
    await expect
      .poll(() => page.getByRole('region', { name: 'Updates' }).textContent(), { timeout: 10_000 })
      .toContain('Version 99.0.0 is available');
    expect(await page.getByText('A release from the e2e feed.').count()).toBe(1);
  });
});
