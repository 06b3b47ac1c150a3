// How the fake server posts notifications (stellantis-api-notes.md N5–N7): the fleet payload
// {callbackId, attributes, events[]} POSTed over real HTTP to the registered target, with Header, Body and Query
// attributes and their variables substituted; batchNotify (off when a Query attribute's value is exactly $vin); retries per the
// registered policy on the injected clock (None = one attempt, Bounded = up to retryNumber attempts retryDelay
// apart, never past 3 days), and a flush of a remote's waiting retries after a 2xx. Test switches stop, delay,
// duplicate and reorder deliveries.
import { Agent, request } from 'undici';
import type { Clock, TimerHandle } from '../../../main/core/ports/clock.js';

export interface FleetEvent {
  remoteActionId: string;
  vin: string;
  eventDate: string;
  remoteType: string;
  eventStatus: { type: string; status: string; failureCause?: string; feedbackDetail?: string };
}

export interface NotifiedCallback {
  id: string;
  status: 'Running' | 'Paused' | 'Failed';
  subscribe: {
    callback: { webhook: { target: string; attributes?: { type: string; key: string; value: string }[] } };
    retryPolicy?: { policy: string; retryNumber?: number; retryDelay?: number };
    batchNotify?: { size: number; timeWindow?: number };
  };
}

export interface DeliverySwitches {
  /** false: events are recorded but never posted (so the agent must poll). */
  enabled: boolean;
  /** Post every message twice. */
  duplicate: boolean;
  /** Hold each remote's events until its Done, then post them newest first. */
  reorder: boolean;
  /** Post every message this long (clock time) after its event. */
  delayMs: number;
}

export interface DeliveryRecord {
  at: string;
  callbackId: string;
  url: string;
  headers: Record<string, string>;
  body: { callbackId: string; attributes: { key: string; value: string }[]; events: FleetEvent[] };
  attempt: number;
  /** The receiver's HTTP status, or what went wrong. */
  result: number | 'timeout' | 'error';
}

interface Message {
  callbackId: string;
  events: FleetEvent[];
  triggeredAt: number;
}

const RETRY_CAP_MS = 3 * 24 * 60 * 60_000;

