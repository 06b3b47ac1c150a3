// The IPC handlers in main, against a real core (SQLite file, in-process fleet): one handler per operation of the
// registry, the sender check, the input check against the entry's schema, errors as values, parity with the HTTP
// API, and change events pushed only to windows that subscribed and still show our page.
import { desktopSessionOf } from '../helpers/desktop-session.js';
import { adminActor } from '../helpers/actors.js';
import type { ActorRef } from '../../preload/contract/vocabulary.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcChannel, IPC_EVENTS, IPC_METHODS, type IpcMethod } from '../../preload/contract/ipc.js';
import { parseAgentOptions } from '../../main/core/config/agent-options.js';
import { silentLogger } from '../../main/core/ports/logger.js';
import { ServiceError } from '../../main/core/kernel/service-error.js';
import { createSettingsPort } from '../../main/headless/settings-port.js';
import { createOperationHandlers, type OperationHandlers } from '../../main/core/operations/handlers.js';
import { createEventPush } from '../../main/shell/ipc/event-push.js';
import { registerIpc } from '../../main/shell/ipc/register-ipc.js';
import { createSenderCheck } from '../../main/shell/ipc/sender-check.js';
import { callbackBody, startHarness, TOKEN, type Harness } from '../helpers/api-harness.js';
import {
  FakeBrowserWindow,
  FakeWebContents,
  FakeWebFrame,
  ipcMain,
  resetElectronFake,
} from './electron-fake.js';

const APP_PAGE = 'app://depot-remote/index.html';

let h: Harness;
let win: FakeBrowserWindow;
let unregister: () => void;
let events: ReturnType<typeof createEventPush>;
const rendererLog = vi.fn();

function wire(handlers: OperationHandlers) {
  events = createEventPush(h.core.changes);
  unregister = registerIpc({
    handlers,
    session: desktopSessionOf(h.core),
    isTrustedSender: createSenderCheck((contents) => contents === (win.webContents as unknown)),
    events,
    rendererLog,
    logger: silentLogger,
  });
}

function realOperations(): OperationHandlers {
  const parsed = parseAgentOptions([], { DEPOT_REMOTE_DATA_DIR: h.dataDir });
  if (parsed.help) throw new Error('unexpected');
  return createOperationHandlers({
    core: h.core,
    machineToken: TOKEN,
    settings: createSettingsPort(h.core, parsed.options, { argv: [], env: {}, startStored: null }),
    version: '0.0.0-test',
    startedAt: Date.now(),
  });
}

const call = (method: IpcMethod, ...args: unknown[]) =>
  ipcMain.invokeFrom({ sender: win.webContents }, ipcChannel(method), ...args) as Promise<{
    ok: boolean;
    value?: never;
    error?: { status: number; code: string; message: string; errors: { field: string; message: string }[] };
  }>;

beforeEach(async () => {
  resetElectronFake();
  h = await startHarness();
  win = new FakeBrowserWindow({});
  win.webContents.finishLoad(APP_PAGE);
  rendererLog.mockClear();
  wire(realOperations());
});

afterEach(async () => {
  unregister();
  events.close();
  await h.close();
});

