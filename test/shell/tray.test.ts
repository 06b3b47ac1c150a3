// The tray: its state from the facts (failing > offline > busy > online), tooltip and menu in words, redraws after
// bursts of change events, menu actions, and the pause/resume it drives on the real outbox.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEventBus } from '../../main/core/events/event-bus.js';
import { silentLogger } from '../../main/core/ports/logger.js';
import {
  createTrayController,
  trayMenuTemplate,
  trayStateOf,
  trayTooltip,
  type TrayFacts,
} from '../../main/shell/tray.js';
import { readTrayFacts } from '../../main/shell/tray-facts.js';
import {
  eventsOf,
  startSink,
  startWorld,
  subscribe,
  type Sink,
  type World,
} from '../core/outbox/outbox-world.js';
import { FakeTray, resetElectronFake } from './electron-fake.js';

const calm: TrayFacts = {
  actionsInFlight: 0,
  actionsWaiting: 0,
  targetsOffline: 0,
  failedDeliveries: 0,
  deliveriesPaused: false,
};

beforeEach(() => resetElectronFake());

describe('tray state', () => {
  it('shows the most pressing fact', () => {
    expect(trayStateOf(calm)).toBe('online');
    expect(trayStateOf({ ...calm, actionsInFlight: 2 })).toBe('busy');
    expect(trayStateOf({ ...calm, actionsInFlight: 2, targetsOffline: 1 })).toBe('offline');
    expect(trayStateOf({ ...calm, actionsInFlight: 2, targetsOffline: 1, failedDeliveries: 3 })).toBe(
      'failing',
    );
  });

  it('says every fact in the tooltip', () => {
    expect(trayTooltip(calm)).toBe('Depot Remote: Online, nothing in progress');
    expect(
      trayTooltip({
        actionsInFlight: 1,
        actionsWaiting: 0,
        targetsOffline: 2,
        failedDeliveries: 1,
        deliveriesPaused: true,
      }),
    ).toBe(
      'Depot Remote: 1 delivery failed · 2 webhook targets offline · Deliveries paused · 1 action in progress',
    );
  });

  it('counts commands waiting in the queue apart from those in progress, and is busy with either', () => {
    expect(trayStateOf({ ...calm, actionsWaiting: 1 })).toBe('busy');
    expect(trayTooltip({ ...calm, actionsInFlight: 1, actionsWaiting: 2 })).toBe(
      'Depot Remote: 1 action in progress · 2 actions waiting in the queue',
    );
  });

  it('offers open, pause or resume, and quit', () => {
    const actions = {
      openWindow: vi.fn(),
      pauseDeliveries: vi.fn(),
      resumeDeliveries: vi.fn(),
      quit: vi.fn(),
    };
    const running = trayMenuTemplate(calm, actions);
    expect(running.filter((i) => i.id && !i.id.startsWith('status')).map((i) => i.label)).toEqual([
      'Open Depot Remote',
      'Pause deliveries',
      'Quit Depot Remote',
    ]);
    expect(running.find((i) => i.id === 'status-0')).toMatchObject({ enabled: false });
    const paused = trayMenuTemplate({ ...calm, deliveriesPaused: true }, actions);
    expect(paused.map((i) => i.id)).toContain('resume');
    expect(paused.map((i) => i.id)).not.toContain('pause');
  });
});

