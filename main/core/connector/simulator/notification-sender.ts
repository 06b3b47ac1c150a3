// The Stellantis network's side of notification delivery (stellantis-api-notes.md N5–N7), played over real
// HTTP: for each callback registered upstream, events are POSTed to its webhook target in the fleet payload
// format, with its Header, Body and Query attributes, batched and retried as the registration says. The
// agent's receiver therefore gets exactly what production sends it, and holds nothing simulator-specific.
//
// Faithful to the documented semantics:
// - Attributes and `batchNotify` follow the callback rules of domain/callback, shared with the outbox: a value is
//   a literal or a whole `$variable`; a POST when `size` events wait or `timeWindow` seconds (default 60) have
//   passed; a Query attribute of exactly `$vin` turns batching off; without `batchNotify`, one event per POST.
// - `retryPolicy`: None = one attempt; Bounded = up to `retryNumber` attempts, `retryDelay` seconds apart; never
//   after 3 days from the event (RETRY_CAP_SECONDS). Any non-2xx answer, a timeout or a network error fails.
// - The first 2xx answer on a callback sends at once every message of that callback waiting for a retry
//   (stellantis-api-notes.md N6).
// - `Paused` holds: nothing is posted until the callback runs again, then everything held is sent.
// Delays (batch window, retry delay) are the registered ones, not sped up, and run on the clock.
import { Agent, request } from 'undici';
import type { RemoteEvent } from '../../domain/action.js';
import { callbackVariables, sentAttributes } from '../../domain/callback/attribute-values.js';
import { batchingOf } from '../../domain/callback/batching-rules.js';
import { RETRY_CAP_SECONDS, type CallbackSubscribe } from '../../domain/callback/callback-model.js';
import type { Clock, TimerHandle } from '../../ports/clock.js';
import { redact, silentLogger, type Logger } from '../../ports/logger.js';

export type UpstreamStatus = 'Running' | 'Paused';

export interface UpstreamRegistration {
  id: string;
  subscribe: CallbackSubscribe;
  status: UpstreamStatus;
}

/** The fleet notification payload (stellantis-api-notes.md N5). */
export interface NotificationPayload {
  callbackId: string;
  attributes: { key: string; value: string }[];
  events: RemoteEvent[];
}

/** One POST the network made. */
export interface DeliveryRecord {
  seq: number;
  /** The upstream callback id. */
  callbackId: string;
  /** Clock time the attempt started. */
  at: string;
  /** 1 for the first attempt of this message, 2 for its first retry… */
  attempt: number;
  url: string;
  /** As sent, secret-looking values redacted. */
  headers: Record<string, string>;
  body: NotificationPayload;
  outcome: 'delivered' | 'failed';
  statusCode?: number;
  error?: string;
  /** The message is given up after this failed attempt (policy exhausted or 3-day cap). */
  dropped?: boolean;
}

export interface NotificationSenderOptions {
  clock: Clock;
  fleetId: string;
  logger?: Logger;
  /** Real-time limit for one POST to answer; a timeout is a failed attempt. Default 10 s. */
  requestTimeoutMs?: number;
  /** Delivery records kept for inspection. Default 1000. */
  maxRecords?: number;
  /** For an HTTPS webhook with a private CA (tests, a local receiver with its own certificate). */
  tls?: { ca?: string | Buffer; rejectUnauthorized?: boolean };
}

export interface NotificationSender {
  register(id: string, subscribe: CallbackSubscribe): void;
  /** Full replacement (PUT); held and retrying messages follow the new registration. */
  replace(id: string, subscribe: CallbackSubscribe): void;
  setStatus(id: string, status: UpstreamStatus): void;
  /** Forgets the callback; its queued messages are dropped. */
  remove(id: string): void;
  get(id: string): UpstreamRegistration | null;
  list(): UpstreamRegistration[];
  /** An event for a callback; unknown callbacks are ignored (their events have nowhere to go). */
  enqueue(callbackId: string, event: RemoteEvent): void;
  deliveries(): DeliveryRecord[];
  /** Resolves once no POST is in flight (tests: after advancing the clock). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

interface Message {
  events: RemoteEvent[];
  /** Epoch ms of the oldest event's trigger: the 3-day cap counts from there. */
  triggeredAt: number;
  attempts: number;
  timer: TimerHandle | null;
}

interface CallbackState {
  reg: UpstreamRegistration;
  /** Events waiting for a batch to fill or its window to end. */
  batch: RemoteEvent[];
  batchTimer: TimerHandle | null;
  /** Events and messages held while Paused. */
  heldEvents: RemoteEvent[];
  heldMessages: Message[];
  /** Messages waiting for their retry. */
  retrying: Set<Message>;
  removed: boolean;
}

