// The whole desktop composition with Electron faked and everything else real: the same agent as `npm run agent`
// (SQLite, simulator over real HTTP, receiver and API on 127.0.0.1), the window, the bridge, the tray and the
// notifications; the single-instance lock, closing to the tray, and a clean quit.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcChannel, IPC_EVENTS, IPC_METHODS, type IpcMethod } from '../../preload/contract/ipc.js';
import { runDesktop, type DesktopSession } from '../../main/shell/desktop-app.js';
import { desktopPaths } from '../../main/shell/desktop-paths.js';
import { agentArgsFrom } from '../../main/shell/desktop-options.js';
import { callbackBody } from '../helpers/api-harness.js';
import { tempDir } from '../helpers/temp-dir.js';
import {
  app,
  appControl,
  dialog,
  FakeBrowserWindow,
  FakeNotification,
  FakeTray,
  ipcMain,
  protocol,
  resetElectronFake,
  safeStorageState,
  session,
} from './electron-fake.js';

const APP_PAGE = 'app://depot-remote/index.html';

function fakeLog() {
  const noop = () => {};
  return {
    transports: {
      file: { resolvePathFn: null as unknown, maxSize: 0, level: null as unknown },
      console: { level: null as unknown },
    },
    debug: noop,
    info: noop,
    warn: noop,
    error: noop,
  };
}

let dir: ReturnType<typeof tempDir>;
let running: DesktopSession | null = null;

function start(extraArgs: string[] = []) {
  const root = join(dir.path, 'app');
  mkdirSync(join(root, 'out', 'main'), { recursive: true });
  mkdirSync(join(root, 'out', 'renderer'), { recursive: true });
  writeFileSync(join(root, 'out', 'renderer', 'index.html'), '<!doctype html>');
  log = fakeLog();
  return runDesktop({
    log,
    paths: desktopPaths(join(root, 'out', 'main'), false, '/nowhere'),
    argv: [
      '/usr/lib/depot-remote/depot-remote',
      '--api-port',
      '0',
      '--receiver-port',
      '0',
      '--sim-speed',
      '100',
      ...extraArgs,
    ],
    env: { DEPOT_REMOTE_DATA_DIR: join(dir.path, 'data') },
  });
}
let log = fakeLog();

async function quit() {
  const before = app.quitRequested;
  app.quit();
  await vi.waitFor(() => expect(app.quitRequested).toBeGreaterThan(before), { timeout: 15_000 });
}

const call = (win: FakeBrowserWindow, method: IpcMethod, ...args: unknown[]) =>
  ipcMain.invokeFrom({ sender: win.webContents }, ipcChannel(method), ...args) as Promise<{
    ok: boolean;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    value: any;
    error?: unknown;
  }>;

beforeEach(() => {
  resetElectronFake();
  dir = tempDir('depot-remote-desktop-');
  appControl.userData = join(dir.path, 'userData');
  running = null;
});

afterEach(async () => {
  if (running) await quit();
  dir.remove();
});

describe('single instance', () => {
  it('a second launch quits at once and brings the first forward', async () => {
    const first = start()!;
    running = await first.ready;
    const win = FakeBrowserWindow.instances[0]!;
    win.hide();
    app.emit('second-instance', {}, ['depot-remote'], '/');
    expect(win.visible).toBe(true);
    expect(win.focused).toBe(true);

    appControl.denyLock();
    const quitsBefore = app.quit.mock.calls.length;
    expect(start()).toBeNull();
    expect(app.quit.mock.calls.length).toBe(quitsBefore + 1);
    expect(FakeBrowserWindow.instances).toHaveLength(1);
  });
});

describe('start', () => {
  it('runs the agent and opens the hardened window on app://, with the bridge and the tray', async () => {
    // What importing electron-log/main does: an unchecked IPC channel of its own, which the desktop removes.
    ipcMain.on('__ELECTRON_LOG__', () => {});
    ipcMain.handle('__ELECTRON_LOG__', () => {});
    const handle = start();
    running = await handle!.ready;
    expect(running).not.toBeNull();
    expect(dialog.showErrorBox).not.toHaveBeenCalled();

    // The same agent as headless: its API answers on loopback.
    const health = await fetch(`${running!.agent.url}/api/v1/health`);
    expect(health.status).toBe(200);

    expect(protocol.privileged).toHaveLength(1);
    expect(protocol.handlers.has('app')).toBe(true);
    expect(session.defaultSession.headersHook).not.toBeNull();
    expect(session.defaultSession.permissionRequest).not.toBeNull();

    const [win] = FakeBrowserWindow.instances;
    expect(win!.loaded).toEqual([APP_PAGE]);
    expect(win!.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect(String(win!.options.webPreferences!.preload)).toMatch(/out\/preload\/index\.cjs$/);
    // Guards are installed on every web contents the app creates.
    expect(win!.webContents.attempt('will-navigate', 'https://evil.example/').defaultPrevented).toBe(true);

    for (const method of IPC_METHODS) expect(ipcMain.handlers.has(ipcChannel(method))).toBe(true);
    expect([...ipcMain.handlers.keys()].filter((c) => !c.startsWith('depot-remote:'))).toEqual([]);
    expect(ipcMain.listeners.has('__ELECTRON_LOG__')).toBe(false);
    expect(FakeTray.instances).toHaveLength(1);
    expect(FakeTray.instances[0]!.images[0]).toMatch(/resources\/tray\/online\.png$/);
    expect(running!.secrets.box.kind).toBe('safe-storage');
    expect(existsSync(join(dir.path, 'data', 'depot-remote.sqlite'))).toBe(true);
  });

  it('says in the settings that secrets use the key file when safeStorage has only basic_text', async () => {
    // Linux without a keyring; elsewhere the equivalent is an encryptor that is not available.
    safeStorageState.backend = 'basic_text';
    if (process.platform !== 'linux') safeStorageState.asyncAvailable = false;
    running = await start()!.ready;
    const win = FakeBrowserWindow.instances[0]!;
    win.webContents.finishLoad(APP_PAGE);
    const settings = await call(win, 'getSettings');
    expect(settings.value.secretStorage).toBe('key-file');
    expect(running!.secrets.fallbackReason).not.toBeNull();
  });

  it('reports a start that fails in one line and exits with code 2', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()));
    const port = (blocker.address() as { port: number }).port;
    try {
      const handle = start(['--api-port', String(port)]);
      expect(await handle!.ready).toBeNull();
      expect(dialog.showErrorBox).toHaveBeenCalledWith(
        'Depot Remote could not start',
        expect.stringContaining('already in use'),
      );
      expect(app.exit).toHaveBeenCalledWith(2);
    } finally {
      blocker.close();
    }
  });
});

