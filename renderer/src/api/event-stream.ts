// The live change stream over server-sent events, kept open by hand: EventSource's own retry gives up on an
// HTTP error, so every drop closes it and reopens after a growing, jittered delay (1 s … 30 s). Listeners are
// told the connection state, so the UI can say "live" or "reconnecting" instead of silently going stale.
import type {
  ChangeListener,
  ConnectionListener,
  ConnectionState,
} from '../../../preload/contract/client.js';
import type { ChangeEvent } from '../../../preload/contract/events.js';
import { CHANGE_EVENTS } from './contract-tables.js';

/** Events not in the contract yet; listened to as well, so they work as soon as the agent sends them. */
const EXTRA_EVENT_NAMES = ['connection.changed'];

export const BACKOFF_MS = { first: 1000, max: 30_000 };

export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(BACKOFF_MS.max, BACKOFF_MS.first * 2 ** attempt);
  return Math.round(base * (0.75 + random() * 0.5));
}

export interface EventStreamOptions {
  url: string;
  /** Asked after a drop, so an ended session shows the login instead of retrying for ever. */
  sessionStillValid: () => Promise<boolean>;
  onSessionEnded: () => void;
  createSource?: (url: string) => EventSource;
}

export function createEventStream(options: EventStreamOptions) {
  const changeListeners = new Set<ChangeListener>();
  const connectionListeners = new Set<ConnectionListener>();
  let state: ConnectionState = 'closed';
  let source: EventSource | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let attempt = 0;
  const createSource = options.createSource ?? ((url: string) => new EventSource(url));

  function setState(next: ConnectionState) {
    if (next === state) return;
    state = next;
    for (const listener of connectionListeners) listener(next);
  }

  function dispatch(name: string, data: string) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(data);
    } catch {
      return;
    }
    const event = { name, data: parsed } as ChangeEvent;
    for (const listener of changeListeners) listener(event);
  }

  function open() {
    timer = null;
    const es = createSource(options.url);
    source = es;
    es.onopen = () => {
      attempt = 0;
      setState('live');
    };
    es.onerror = () => {
      if (source !== es) return;
      es.close();
      source = null;
      setState('reconnecting');
      void options.sessionStillValid().then(
        (valid) => {
          if (!valid) {
            stop();
            options.onSessionEnded();
            return;
          }
          schedule();
        },
        () => schedule(),
      );
    };
    for (const name of new Set<string>([...CHANGE_EVENTS, ...EXTRA_EVENT_NAMES])) {
      es.addEventListener(name, (message) => dispatch(name, (message as MessageEvent<string>).data));
    }
  }

  function schedule() {
    if (timer || changeListeners.size + connectionListeners.size === 0) return;
    timer = setTimeout(open, backoffDelay(attempt));
    attempt += 1;
  }

  function start() {
    if (source || timer) return;
    setState(state === 'closed' ? 'connecting' : 'reconnecting');
    open();
  }

  function stop() {
    if (timer) clearTimeout(timer);
    timer = null;
    source?.close();
    source = null;
    attempt = 0;
    setState('closed');
  }

  function maybeStop() {
    if (changeListeners.size === 0 && connectionListeners.size === 0) stop();
  }

  return {
    subscribe(listener: ChangeListener) {
      changeListeners.add(listener);
      start();
      return () => {
        changeListeners.delete(listener);
        maybeStop();
      };
    },
    onConnection(listener: ConnectionListener) {
      connectionListeners.add(listener);
      listener(state);
      return () => {
        connectionListeners.delete(listener);
        maybeStop();
      };
    },
    /** Ends the stream (logout); it restarts with the next subscribe(). */
    stop,
  };
}