/** The POST for a message under a registration: URL with Query attributes, headers, payload. */
export function buildRequest(
  reg: UpstreamRegistration,
  events: RemoteEvent[],
  fleetId: string,
): { url: string; headers: Record<string, string>; payload: NotificationPayload } {
  const vars = callbackVariables({
    vins: events.map((e) => e.vin),
    remoteTypes: events.map((e) => e.remoteType),
    callbackId: reg.id,
    fleetId,
  });
  const webhook = reg.subscribe.callback.webhook;
  const url = new URL(webhook.target);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': 'depot-remote-fleet-simulator',
  };
  const attributes: { key: string; value: string }[] = [];
  for (const { type, key, value } of sentAttributes(webhook.attributes ?? [], vars)) {
    if (type === 'Header') headers[key] = value;
    else if (type === 'Query') url.searchParams.append(key, value);
    else attributes.push({ key, value });
  }
  return { url: url.toString(), headers, payload: { callbackId: reg.id, attributes, events } };
}

export function createNotificationSender(options: NotificationSenderOptions): NotificationSender {
  const { clock, fleetId } = options;
  const logger = options.logger ?? silentLogger;
  const timeoutMs = options.requestTimeoutMs ?? 10_000;
  const maxRecords = options.maxRecords ?? 1000;
  const agent = new Agent({
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    connect: { timeout: timeoutMs, ...options.tls },
  });
  const callbacks = new Map<string, CallbackState>();
  const records: DeliveryRecord[] = [];
  const inFlight = new Set<Promise<void>>();
  let seq = 0;
  let closed = false;

  const nowMs = () => clock.now().getTime();

  function schedule(ms: number, fn: () => void): TimerHandle {
    return clock.setTimeout(() => {
      if (!closed) fn();
    }, ms);
  }

  function state(id: string): CallbackState {
    const cb = callbacks.get(id);
    if (!cb) throw new Error(`No upstream callback ${id}.`);
    return cb;
  }

  function newMessage(events: RemoteEvent[]): Message {
    const triggeredAt = Math.min(...events.map((e) => Date.parse(e.eventDate)).filter(Number.isFinite));
    return {
      events,
      triggeredAt: Number.isFinite(triggeredAt) ? triggeredAt : nowMs(),
      attempts: 0,
      timer: null,
    };
  }

  /** Routes events through the registration's batching. */
  function route(cb: CallbackState, events: RemoteEvent[]): void {
    if (cb.reg.status === 'Paused') {
      cb.heldEvents.push(...events);
      return;
    }
    const batching = batchingOf(cb.reg.subscribe);
    if (!batching) {
      for (const event of events) send(cb, newMessage([event]));
      return;
    }
    cb.batch.push(...events);
    if (cb.batch.length >= batching.size) flushBatch(cb);
    else if (!cb.batchTimer && cb.batch.length > 0)
      cb.batchTimer = schedule(batching.timeWindow * 1000, () => {
        cb.batchTimer = null;
        flushBatch(cb);
      });
  }

  /** Sends what waits in the batch, in chunks of the batch size. */
  function flushBatch(cb: CallbackState): void {
    if (cb.batchTimer) clock.clearTimeout(cb.batchTimer);
    cb.batchTimer = null;
    const size = batchingOf(cb.reg.subscribe)?.size ?? 1;
    while (cb.batch.length > 0) send(cb, newMessage(cb.batch.splice(0, size)));
  }

  function send(cb: CallbackState, message: Message): void {
    if (closed || cb.removed) return;
    if (cb.reg.status === 'Paused') {
      cb.heldMessages.push(message);
      return;
    }
    message.attempts += 1;
    const attempt = message.attempts;
    const { url, headers, payload } = buildRequest(cb.reg, message.events, fleetId);
    const record: DeliveryRecord = {
      seq: ++seq,
      callbackId: cb.reg.id,
      at: clock.nowIso(),
      attempt,
      url,
      headers: redact(headers) as Record<string, string>,
      body: structuredClone(payload),
      outcome: 'failed',
    };
    const done = post(url, headers, payload).then((result) => {
      Object.assign(record, result);
      records.push(record);
      if (records.length > maxRecords) records.splice(0, records.length - maxRecords);
      if (closed || cb.removed) return;
      if (result.outcome === 'delivered') {
        // The first 2xx ends the callback's retry: everything stored goes now (stellantis-api-notes.md N6).
        for (const waiting of [...cb.retrying]) {
          if (waiting.timer) clock.clearTimeout(waiting.timer);
          waiting.timer = null;
          cb.retrying.delete(waiting);
          send(cb, waiting);
        }
        return;
      }
      retryOrDrop(cb, message, record);
    });
    inFlight.add(done);
    void done.finally(() => inFlight.delete(done));
  }

  function retryOrDrop(cb: CallbackState, message: Message, record: DeliveryRecord): void {
    const policy = cb.reg.subscribe.retryPolicy;
    const delayMs = policy.policy === 'Bounded' ? policy.retryDelay * 1000 : 0;
    const capAt = message.triggeredAt + RETRY_CAP_SECONDS * 1000;
    const canRetry =
      policy.policy === 'Bounded' && message.attempts < policy.retryNumber && nowMs() + delayMs <= capAt;
    if (!canRetry) {
      record.dropped = true;
      logger.warn('simulator: notification dropped after its last attempt', {
        callbackId: cb.reg.id,
        attempts: message.attempts,
        events: message.events.length,
      });
      return;
    }
    cb.retrying.add(message);
    message.timer = schedule(delayMs, () => {
      message.timer = null;
      if (!cb.retrying.delete(message)) return;
      send(cb, message);
    });
  }

  async function post(
    url: string,
    headers: Record<string, string>,
    payload: NotificationPayload,
  ): Promise<Pick<DeliveryRecord, 'outcome' | 'statusCode' | 'error'>> {
    try {
      const res = await request(url, {
        method: 'POST',
        headers,
        body: JSON.stringify(payload),
        dispatcher: agent,
      });
      await res.body.text().catch(() => '');
      const ok = res.statusCode >= 200 && res.statusCode < 300;
      if (!ok) logger.debug('simulator: webhook answered an error', { url, statusCode: res.statusCode });
      return { outcome: ok ? 'delivered' : 'failed', statusCode: res.statusCode };
    } catch (err) {
      const error = (err as Error).message || String(err);
      logger.debug('simulator: webhook unreachable', { url, error });
      return { outcome: 'failed', error };
    }
  }

  function cancelTimers(cb: CallbackState): void {
    if (cb.batchTimer) clock.clearTimeout(cb.batchTimer);
    cb.batchTimer = null;
    for (const m of cb.retrying) if (m.timer) clock.clearTimeout(m.timer);
    cb.retrying.clear();
  }

  const copy = (reg: UpstreamRegistration): UpstreamRegistration => structuredClone(reg);

  return {
    register(id, subscribe) {
      callbacks.set(id, {
        reg: { id, subscribe: structuredClone(subscribe), status: 'Running' },
        batch: [],
        batchTimer: null,
        heldEvents: [],
        heldMessages: [],
        retrying: new Set(),
        removed: false,
      });
    },
    replace(id, subscribe) {
      const cb = state(id);
      cb.reg.subscribe = structuredClone(subscribe);
      // A batch under way is sent with the new rules.
      if (cb.batch.length > 0 && cb.reg.status === 'Running') {
        const waiting = cb.batch.splice(0);
        if (cb.batchTimer) clock.clearTimeout(cb.batchTimer);
        cb.batchTimer = null;
        route(cb, waiting);
      }
    },
    setStatus(id, status) {
      const cb = state(id);
      if (cb.reg.status === status) return;
      cb.reg.status = status;
      if (status === 'Paused') {
        if (cb.batchTimer) clock.clearTimeout(cb.batchTimer);
        cb.batchTimer = null;
        cb.heldEvents.push(...cb.batch.splice(0));
        return;
      }
      const messages = cb.heldMessages.splice(0);
      for (const m of messages) send(cb, m);
      route(cb, cb.heldEvents.splice(0));
    },
    remove(id) {
      const cb = callbacks.get(id);
      if (!cb) return;
      cb.removed = true;
      cancelTimers(cb);
      callbacks.delete(id);
    },
    get: (id) => {
      const cb = callbacks.get(id);
      return cb ? copy(cb.reg) : null;
    },
    list: () => [...callbacks.values()].map((cb) => copy(cb.reg)),
    enqueue(callbackId, event) {
      const cb = callbacks.get(callbackId);
      if (!cb || closed) {
        logger.debug('simulator: event for an unregistered callback dropped', { callbackId });
        return;
      }
      route(cb, [event]);
    },
    deliveries: () => records.map((r) => structuredClone(r)),
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    async close() {
      closed = true;
      for (const cb of callbacks.values()) cancelTimers(cb);
      await agent.destroy().catch(() => {});
      await Promise.allSettled([...inFlight]);
    },
  };
}
