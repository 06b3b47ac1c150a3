// @vitest-environment jsdom
// The preload, as the page sees it: window.depotRemote exposes the client contract and its change subscription —
// never ipcRenderer — and works end to end through main's real handlers and a real core.
import { desktopSessionOf } from '../helpers/desktop-session.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { asClientFailure, type DepotRemoteClient } from '../../preload/contract/client.js';
import type { ChangeEvent } from '../../preload/contract/events.js';
import { IPC_EVENTS, IPC_METHODS, type DesktopBridge } from '../../preload/contract/ipc.js';
import { parseAgentOptions } from '../../main/core/config/agent-options.js';
import { silentLogger } from '../../main/core/ports/logger.js';
import { createSettingsPort } from '../../main/headless/settings-port.js';
import { createOperationHandlers } from '../../main/core/operations/handlers.js';
import { createEventPush } from '../../main/shell/ipc/event-push.js';
import { registerIpc } from '../../main/shell/ipc/register-ipc.js';
import { createSenderCheck } from '../../main/shell/ipc/sender-check.js';
import { callbackBody, startHarness, TOKEN, type Harness } from '../helpers/api-harness.js';
import { contextBridge, FakeWebContents, ipcRenderer, resetElectronFake } from './electron-fake.js';

let h: Harness;
let bridge: DesktopBridge;
const rendererLog = vi.fn();
const page = new FakeWebContents();

beforeAll(async () => {
  resetElectronFake();
  h = await startHarness();
  page.finishLoad('app://depot-remote/index.html');
  const parsed = parseAgentOptions([], { DEPOT_REMOTE_DATA_DIR: h.dataDir });
  if (parsed.help) throw new Error('unexpected');
  registerIpc({
    session: desktopSessionOf(h.core),
    handlers: createOperationHandlers({
      core: h.core,
      machineToken: TOKEN,
      settings: createSettingsPort(h.core, parsed.options, { argv: [], env: {}, startStored: null }),
      version: '0.0.0-test',
      startedAt: Date.now(),
    }),
    isTrustedSender: createSenderCheck((contents) => contents === (page as unknown)),
    events: createEventPush(h.core.changes),
    rendererLog,
    logger: silentLogger,
  });
  ipcRenderer.rendererSender = { sender: page };
  await import('../../preload/index.js');
  bridge = contextBridge.exposed.get('depotRemote') as DesktopBridge;
});

afterAll(async () => {
  await h.close();
});

describe('what the preload exposes', () => {
  it('exposes one object, window.depotRemote, and nothing else', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['depotRemote']);
  });

  it('is exactly the client contract plus log(): no ipcRenderer, no send, no generic invoke', () => {
    const contract: (keyof DepotRemoteClient | 'log')[] = [
      ...IPC_METHODS,
      'transport',
      'subscribe',
      'onConnection',
    ];
    expect(Object.keys(bridge).sort()).toEqual([...contract].sort());
    expect(bridge.transport).toBe('bridge');
    for (const value of Object.values(bridge)) expect(value).not.toBe(ipcRenderer);
    expect(JSON.stringify(Object.keys(bridge))).not.toMatch(/invoke|ipc|send"|"on"/);
  });

  it('has the session operations: the desktop window is always enrolled, and signs in as the agent does', async () => {
    // No operator yet: the window acts with the machine token's rights, so the first admin can be created.
    expect(await bridge.getSession()).toMatchObject({
      signedIn: true,
      enrolled: true,
      firstAdminNeeded: true,
      actor: { kind: 'machine', role: 'admin' },
    });
  });
});

describe('calls', () => {
  it('answer with the core’s data', async () => {
    const page1 = await bridge.listVehicles({ limit: 2 });
    expect(page1.items).toHaveLength(2);
    expect(page1.total).toBe(4);
    expect((await bridge.getVehicle({ vid: 'VR3UHZKXZMT000001' })).label).toBe('Van 01');
    // No input at all for an operation whose input is all optional.
    expect((await bridge.listVehicles()).limit).toBe(50);
  });

  it('reject with a plain failure object the stores read like an HTTP error', async () => {
    const error = await bridge.getVehicle({ vid: 'NOPE' }).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(Error);
    expect(error).toEqual({
      status: 404,
      code: 'VEHICLE_NOT_FOUND',
      message: expect.stringContaining('NOPE'),
      params: { ref: 'NOPE' },
      errors: [],
    });
    expect(asClientFailure(error)).toEqual(error);
    const invalid = await bridge.listVehicles({ limit: 9999 }).catch((e: unknown) => e);
    expect(asClientFailure(invalid)).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
  });

  it('say so plainly when main does not answer', async () => {
    ipcRenderer.invoke.mockRejectedValueOnce(new Error('no handler'));
    await expect(bridge.health()).rejects.toMatchObject({ status: 0, code: 'AGENT_UNREACHABLE' });
  });
});

describe('change events', () => {
  it('reach the page’s listeners after subscribe(), and stop after the last unsubscribe', async () => {
    const seen: ChangeEvent[] = [];
    const connection: string[] = [];
    const offConnection = bridge.onConnection((s) => connection.push(s));
    const off = bridge.subscribe((event) => seen.push(event));
    await vi.waitFor(() => expect(ipcRenderer.invoke).toHaveBeenCalledWith(IPC_EVENTS.subscribe));
    await bridge.createCallback({ body: callbackBody() });
    await vi.waitFor(() => expect(seen.map((e) => e.name)).toContain('callback.changed'));
    expect(connection).toEqual(['live']);

    off();
    offConnection();
    await vi.waitFor(() => expect(ipcRenderer.invoke).toHaveBeenCalledWith(IPC_EVENTS.unsubscribe));
    const count = seen.length;
    await bridge.createCallback({ body: callbackBody({ label: 'second' }) });
    expect(seen.length).toBe(count);
  });
});

describe('page hooks', () => {
  it('opens the action main asks for (a clicked notification) through the URL hash', () => {
    ipcRenderer.emit(IPC_EVENTS.navigate, {}, { page: 'action', remoteActionId: 'rid-42' });
    expect(window.location.hash).toBe('#/actions/rid-42');
    ipcRenderer.emit(IPC_EVENTS.navigate, {}, { page: 'action', remoteActionId: '../../x' });
    ipcRenderer.emit(IPC_EVENTS.navigate, {}, { page: 'settings' });
    expect(window.location.hash).toBe('#/actions/rid-42');
  });

  it('sends uncaught errors and unhandled rejections to the app log', async () => {
    window.dispatchEvent(
      new ErrorEvent('error', {
        message: 'boom',
        filename: 'app://depot-remote/assets/a.js',
        lineno: 3,
        colno: 9,
      }),
    );
    const rejection = new Event('unhandledrejection') as Event & { reason: unknown };
    rejection.reason = new TypeError('x is undefined');
    window.dispatchEvent(rejection);
    await vi.waitFor(() => expect(rendererLog).toHaveBeenCalledTimes(2));
    expect(rendererLog).toHaveBeenCalledWith('error', 'uncaught: boom (app://depot-remote/assets/a.js:3:9)');
    expect(rendererLog).toHaveBeenCalledWith('error', 'unhandled rejection: TypeError: x is undefined');
  });
});