describe('handlers', () => {
  it('registers exactly one handler per operation and log, plus subscribe and unsubscribe', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(
      [...IPC_METHODS.map(ipcChannel), IPC_EVENTS.subscribe, IPC_EVENTS.unsubscribe].sort(),
    );
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
    wire(realOperations());
  });

  it('answers what the HTTP API answers', async () => {
    const viaIpc = await call('listVehicles', { limit: 2 });
    const viaHttp = await h.call({ method: 'GET', url: '/api/v1/vehicles?limit=2' });
    expect(viaIpc).toEqual({ ok: true, value: viaHttp.json() });
    const health = await call('health');
    expect(health).toMatchObject({ ok: true, value: { status: 'ok', version: '0.0.0-test' } });
  });

  it('records who the window acts as: before any operator, the machine token, on behalf of the name given', async () => {
    const created = await call('createCallback', { body: callbackBody(), operator: 'Jérôme' });
    expect(created.ok).toBe(true);
    await call('sendTestNotification', { cbid: (created.value as unknown as { id: string }).id });
    const audit = await call('listAudit', { limit: 10 });
    const actors = (
      audit.value as unknown as { items: { operator: string; actor: ActorRef | null }[] }
    ).items.map((e) => [e.operator, e.actor?.kind, e.actor?.onBehalfOf ?? null]);
    expect(actors).toContainEqual(['machine token', 'machine', 'Jérôme']);
    expect(actors).toContainEqual(['machine token', 'machine', null]);
  });

  it('once an operator exists, answers 401 until the window signs in, then acts as that operator', async () => {
    await h.core.services.operators.create(adminActor(), { name: 'Tess', role: 'technician', pin: '112233' });
    expect(await call('listVehicles')).toEqual({
      ok: false,
      error: expect.objectContaining({ status: 401 }),
    });
    // Public operations still answer: the window can show the picker.
    const picker = await call('listSignInOperators');
    expect(picker.value).toMatchObject({ items: [{ name: 'Tess', role: 'technician' }] });
    const signedIn = await call('signIn', { body: { operator: 'Tess', pin: '112233' } });
    expect(signedIn.value).toMatchObject({
      signedIn: true,
      enrolled: true,
      actor: { name: 'Tess', role: 'technician' },
    });
    expect((await call('listVehicles')).ok).toBe(true);
    // The same policy as over HTTP: a technician may not write callbacks, nor immobilize.
    expect(await call('createCallback', { body: callbackBody() })).toEqual({
      ok: false,
      error: expect.objectContaining({ status: 403, code: 'FORBIDDEN' }),
    });
    const immobilize = await call('sendRemote', {
      vid: 'veh-e208-01',
      cbid: 'workstation',
      body: { immobilization: { activate: true } },
      reason: 'Not returned after rental',
    });
    expect(immobilize).toEqual({
      ok: false,
      error: expect.objectContaining({ status: 403, code: 'FORBIDDEN' }),
    });
    const denied = h.core.services.audit.list({ limit: 5, action: 'access.denied' });
    expect(denied[0]).toMatchObject({ operator: 'Tess', actor: { kind: 'operator', role: 'technician' } });
    await call('signOut');
    expect(await call('listVehicles')).toEqual({
      ok: false,
      error: expect.objectContaining({ status: 401 }),
    });
  });
});

describe('the sender check', () => {
  const refused = { ok: false, error: expect.objectContaining({ status: 403, code: 'FORBIDDEN_SENDER' }) };

  it('refuses a frame that is not our app:// page, before doing anything', async () => {
    win.webContents.mainFrame.url = 'https://evil.example/';
    expect(await call('createCallback', { body: callbackBody() })).toEqual(refused);
    win.webContents.mainFrame.url = APP_PAGE;
    // Nothing was created: only the built-in callback every data folder has.
    expect((await call('listCallbacks')).value).toMatchObject({ total: 1, items: [{ id: 'workstation' }] });
  });

  it('refuses a subframe, even one on our origin', async () => {
    const sub = new FakeWebFrame(APP_PAGE, win.webContents.mainFrame);
    expect(await ipcMain.invokeFrom({ sender: win.webContents, frame: sub }, ipcChannel('health'))).toEqual(
      refused,
    );
  });

  it('refuses another web contents showing an app:// URL, and a frame that is gone', async () => {
    const stranger = new FakeWebContents();
    stranger.finishLoad(APP_PAGE);
    expect(await ipcMain.invokeFrom({ sender: stranger }, ipcChannel('health'))).toEqual(refused);
    expect(await ipcMain.invokeFrom({ sender: win.webContents, frame: null }, ipcChannel('health'))).toEqual(
      refused,
    );
    expect(await ipcMain.invokeFrom({ sender: stranger }, IPC_EVENTS.subscribe)).toEqual(refused);
  });
});

