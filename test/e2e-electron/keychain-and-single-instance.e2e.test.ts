// What only a real Electron on a real desktop shows, beyond the window: secrets sealed by the OS keychain through
// safeStorage (Keychain, DPAPI, libsecret), and one app per user (a second launch hands over to the first and
// exits). Skipped, saying why, where no Electron runtime exists; failing instead under DEPOT_REMOTE_E2E_STRICT=1
// (the desktop workflow, whose Linux runner also provides an unlocked GNOME keyring).
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { ElectronApplication, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDisplay } from './electron-runtime.js';
import {
  assertBuilt,
  desktopFolders,
  launchAgain,
  launchDesktop,
  strictE2E,
  suiteRuntime,
  type DesktopFolders,
} from './launch-desktop.js';

const { runtime, suite } = suiteRuntime('desktop keychain and single instance (Playwright _electron)');

const SIGNING_SECRET = `whsec_${Buffer.alloc(32, 42).toString('base64')}`;
type Recorded = { __secondLaunches: number; __focusRequests: number };

describe.skipIf(!runtime.ok)(suite, () => {
  let app: ElectronApplication;
  let page: Page;
  let folders: DesktopFolders | undefined;
  let display: string | undefined;
  let stopDisplay = () => {};

  beforeAll(async () => {
    if (!runtime.ok) return;
    assertBuilt();
    const screen = await ensureDisplay();
    if ('error' in screen) throw new Error(screen.error);
    stopDisplay = screen.stop;
    display = screen.display;
    folders = desktopFolders();
    app = await launchDesktop(runtime.executable, folders, display);
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    stopDisplay();
    if (folders) rmSync(folders.dataDir, { recursive: true, force: true });
  });

  const desktopLog = () => readFileSync(join(folders!.dataDir, 'logs', 'desktop.log'), 'utf8');

  it('seals a callback’s secrets with safeStorage: unreadable at rest, opened by the OS keychain', async () => {
    const keychain = await app.evaluate(async ({ safeStorage }) => ({
      available: await safeStorage.isAsyncEncryptionAvailable(),
      backend: process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'os',
    }));
    // Linux without a keyring offers only basic_text, whose key is public: the app uses its key file then.
    const protectedByOs = keychain.available && !['basic_text', 'unknown'].includes(keychain.backend);
    if (strictE2E()) expect(keychain, 'the runner provides a keychain').toMatchObject({ available: true });
    if (strictE2E()) expect(protectedByOs, `safeStorage backend ${keychain.backend}`).toBe(true);

    const id = await page.evaluate(async (signingSecret) => {
      type Bridge = { createCallback(b: unknown): Promise<{ id: string }> };
      const bridge = (window as unknown as { depotRemote: Bridge }).depotRemote;
      const created = await bridge.createCallback({
        label: 'e2e keychain',
        callback: { webhook: { target: 'http://127.0.0.1:9/hook', name: 'e2e-keychain' } },
        remoteTypes: ['Horn'],
        signingSecret,
      });
      return created.id;
    }, SIGNING_SECRET);

    const db = new Database(join(folders!.dataDir, 'depot-remote.sqlite'), {
      readonly: true,
      fileMustExist: true,
    });
    const row = db.prepare('SELECT secrets, receiver_secret FROM callbacks WHERE id = ?').get(id) as {
      secrets: string;
      receiver_secret: string;
    };
    db.close();
    expect(row.secrets).not.toContain(SIGNING_SECRET);
    expect(row.secrets).not.toContain(Buffer.from(SIGNING_SECRET).toString('base64'));

    if (!protectedByOs) {
      expect(row.secrets).toMatch(/^kf1:/);
      expect(desktopLog()).toContain('not the system keychain');
      return;
    }
    expect(row.secrets).toMatch(/^ss1:/);
    expect(row.receiver_secret).toMatch(/^ss1:/);
    expect(desktopLog()).toContain('secrets are encrypted with the system keychain (safeStorage)');
    // The app's own safeStorage (the key the OS keeps for it) opens what the database holds.
    const opened = await app.evaluate(
      ({ safeStorage }, sealed) => safeStorage.decryptStringAsync(Buffer.from(sealed, 'base64')),
      row.secrets.slice('ss1:'.length),
    );
    expect(JSON.parse(opened.result)).toMatchObject({ signingSecret: SIGNING_SECRET });
  });

  it('brings the running app forward when launched again, and the second launch exits', async () => {
    await app.evaluate(({ app: electronApp, BrowserWindow }) => {
      const recorded = globalThis as unknown as Recorded;
      recorded.__secondLaunches = 0;
      recorded.__focusRequests = 0;
      electronApp.on('second-instance', () => (recorded.__secondLaunches += 1));
      const focus = BrowserWindow.prototype.focus;
      BrowserWindow.prototype.focus = function (this: Electron.BrowserWindow) {
        recorded.__focusRequests += 1;
        return focus.call(this);
      };
      BrowserWindow.getAllWindows()[0]!.hide();
    });
    const windowState = () =>
      app.evaluate(({ BrowserWindow }) => {
        const recorded = globalThis as unknown as Recorded;
        return {
          windows: BrowserWindow.getAllWindows().map((w) => w.isVisible()),
          secondLaunches: recorded.__secondLaunches,
          focusRequests: recorded.__focusRequests,
        };
      });
    expect((await windowState()).windows).toEqual([false]);

    const second = await launchAgain(runtime.ok ? runtime.executable : '', folders!, display);
    expect(second.code, second.output).toBe(0);

    await expect
      .poll(windowState, { timeout: 10_000 })
      .toEqual({ windows: [true], secondLaunches: 1, focusRequests: expect.any(Number) });
    expect((await windowState()).focusRequests).toBeGreaterThanOrEqual(1);
    // Only the first started the agent (both would log to the same data folder).
    expect(desktopLog().match(/Depot Remote desktop started/g)).toHaveLength(1);
  });
});
