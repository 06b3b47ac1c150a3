// The real desktop app under Playwright's _electron: the built app (out/) launched with an Electron binary. Where
// no Electron runtime exists (as on the development and CI machines) every test here is skipped, and the reason is
// printed and shown in the suite's name: these tests never pass silently. The desktop workflow's runners have one
// (DEPOT_REMOTE_E2E_STRICT): there a missing runtime fails the suite.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ElectronApplication, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDisplay } from './electron-runtime.js';
import { assertBuilt, desktopFolders, launchDesktop, suiteRuntime } from './launch-desktop.js';

const { runtime, suite } = suiteRuntime('desktop app (Playwright _electron)');

/** A tray menu item as main sees it (Electron.MenuItem, reduced to what the test reads). */
type TrayItem = { id: string; label: string; enabled: boolean; type: string };
type Recorded = { __shown: string[]; __trayMenus: Electron.Menu[] };

describe.skipIf(!runtime.ok)(suite, () => {
  let app: ElectronApplication;
  let page: Page;
  let dataDir: string;
  let stopDisplay = () => {};

  beforeAll(async () => {
    if (!runtime.ok) return;
    assertBuilt();
    const display = await ensureDisplay();
    if ('error' in display) throw new Error(display.error);
    stopDisplay = display.stop;
    const folders = desktopFolders();
    dataDir = folders.dataDir;
    app = await launchDesktop(runtime.executable, folders, display.display);
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    // Record every native notification main shows (the tray's notifier), for the remote test below, and every
    // context menu the tray is given (the tray itself is not reachable from outside main).
    await app.evaluate(({ Notification, Tray }) => {
      const recorded = globalThis as unknown as Recorded;
      recorded.__shown = [];
      recorded.__trayMenus = [];
      const show = Notification.prototype.show;
      Notification.prototype.show = function (this: Electron.Notification) {
        recorded.__shown.push(this.title);
        return show.call(this);
      };
      const setContextMenu = Tray.prototype.setContextMenu;
      Tray.prototype.setContextMenu = function (this: Electron.Tray, menu: Electron.Menu | null) {
        if (menu) recorded.__trayMenus.push(menu);
        return setContextMenu.call(this, menu);
      };
    });
  }, 60_000);

  /** The items of the tray's latest menu. */
  const trayMenu = () =>
    app.evaluate(() => {
      const menus = (globalThis as unknown as Recorded).__trayMenus;
      return (menus.at(-1)?.items ?? []).map((i): TrayItem => ({
        id: i.id,
        label: i.label,
        enabled: i.enabled,
        type: i.type,
      }));
    });

  afterAll(async () => {
    await app?.close();
    stopDisplay();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('loads the renderer from app:// with the bridge and without Node', async () => {
    expect(page.url()).toMatch(/^app:\/\/depot-remote\/index\.html/);
    expect(await page.title()).toBe('Depot Remote');
    expect(
      await page.evaluate(
        () => (window as unknown as { depotRemote?: { transport: string } }).depotRemote?.transport,
      ),
    ).toBe('bridge');
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
  });

  it('stays on its page when the page tries to leave', async () => {
    // Not an https URL: that one would be handed to the system browser.
    await page.evaluate(() => {
      window.location.href = 'file:///etc/hostname';
    });
    await page.waitForTimeout(300);
    expect(page.url()).toMatch(/^app:\/\/depot-remote\//);
  });

  it('sends a remote and shows the completion as a native notification', async () => {
    const result = await page.evaluate(async () => {
      type Bridge = {
        listVehicles(
          q: unknown,
        ): Promise<{ items: { id: string; capabilities: Record<string, { supported: boolean }> }[] }>;
        createCallback(b: unknown): Promise<{ id: string }>;
        sendRemote(i: unknown): Promise<{ remoteActionId: string }>;
      };
      const bridge = (window as unknown as { depotRemote: Bridge }).depotRemote;
      const { items } = await bridge.listVehicles({ limit: 50 });
      const vehicle = items.find((v) => v.capabilities.Horn?.supported)!;
      const cb = await bridge.createCallback({
        label: 'e2e',
        callback: { webhook: { target: 'http://127.0.0.1:9/hook', name: 'e2e' } },
        remoteTypes: ['Horn'],
      });
      return bridge.sendRemote({
        vehicle: vehicle.id,
        callbackId: cb.id,
        body: { horn: { state: 'Activated' } },
      });
    });
    expect(result.remoteActionId).toBeTruthy();
    await expect
      .poll(() => app.evaluate(() => (globalThis as unknown as Recorded).__shown), {
        timeout: 20_000,
      })
      .toEqual(expect.arrayContaining([expect.stringMatching(/^Horn · /)]));
  });

  it('has a tray icon whose menu opens the window, shows the status, pauses deliveries and quits', async () => {
    // The remote above changed an action: the tray has been redrawn since the recorder was installed.
    await expect
      .poll(trayMenu, { timeout: 10_000 })
      .toEqual(
        expect.arrayContaining([
          expect.objectContaining({ id: 'open', label: 'Open Depot Remote', enabled: true }),
          expect.objectContaining({ id: 'pause', label: 'Pause deliveries', enabled: true }),
          expect.objectContaining({ id: 'quit', label: 'Quit Depot Remote', enabled: true }),
        ]),
      );
    const status = (await trayMenu()).filter((i) => i.id.startsWith('status-'));
    expect(status.length).toBeGreaterThan(0);
    expect(status.every((i) => !i.enabled)).toBe(true);

    // Clicking the native menu item pauses the outbox; the redrawn menu offers to resume and says so.
    const click = (id: string) =>
      app.evaluate((_electron, itemId) => {
        const menus = (globalThis as unknown as Recorded).__trayMenus;
        menus.at(-1)!.getMenuItemById(itemId)!.click();
      }, id);
    await click('pause');
    await expect
      .poll(async () => (await trayMenu()).map((i) => i.id))
      .toEqual(expect.arrayContaining(['resume']));
    expect((await trayMenu()).map((i) => i.label)).toContain('Deliveries paused');
    await click('resume');
    await expect.poll(async () => (await trayMenu()).map((i) => i.id)).toContain('pause');
  });

  it('keeps running in the tray when the window is closed, and stops cleanly on quit', async () => {
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.close());
    expect(
      await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.isVisible())),
    ).toEqual([false]);
    await app.evaluate(({ app: electronApp }) => electronApp.quit());
    await app.waitForEvent('close', { timeout: 15_000 });
    const log = readFileSync(join(dataDir, 'logs', 'desktop.log'), 'utf8');
    expect(log).toContain('stopped cleanly');
  });
});