describe('input checks', () => {
  it.each([
    ['a number for an id', 'getVehicle', [{ vid: 42 }], 'path.vid'],
    ['an id with a slash', 'getRemote', [{ rid: '../x' }], 'path.rid'],
    ['a page size over the maximum (5000 for the fleet)', 'listVehicles', [{ limit: 5001 }], 'query.limit'],
    ['an unknown query key', 'listVehicles', [{ sql: 'drop' }], 'sql'],
    ['a missing callback id', 'sendRemote', [{ vid: 'veh-e208-01', body: {} }], 'path.cbid'],
    ['an input that is not an object', 'createCallback', ['{}'], ''],
    ['a positional argument list', 'getVehicle', ['veh-e208-01'], ''],
    [
      'an operator name over 100 characters',
      'deleteCallback',
      [{ cbid: 'cb', operator: 'x'.repeat(101) }],
      'x-depot-operator',
    ],
    ['too many arguments', 'health', [{}, 1], ''],
    ['a bad delivery state', 'listDeliveries', [{ state: 'Lost' }], 'query.state'],
    ['a date that is not RFC 3339', 'listDeliveries', [{ since: 'yesterday' }], 'query.since'],
  ] as const)('refuses %s as a value', async (_what, method, args, field) => {
    const result = await call(method, ...args);
    expect(result.ok).toBe(false);
    expect(result.error).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(result.error!.errors.map((e) => e.field)).toContain(field);
  });

  it('passes domain refusals through as values, as the HTTP API does', async () => {
    expect(await call('getVehicle', { vid: 'NOPE' })).toMatchObject({
      ok: false,
      error: { status: 404, code: 'VEHICLE_NOT_FOUND' },
    });
    const bad = await call('createCallback', { body: { label: 'x' } });
    expect(bad.error).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(bad.error!.errors.length).toBeGreaterThan(0);
    // A status the domain does not know: the domain's refusal, as over HTTP.
    const cb = (await call('createCallback', { body: callbackBody() })).value as unknown as { id: string };
    const status = await call('setCallbackStatus', { cbid: cb.id, body: { status: 'Deleted' } });
    expect(status.error).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(await call('listRemotes', { type: 'Teleport' })).toMatchObject({
      ok: false,
      error: { status: 400, errors: [{ field: 'query.type' }] },
    });
  });

  it('hides unexpected failures behind a plain message', async () => {
    unregister();
    events.close();
    const operations = realOperations();
    wire({
      ...operations,
      health: () => {
        throw new Error('database is locked at /secret/path');
      },
      getVehicle: () => {
        throw new ServiceError(409, 'ACTION_IN_PROGRESS');
      },
    });
    expect(await call('health')).toEqual({
      ok: false,
      error: {
        status: 500,
        code: 'INTERNAL',
        message: 'Something went wrong in the agent; see the log.',
        errors: [],
      },
    });
    expect(await call('getVehicle', { vid: 'x' })).toMatchObject({
      ok: false,
      error: { status: 409, code: 'ACTION_IN_PROGRESS' },
    });
  });

  it('takes renderer log lines through the same checks', async () => {
    expect(await call('log', 'error', 'TypeError: x is undefined')).toEqual({ ok: true, value: undefined });
    expect(rendererLog).toHaveBeenCalledWith('error', 'TypeError: x is undefined');
    expect((await call('log', 'fatal', 'x')).ok).toBe(false);
    expect((await call('log', 'info', 'x'.repeat(9000))).ok).toBe(false);
  });
});

describe('settings over the bridge', () => {
  it('reads them (saying how secrets are kept) and refuses invalid ones as values', async () => {
    const read = await call('getSettings');
    expect(read).toMatchObject({ ok: true, value: { connector: 'simulator', secretStorage: 'key-file' } });
    const refused = await call('putSettings', { body: { connector: 'carrier-pigeon' } });
    expect(refused).toMatchObject({ ok: false, error: { status: 400, code: 'VALIDATION_FAILED' } });
  });
});

describe('change events', () => {
  it('go to the windows that subscribed, while they show our page', async () => {
    const other = new FakeBrowserWindow({});
    other.webContents.finishLoad(APP_PAGE);
    expect(await ipcMain.invokeFrom({ sender: win.webContents }, IPC_EVENTS.subscribe)).toEqual({
      ok: true,
      value: null,
    });
    const cb = (await call('createCallback', { body: callbackBody() })).value as unknown as { id: string };
    const sent = await call('sendRemote', {
      vid: 'veh-e208-01',
      cbid: cb.id,
      body: { door: { state: 'Locked' } },
    });
    expect(sent).toMatchObject({ ok: true, value: { type: 'Doors' } });
    const names = win.webContents.sent
      .filter((m) => m.channel === IPC_EVENTS.change)
      .map((m) => (m.args[0] as { name: string }).name);
    expect(names).toContain('callback.changed');
    expect(names).toContain('action.changed');
    expect(other.webContents.sent).toEqual([]);

    // Navigated away (a guard failed, say): nothing more is pushed to it.
    const before = win.webContents.sent.length;
    win.webContents.mainFrame.url = 'https://evil.example/';
    await call('getVehicle', { vid: 'veh-e208-01' });
    await h.core.services.callbacks.setStatus(cb.id, { status: 'Paused' }, adminActor('t'));
    expect(win.webContents.sent.length).toBe(before);

    // Unsubscribed: nothing either.
    win.webContents.mainFrame.url = APP_PAGE;
    await ipcMain.invokeFrom({ sender: win.webContents }, IPC_EVENTS.unsubscribe);
    await h.core.services.callbacks.setStatus(cb.id, { status: 'Running' }, adminActor('t'));
    expect(win.webContents.sent.length).toBe(before);
    expect(events.count()).toBe(0);
  });

  it('forgets a window that is destroyed', async () => {
    await ipcMain.invokeFrom({ sender: win.webContents }, IPC_EVENTS.subscribe);
    expect(events.count()).toBe(1);
    win.destroy();
    expect(events.count()).toBe(0);
  });
});
