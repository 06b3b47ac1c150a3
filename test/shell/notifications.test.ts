// Native notifications when a remote action completes: the words (Success, AlreadyDone, Failed with the
// plain-language cause and what to do, in the OS's language), when they are shown, and the click that opens the
// action's page.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { RemoteAction } from '../../main/core/domain/action.js';
import { silentLogger } from '../../main/core/ports/logger.js';
import { createDesktopNotifier, notificationContent } from '../../main/shell/notifier.js';
import { createWindowController } from '../../main/shell/window-controller.js';
import { IPC_EVENTS } from '../../preload/contract/ipc-channels.js';
import { FakeBrowserWindow, FakeNotification, resetElectronFake } from './electron-fake.js';

function action(overrides: Partial<RemoteAction> = {}): RemoteAction {
  return {
    id: 'ra-0001',
    vehicleId: 'veh-e208-01',
    vin: 'VR3UHZKXZMT000001',
    callbackId: 'cb-1',
    type: 'Doors',
    remote: { door: { state: 'Locked' } } as RemoteAction['remote'],
    phase: 'Done',
    status: 'Success',
    outcome: 'Success',
    failureCause: null,
    feedbackDetail: null,
    error: null,
    operator: 'desktop',
    reason: null,
    createdAt: '2026-01-05T08:00:00.000Z',
    updatedAt: '2026-01-05T08:00:30.000Z',
    doneAt: '2026-01-05T08:00:30.000Z',
    lastEventDate: null,
    ...overrides,
  };
}

beforeEach(() => resetElectronFake());

describe('what a notification says', () => {
  it('names the feature, the vehicle and the outcome', () => {
    expect(notificationContent(action(), 'Van 01')).toEqual({
      title: 'Doors · Van 01: Done',
      body: 'The vehicle carried out the command.',
    });
    expect(
      notificationContent(
        action({ type: 'ElectricBatteryChargingRequest', outcome: 'AlreadyDone' }),
        'Van 01',
      ).title,
    ).toBe('Charging · Van 01: Already done');
  });

  it('gives the plain-language cause of a failure and what to do', () => {
    const failed = action({ outcome: 'Failed', status: 'Failed', failureCause: 'VehicleConnectionTimeout' });
    const { title, body } = notificationContent(failed, 'Van 01');
    expect(title).toBe('Doors · Van 01: Failed');
    expect(body).toMatch(
      /^Vehicle could not be reached\. The network could not reach or wake the vehicle in time\. .* What to do: Move the vehicle into mobile coverage and send again\./,
    );
    expect(body).not.toContain('VehicleConnectionTimeout');
  });

  it('speaks the language it is given (the OS’s)', () => {
    const failed = action({ outcome: 'Failed', status: 'Failed', failureCause: 'CidInside' });
    expect(notificationContent(failed, 'Van 01', 'fr')).toEqual({
      title: 'Portes · Van 01 : Échec',
      body:
        'Clé détectée dans le véhicule. Le véhicule ne se verrouille pas à distance tant qu’une clé est à ' +
        'l’intérieur. Que faire : Retirez la clé du véhicule et verrouillez de nouveau.',
    });
    expect(notificationContent(action({ outcome: 'AlreadyDone' }), 'Van 01', 'de').title).toBe(
      'Türen · Van 01: Bereits erledigt',
    );
  });

  it('names an unknown cause by its code rather than hiding it', () => {
    const failed = action({ outcome: 'Failed', status: 'Failed', failureCause: 'FluxCapacitorError' });
    expect(notificationContent(failed, 'Van 01').body).toMatch(/^Unknown status FluxCapacitorError\./);
  });
});