describe('tray controller', () => {
  let facts: TrayFacts;
  const actions = { openWindow: vi.fn(), pauseDeliveries: vi.fn(), resumeDeliveries: vi.fn(), quit: vi.fn() };
  const bus = createEventBus();
  // The tray reads only the types of the core's domain events, straight from the bus.
  let tray: ReturnType<typeof createTrayController>;

  beforeEach(() => {
    vi.useFakeTimers();
    facts = { ...calm };
    tray = createTrayController({
      iconPath: (state) => `/icons/tray/${state}.png`,
      readFacts: () => facts,
      events: bus,
      actions,
      logger: silentLogger,
      debounceMs: 300,
    });
  });
  afterEach(() => {
    tray.destroy();
    vi.useRealTimers();
  });

  it('starts online with its menu, and opens the window on click', () => {
    const icon = FakeTray.instances[0]!;
    expect(icon.images).toEqual(['/icons/tray/online.png']);
    expect(icon.tooltip).toBe('Depot Remote: Online, nothing in progress');
    icon.emit('click');
    expect(actions.openWindow).toHaveBeenCalledTimes(1);
  });

  it('redraws once after a burst of watched events', () => {
    const icon = FakeTray.instances[0]!;
    facts = { ...calm, actionsInFlight: 3, targetsOffline: 1 };
    for (let i = 0; i < 20; i += 1) bus.publish({ type: 'target.changed', origin: 'https://a.example' });
    expect(icon.images).toHaveLength(1);
    vi.advanceTimersByTime(300);
    expect(icon.images).toEqual(['/icons/tray/online.png', '/icons/tray/offline.png']);
    expect(icon.tooltip).toContain('1 webhook target offline');
    // Events the tray does not show do not redraw it.
    facts = { ...calm, failedDeliveries: 1 };
    bus.publish({ type: 'audit.appended', entry: {} as never });
    vi.advanceTimersByTime(300);
    expect(icon.images).toHaveLength(2);
  });

  it('runs the menu’s actions', () => {
    const icon = FakeTray.instances[0]!;
    icon.item('pause').click!();
    expect(actions.pauseDeliveries).toHaveBeenCalledTimes(1);
    facts = { ...calm, deliveriesPaused: true };
    tray.refresh();
    icon.item('resume').click!();
    expect(actions.resumeDeliveries).toHaveBeenCalledTimes(1);
    icon.item('quit').click!();
    expect(actions.quit).toHaveBeenCalledTimes(1);
    icon.item('open').click!();
    expect(actions.openWindow).toHaveBeenCalledTimes(1);
  });

  it('is removed on destroy and stops listening', () => {
    tray.destroy();
    expect(FakeTray.instances[0]!.destroyed).toBe(true);
    facts = { ...calm, failedDeliveries: 1 };
    bus.publish({ type: 'delivery.changed', deliveryId: 'd-1' });
    vi.advanceTimersByTime(60_000);
    expect(FakeTray.instances[0]!.images).toHaveLength(1);
  });
});

describe('pausing deliveries (the real outbox)', () => {
  let w: World;
  let sink: Sink;
  afterEach(async () => {
    await w?.close();
    await sink?.close();
  });

  it('holds every delivery while paused, then sends them all on resume', async () => {
    sink = await startSink();
    w = await startWorld();
    w.addCallback('cb-1', subscribe(sink.url()));
    w.addAction('ra-1', 'cb-1');
    const facts = () =>
      readTrayFacts({
        services: { deliveries: w.outbox.service } as never,
        openActions: () => w.repos.actions.listOpen(),
        outbox: w.outbox,
      });

    w.outbox.pause();
    expect(facts().deliveriesPaused).toBe(true);
    w.notify('ra-1', 'Accepted');
    w.notify('ra-1', 'Success', 'Done');
    await w.advance(10 * 60 * 1000);
    expect(sink.received).toHaveLength(0);
    expect(w.outbox.service.targets().counts.Queued).toBe(2);

    w.outbox.resume();
    await w.advance(1000);
    expect(eventsOf(sink.received).map((e) => e.status)).toEqual(['Accepted', 'Success']);
    expect(facts()).toMatchObject({ deliveriesPaused: false, failedDeliveries: 0, targetsOffline: 0 });
  });

  it('reads a queued command as waiting, not in progress', async () => {
    w = await startWorld();
    w.addCallback('cb-1', subscribe('http://127.0.0.1:9/hook'));
    const first = w.addAction('ra-1', 'cb-1');
    w.repos.actions.insert({
      ...first,
      id: 'ra-2',
      phase: 'Queued',
      queue: {
        seq: 0,
        expiresAt: '2099-01-01T00:00:00.000Z',
        reason: null,
        tries: 0,
        nextTryAt: null,
        uncertain: false,
        after: null,
      },
    });
    const facts = readTrayFacts({
      services: { deliveries: w.outbox.service } as never,
      openActions: () => w.repos.actions.listOpen(),
      outbox: w.outbox,
    });
    expect(facts).toMatchObject({ actionsInFlight: 1, actionsWaiting: 1 });
  });

  it('puts back what was claimed and lets calls in the air finish', async () => {
    sink = await startSink(() => ({ status: 200, delayMs: 50 }));
    w = await startWorld();
    w.addCallback('cb-1', subscribe(sink.url()));
    w.addAction('ra-1', 'cb-1');
    w.notify('ra-1', 'Accepted');
    await vi.waitFor(() => expect(sink.received).toHaveLength(1));
    w.outbox.pause();
    w.notify('ra-1', 'Success', 'Done');
    await w.advance(1000);
    await w.outbox.idle();
    expect(sink.received).toHaveLength(1);
    const states = w.outbox.service
      .list({ limit: 10, offset: 0 })
      .items.map((d) => d.state)
      .sort();
    expect(states).toEqual(['Delivered', 'Queued']);
    w.outbox.resume();
    await w.advance(1000);
    await w.outbox.idle();
    expect(sink.received).toHaveLength(2);
  });
});