export function createFakeNotifier(deps: {
  clock: Clock;
  fleetId: string;
  callback: (id: string) => NotifiedCallback | undefined;
  switches: DeliverySwitches;
  /** Trust for https targets (the test CA). */
  ca?: string;
  timeoutMs?: number;
}) {
  const { clock, switches } = deps;
  const agent = new Agent({
    connect: deps.ca ? { ca: deps.ca } : {},
    headersTimeout: deps.timeoutMs ?? 2_000,
    bodyTimeout: deps.timeoutMs ?? 2_000,
  });
  const deliveries: DeliveryRecord[] = [];
  const suppressed: FleetEvent[] = [];
  const inFlight = new Set<Promise<void>>();
  const timers = new Set<TimerHandle>();
  const batches = new Map<string, { events: FleetEvent[]; timer: TimerHandle | null }>();
  const held = new Map<string, FleetEvent[]>();
  const waitingRetries = new Map<Message, { timer: TimerHandle; attempt: number }>();

  const later = (ms: number, fn: () => void) => {
    const t = clock.setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
    return t;
  };
  const track = (p: Promise<void>) => {
    const q = p.finally(() => inFlight.delete(q));
    inFlight.add(q);
  };

  // As the spec has it: an attribute value is a literal or a whole variable; "vin $vin" is sent as written.
  function substitute(value: string, event: FleetEvent | undefined, cb: NotifiedCallback): string {
    const variables: Record<string, string> = {
      $vin: event?.vin ?? '',
      $callbackID: cb.id,
      $remoteType: event?.remoteType ?? '',
      $fleetID: deps.fleetId,
    };
    return Object.hasOwn(variables, value) ? variables[value]! : value;
  }

  async function send(message: Message, attempt: number): Promise<void> {
    const cb = deps.callback(message.callbackId);
    if (!cb) return;
    const webhook = cb.subscribe.callback.webhook;
    const attrs = webhook.attributes ?? [];
    const first = message.events[0];
    const url = new URL(webhook.target);
    for (const a of attrs.filter((a) => a.type === 'Query'))
      url.searchParams.append(a.key, substitute(a.value, first, cb));
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    for (const a of attrs.filter((a) => a.type === 'Header'))
      headers[a.key.toLowerCase()] = substitute(a.value, first, cb);
    const body = {
      callbackId: cb.id,
      attributes: attrs
        .filter((a) => a.type === 'Body')
        .map((a) => ({ key: a.key, value: substitute(a.value, first, cb) })),
      events: message.events,
    };
    const record: DeliveryRecord = {
      at: clock.nowIso(),
      callbackId: cb.id,
      url: url.href,
      headers,
      body,
      attempt,
      result: 'error',
    };
    deliveries.push(record);
    try {
      const res = await request(url, {
        dispatcher: agent,
        method: 'POST',
        headers,
        body: JSON.stringify(body),
      });
      await res.body.text();
      record.result = res.statusCode;
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      record.result = code.includes('TIMEOUT') ? 'timeout' : 'error';
    }
    const ok = typeof record.result === 'number' && record.result >= 200 && record.result < 300;
    if (ok) {
      flushRetries(message);
      return;
    }
    const policy = cb.subscribe.retryPolicy ?? { policy: 'Bounded' };
    if (policy.policy !== 'Bounded') return; // None: a single try
    const max = policy.retryNumber ?? 3;
    const delayMs = (policy.retryDelay ?? 10) * 1000;
    if (attempt >= max || clock.now().getTime() + delayMs - message.triggeredAt > RETRY_CAP_MS) return;
    const timer = later(delayMs, () => {
      waitingRetries.delete(message);
      track(send(message, attempt + 1));
    });
    waitingRetries.set(message, { timer, attempt: attempt + 1 });
  }

  /** The first 2xx ends a remote's retry and sends its stored notifications (stellantis-api-notes.md N6). */
  function flushRetries(succeeded: Message) {
    const ids = new Set(succeeded.events.map((e) => e.remoteActionId));
    for (const [message, { timer, attempt }] of [...waitingRetries]) {
      if (!message.events.some((e) => ids.has(e.remoteActionId))) continue;
      clock.clearTimeout(timer);
      timers.delete(timer);
      waitingRetries.delete(message);
      track(send(message, attempt));
    }
  }

  function post(message: Message) {
    const go = () => {
      track(send(message, 1));
      if (switches.duplicate) track(send({ ...message }, 1));
    };
    if (switches.delayMs > 0) later(switches.delayMs, go);
    else go();
  }

  function flushBatch(cbId: string) {
    const batch = batches.get(cbId);
    if (!batch || batch.events.length === 0) return;
    if (batch.timer) {
      clock.clearTimeout(batch.timer);
      timers.delete(batch.timer);
    }
    batches.delete(cbId);
    post({ callbackId: cbId, events: batch.events, triggeredAt: clock.now().getTime() });
  }

  return {
    deliveries,
    suppressed,

    /** An event happened on a remote sent through callback `cbId`. */
    emit(cbId: string, event: FleetEvent) {
      const cb = deps.callback(cbId);
      // Paused callbacks post nothing (stellantis-api-notes.md N2); a switched-off notifier neither.
      if (!cb || cb.status !== 'Running' || !switches.enabled) {
        suppressed.push(event);
        return;
      }
      if (switches.reorder) {
        const list = [...(held.get(event.remoteActionId) ?? []), event];
        if (event.eventStatus.type !== 'Done') {
          held.set(event.remoteActionId, list);
          return;
        }
        held.delete(event.remoteActionId);
        // One after the other, so they arrive newest first.
        const now = clock.now().getTime();
        track(
          (async () => {
            for (const e of list.reverse())
              await send({ callbackId: cbId, events: [e], triggeredAt: now }, 1);
          })(),
        );
        return;
      }
      const batch = cb.subscribe.batchNotify;
      const vinInQuery = (cb.subscribe.callback.webhook.attributes ?? []).some(
        // Only a Query attribute whose value is exactly $vin turns batching off.
        (a) => a.type === 'Query' && a.value === '$vin',
      );
      if (!batch || batch.size <= 0 || vinInQuery) {
        post({ callbackId: cbId, events: [event], triggeredAt: clock.now().getTime() });
        return;
      }
      const current = batches.get(cbId) ?? { events: [], timer: null };
      batches.set(cbId, current);
      current.events.push(event);
      if (current.events.length >= batch.size) flushBatch(cbId);
      else current.timer ??= later((batch.timeWindow ?? 60) * 1000, () => flushBatch(cbId));
    },

    /** Waits for every POST in flight (started by clock timers or emits) to finish. */
    async settle() {
      for (let i = 0; i < 100 && inFlight.size > 0; i += 1) await Promise.all([...inFlight]);
    },

    async close() {
      for (const t of timers) clock.clearTimeout(t);
      timers.clear();
      await this.settle();
      await agent.close();
    },
  };
}

export type FakeNotifier = ReturnType<typeof createFakeNotifier>;