describe('a remote, end to end', () => {
  it('is sent through the bridge; its completion raises a notification whose click opens the action', async () => {
    running = await start()!.ready;
    const win = FakeBrowserWindow.instances[0]!;
    win.webContents.finishLoad(APP_PAGE);
    await ipcMain.invokeFrom({ sender: win.webContents }, IPC_EVENTS.subscribe);

    const vehicles = await call(win, 'listVehicles', { limit: 50 });
    const vehicle = vehicles.value.items.find(
      (v: { capabilities: Record<string, { supported: boolean }> }) => v.capabilities.Horn?.supported,
    );
    const cb = await call(win, 'createCallback', { body: callbackBody() });
    expect(cb.ok).toBe(true);
    const sent = await call(win, 'sendRemote', {
      vid: vehicle.id,
      cbid: cb.value.id,
      body: { horn: { state: 'Activated' } },
      operator: 'Test',
    });
    expect(sent).toMatchObject({ ok: true, value: { type: 'Horn' } });

    await vi.waitFor(() => expect(FakeNotification.shown.length).toBeGreaterThan(0), { timeout: 15_000 });
    const notification = FakeNotification.shown[0]!;
    expect(notification.options.title).toMatch(/^Horn · .+: (Done|Already done|Failed)$/);
    const pushed = win.webContents.sent.filter((m) => m.channel === IPC_EVENTS.change);
    expect(pushed.some((m) => (m.args[0] as { name: string }).name === 'action.changed')).toBe(true);

    win.hide();
    notification.click();
    expect(win.visible).toBe(true);
    expect(win.webContents.sent.at(-1)).toEqual({
      channel: IPC_EVENTS.navigate,
      args: [{ page: 'action', remoteActionId: sent.value.remoteActionId }],
    });
  }, 30_000);
});

describe('tray and quit', () => {
  it('keeps running with the window closed, pauses deliveries from the tray, and quits cleanly', async () => {
    running = await start()!.ready;
    const agentUrl = running!.agent.url;
    const receiverUrl = running!.agent.receiverUrl;
    const win = FakeBrowserWindow.instances[0]!;
    expect(win.close().defaultPrevented).toBe(true);
    expect(win.visible).toBe(false);
    expect(FakeNotification.shown.map((n) => n.options.title)).toEqual(['Depot Remote is still running']);
    expect((await fetch(`${agentUrl}/api/v1/health`)).status).toBe(200);

    const tray = FakeTray.instances[0]!;
    tray.item('pause').click!();
    expect(running!.agent.core.outbox.isPaused()).toBe(true);
    expect(tray.tooltip).toContain('Deliveries paused');
    tray.item('resume').click!();
    expect(running!.agent.core.outbox.isPaused()).toBe(false);
    tray.item('open').click!();
    expect(win.visible).toBe(true);

    tray.item('quit').click!();
    await vi.waitFor(() => expect(app.quitRequested).toBe(1), { timeout: 15_000 });
    running = null;
    expect(tray.destroyed).toBe(true);
    expect(ipcMain.handlers.size).toBe(0);
    // The API and the webhook receiver are closed (the core closed with them: outbox leases released).
    await expect(fetch(`${agentUrl}/api/v1/health`)).rejects.toThrow();
    await expect(fetch(`${receiverUrl}/`)).rejects.toThrow();
    // Quitting for real closes the window instead of hiding it.
    win.close();
    expect(win.destroyed).toBe(true);
  });
});

describe('command line', () => {
  it('passes agent flags through and leaves Chromium’s switches alone', () => {
    expect(
      agentArgsFrom(
        [
          '/opt/Depot Remote/depot-remote',
          '--no-sandbox',
          '--api-port',
          '5790',
          '--data-dir=/srv/x',
          '--inspect',
          '--sim-seed',
          '7',
          '--sim-vehicles=2000',
        ],
        false,
      ),
    ).toEqual(['--api-port', '5790', '--data-dir=/srv/x', '--sim-seed', '7', '--sim-vehicles=2000']);
    expect(agentArgsFrom(['electron', '.', '--connector', 'simulator'], true)).toEqual([
      '--connector',
      'simulator',
    ]);
    expect(agentArgsFrom(['electron', '.', '--bind'], true)).toEqual([]);
  });
});
