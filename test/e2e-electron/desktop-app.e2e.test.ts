// The real desktop app under Playwright's _electron: the built app (out/) launched with an Electron binary. Where
// no Electron runtime exists (as on the development and CI machines) every test here is skipped, and the reason is
// printed and shown in the suite's name: these tests never pass silently.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDisplay, findElectronRuntime } from './electron-runtime.js';

const runtime = findElectronRuntime();
if (!runtime.ok) console.warn(`[e2e-electron] skipped: ${runtime.reason}`);
const suite = runtime.ok
  ? 'desktop app (Playwright _electron)'
  : `desktop app (Playwright _electron) — SKIPPED: ${runtime.reason}`;

describe.skipIf(!runtime.ok)(suite, () => {
  let app: ElectronApplication;
  let page: Page;
  let dataDir: string;
  let stopDisplay = () => {};

  beforeAll(async () => {
    if (!runtime.ok) return;
    for (const file of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']) {
      if (!existsSync(file))
        throw new Error(`${file} is missing: run "npx electron-vite build" first (npm test does).`);
    }
    const display = await ensureDisplay();
    if ('error' in display) throw new Error(display.error);
    stopDisplay = display.stop;
    dataDir = mkdtempSync(join(tmpdir(), 'depot-remote-electron-'));
    const { ELECTRON_RUN_AS_NODE: _n, DEPOT_REMOTE_API_TOKEN: _t, ...env } = process.env;
    app = await _electron.launch({
      executablePath: runtime.executable,
      args: [
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
        '.',
        '--api-port',
        '0',
        '--receiver-port',
        '0',
        '--sim-speed',
        '100',
      ],
      env: {
        ...(env as Record<string, string>),
        DEPOT_REMOTE_DATA_DIR: dataDir,
        ...(display.display ? { DISPLAY: display.display } : {}),
      },
      timeout: 30_000,
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    // Record every native notification main shows (the tray's notifier), for the remote test below.
    await app.evaluate(({ Notification }) => {
      const shown: string[] = [];
      (globalThis as unknown as { __shown: string[] }).__shown = shown;
      const show = Notification.prototype.show;
      Notification.prototype.show = function (this: Electron.Notification) {
        shown.push(this.title);
        return show.call(this);
      };
    });
  }, 60_000);

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
      .poll(() => app.evaluate(() => (globalThis as unknown as { __shown: string[] }).__shown), {
        timeout: 20_000,
      })
      .toEqual(expect.arrayContaining([expect.stringMatching(/^Horn · /)]));
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