describe('the desktop notifier', () => {
  const openAction = vi.fn();
  const deps = (enabled = true) => ({
    vehicleName: (id: string) => (id === 'veh-e208-01' ? 'Van 01' : undefined),
    openAction,
    enabled: () => enabled,
    logger: silentLogger,
  });

  beforeEach(() => openAction.mockClear());

  it('shows one when an action completes; a click opens that action', async () => {
    const notifier = createDesktopNotifier(deps());
    notifier.actionCompleted(action({ outcome: 'Failed', failureCause: 'VehicleConnectionTimeout' }));
    await vi.waitFor(() => expect(FakeNotification.shown).toHaveLength(1));
    const [n] = FakeNotification.shown;
    expect(n!.options).toMatchObject({ title: 'Doors · Van 01: Failed', urgency: 'critical' });
    expect(notifier.onScreen()).toBe(1);
    n!.click();
    expect(openAction).toHaveBeenCalledWith('ra-0001');
    expect(notifier.onScreen()).toBe(0);
  });

  it('words them in the language it was made with', async () => {
    createDesktopNotifier({ ...deps(), language: 'es' }).actionCompleted(action());
    await vi.waitFor(() => expect(FakeNotification.shown).toHaveLength(1));
    expect(FakeNotification.shown[0]!.options).toMatchObject({
      title: 'Puertas · Van 01: Completado',
      body: 'El vehículo ha ejecutado el comando.',
    });
  });

  it('uses the VIN when the vehicle has no name', async () => {
    createDesktopNotifier(deps()).actionCompleted(action({ vehicleId: 'unknown' }));
    await vi.waitFor(() => expect(FakeNotification.shown).toHaveLength(1));
    expect(FakeNotification.shown[0]!.options.title).toBe('Doors · VR3UHZKXZMT000001: Done');
  });

  it('stays quiet when desktop notifications are off, or the system has none', async () => {
    createDesktopNotifier(deps(false)).actionCompleted(action());
    FakeNotification.supported = false;
    createDesktopNotifier(deps(true)).actionCompleted(action());
    await new Promise((r) => setTimeout(r, 10));
    expect(FakeNotification.shown).toHaveLength(0);
  });
});

describe('opening an action from a notification', () => {
  const controller = () =>
    createWindowController({ preload: '/p.cjs', logger: silentLogger, isQuitting: () => false });

  it('brings the window forward and asks the page to open the action', () => {
    const windows = controller();
    windows.show();
    const win = FakeBrowserWindow.instances[0]!;
    expect(win.loaded).toEqual(['app://depot-remote/index.html']);
    win.webContents.finishLoad('app://depot-remote/index.html');
    win.hide();
    windows.openAction('ra-0001');
    expect(win.visible).toBe(true);
    expect(win.focused).toBe(true);
    expect(win.webContents.sent).toEqual([
      { channel: IPC_EVENTS.navigate, args: [{ page: 'action', remoteActionId: 'ra-0001' }] },
    ]);
  });

  it('opens it once the page has loaded when the window is new', () => {
    const windows = controller();
    windows.openAction('ra-0002');
    const win = FakeBrowserWindow.instances[0]!;
    expect(win.webContents.sent).toEqual([]);
    win.webContents.finishLoad('app://depot-remote/index.html');
    expect(win.webContents.sent.map((m) => m.args[0])).toEqual([
      { page: 'action', remoteActionId: 'ra-0002' },
    ]);
  });

  it('ignores ids that are not ids', () => {
    controller().openAction('../../etc');
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });
});

describe('closing the window', () => {
  it('hides it (the agent keeps running in the tray) and says so once; quitting really closes it', () => {
    let quitting = false;
    const onFirstHide = vi.fn();
    const windows = createWindowController({
      preload: '/p.cjs',
      logger: silentLogger,
      isQuitting: () => quitting,
      onFirstHide,
    });
    windows.show();
    const win = FakeBrowserWindow.instances[0]!;
    expect(win.close().defaultPrevented).toBe(true);
    expect(win.visible).toBe(false);
    expect(win.destroyed).toBe(false);
    windows.show();
    win.close();
    expect(onFirstHide).toHaveBeenCalledTimes(1);

    quitting = true;
    expect(win.close().defaultPrevented).toBe(false);
    expect(win.destroyed).toBe(true);
    expect(windows.window()).toBeNull();
  });

  it('recognises only its own window as the bridge’s sender', () => {
    const windows = createWindowController({
      preload: '/p.cjs',
      logger: silentLogger,
      isQuitting: () => false,
    });
    windows.show();
    const other = new FakeBrowserWindow({});
    expect(windows.owns(FakeBrowserWindow.instances[0]!.webContents as never)).toBe(true);
    expect(windows.owns(other.webContents as never)).toBe(false);
  });
});
