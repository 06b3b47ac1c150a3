// The live stream: reconnects after a drop with a growing delay, says so, and hands over to the login when the
// session has ended instead of retrying for ever.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { backoffDelay, createEventStream } from '../../renderer/src/api/event-stream.js';

class FakeSource {
  static all: FakeSource[] = [];
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  closed = false;
  listeners = new Map<string, (e: { data: string }) => void>();
  constructor(readonly url: string) {
    FakeSource.all.push(this);
  }
  addEventListener(name: string, fn: (e: { data: string }) => void) {
    this.listeners.set(name, fn);
  }
  close() {
    this.closed = true;
  }
}

afterEach(() => {
  vi.useRealTimers();
  FakeSource.all = [];
});

function stream(valid = true) {
  const ended = vi.fn();
  const s = createEventStream({
    url: '/api/v1/events',
    sessionStillValid: async () => valid,
    onSessionEnded: ended,
    createSource: (url) => new FakeSource(url) as unknown as EventSource,
  });
  return { s, ended };
}

describe('event stream', () => {
  it('backs off 1 s, 2 s, 4 s … up to 30 s, with jitter', () => {
    expect(backoffDelay(0, () => 0.5)).toBe(1000);
    expect(backoffDelay(2, () => 0.5)).toBe(4000);
    expect(backoffDelay(10, () => 0.5)).toBe(30_000);
    expect(backoffDelay(0, () => 0)).toBe(750);
  });

  it('delivers events, reports live / reconnecting, and reconnects', async () => {
    vi.useFakeTimers();
    const { s } = stream();
    const states: string[] = [];
    const events: unknown[] = [];
    s.onConnection((state) => states.push(state));
    s.subscribe((e) => events.push(e));
    const first = FakeSource.all[0]!;
    first.onopen!();
    first.listeners.get('action.changed')!({ data: '{"action":{"remoteActionId":"ra-1"}}' });
    first.listeners.get('action.changed')!({ data: 'not json' });
    expect(events).toEqual([{ name: 'action.changed', data: { action: { remoteActionId: 'ra-1' } } }]);
    first.onerror!();
    expect(first.closed).toBe(true);
    await vi.advanceTimersByTimeAsync(2000);
    expect(FakeSource.all).toHaveLength(2);
    FakeSource.all[1]!.onopen!();
    expect(states).toEqual(['closed', 'connecting', 'live', 'reconnecting', 'live']);
  });

  it('stops and reports an ended session', async () => {
    const { s, ended } = stream(false);
    const states: string[] = [];
    s.onConnection((state) => states.push(state));
    s.subscribe(() => {});
    FakeSource.all[0]!.onerror!();
    await vi.waitFor(() => expect(ended).toHaveBeenCalled());
    expect(states.at(-1)).toBe('closed');
  });

  it('closes when the last listener leaves', () => {
    const { s } = stream();
    const off = s.subscribe(() => {});
    const offState = s.onConnection(() => {});
    off();
    expect(FakeSource.all[0]!.closed).toBe(false);
    offState();
    expect(FakeSource.all[0]!.closed).toBe(true);
  });
});
