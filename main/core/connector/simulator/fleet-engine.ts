// A clock-driven model of a Stellantis fleet and its network: vehicles with state, and remotes that go through
// the documented lifecycle (stellantis-api-notes.md N4) with outcomes that follow from that state. It knows
// nothing of HTTP: it emits each remote's events to listeners (the notification sender, or a fake HTTPS
// server's), so the same engine can sit behind the embedded connector or behind a fake fleet API.
//
// Lifecycle, times before the speed factor (timing.ts):
//   POST ─0.4 s→ Pending/Accepted (not for Navigation)
//     pre-checks fail ─0.6 s→ [Pending VehicleBatteryChargeTooLow | TooManyWakeUpsOverMonth ─0.6 s→]
//                               Done/Failed
//     vehicle awake ─1.5 s→ Pending/SentToVehicle ─2 s→ Done (Success | AlreadyDone | Failed <cause>)
//     vehicle asleep ─0.2 s→ Pending/WakingUpVehicle (not for Navigation) ─≈25 s→ SentToVehicle ─1 s→
//                               Done
//     deep sleep ─0.2 s→ Pending/WakingUpVehicle ─≈128 s→ Done/Failed VehicleConnectionTimeout
import type { RemoteEvent } from '../../domain/action.js';
import type { RemoteBody } from '../../domain/remote/remote-body.js';
import type { RemoteType } from '../../domain/remote-type.js';
import type { EventStatus, FailureCause, PendingStatus } from '../../domain/status.js';
import type { Clock, TimerHandle } from '../../ports/clock.js';
import type { ConnectorVehicle, RemoteSnapshot } from '../connector.js';
import { onboardCapabilities, portCapabilities, supports } from './capabilities.js';
import {
  FLEET_SCENARIO,
  LOW_AUX_BATTERY,
  LOW_TRACTION_BATTERY,
  MONTHLY_WAKE_UP_QUOTA,
  buildFleet,
} from './fleet-scenario.js';
import { generatedEntries } from './generated-fleet.js';
import { networkError } from './network-errors.js';
import { seededRandom } from './seeded-random.js';
import { AWAKE_WINDOW_MS, STEP_JITTER, STEP_MS } from './timing.js';
import { executeOnVehicle, type Outcome } from './vehicle-outcomes.js';
import { copyVehicle, type SimVehicle, type SimVehicleView } from './vehicle-state.js';
import { refreshReadings, settleVehicle, vehicleStatus } from './vehicle-status.js';

export interface FleetEngineOptions {
  clock: Clock;
  /** Makes a run repeatable: remote ids, timings and the readings no scenario relies on. */
  seed: number;
  /** Divides the lifecycle's waits (wake-up, timeouts, answers); 1 = real time. */
  speed: number;
  fleetId?: string;
  /**
   * How many vehicles: the scenario's 25 first (fewer: the first ones), then vehicles drawn from the seed. Default
   * 25.
   */
  vehicles?: number;
  /** Told when a listener throws; the engine carries on. */
  onListenerError?: (err: unknown) => void;
}

export interface SubmitRequest {
  vehicleId: string;
  /** The network's callback id the remote is attached to (events are posted to that callback). */
  callbackId: string;
  type: RemoteType;
  body: RemoteBody;
}

/** A remote as the network keeps it. */
export interface SimRemote {
  remoteActionId: string;
  vehicleId: string;
  vin: string;
  callbackId: string;
  type: RemoteType;
  remote: RemoteBody;
  /** The merged RemoteActionStatus (stellantis-api-notes.md N4). */
  status: string;
  failureCause?: string;
  feedbackDetail?: string;
  createdAt: string;
  done: boolean;
  events: RemoteEvent[];
}

export type EngineListener = (callbackId: string, event: RemoteEvent) => void;

export interface FleetEngine {
  readonly fleetId: string;
  readonly seed: number;
  readonly speed: number;
  /** Read-only copies of every vehicle's state. */
  vehicles(): SimVehicleView[];
  /** One vehicle by id or VIN. */
  vehicle(ref: string): SimVehicleView | null;
  /** The port's view of the fleet. */
  portVehicles(): ConnectorVehicle[];
  /** The fleet API's `Vehicle` with `_embedded.extension.onboardCapabilities`, for a fake fleet API. */
  fleetVehicle(vehicleId: string): Record<string, unknown> | null;
  /** The fleet API's `Status` (stellantis-api-notes.md N2); null for an unknown vehicle. */
  status(vehicleId: string): Record<string, unknown> | null;
  /**
   * Accepts a remote (the 202 of stellantis-api-notes.md N4) and plays its lifecycle; throws a ConnectorError
   * for an unknown vehicle.
   */
  submit(request: SubmitRequest): { remoteActionId: string };
  /** The remote's merged state (GET …/remotes/{rid}); copies. */
  remote(remoteActionId: string): (RemoteSnapshot & { vehicleId: string; callbackId: string }) | null;
  /** Copies of the remotes, oldest first. */
  remotes(filter?: { vehicleId?: string; callbackId?: string }): SimRemote[];
  /** Remotes on this callback that have not reached Done. */
  pendingRemotes(callbackId: string): number;
  onEvent(listener: EngineListener): () => void;
  /** A fresh seeded opaque id (`length` hex characters). */
  newId(length?: number): string;
  /** A support reference (32 hex) for an error answer. */
  newReference(): string;
  /** Tests and development: change a vehicle's state directly. */
  adjust(vehicleRef: string, change: (vehicle: SimVehicle) => void): void;
  /** Tests and development: a 15-minute trip, which ends deep sleep and leaves the vehicle awake. */
  drive(vehicleRef: string): void;
  close(): void;
}

/** Keep at most this many finished remotes for reads by id. */
const MAX_FINISHED_REMOTES = 10_000;

export function createFleetEngine(options: FleetEngineOptions): FleetEngine {
  const { clock, seed } = options;
  const speed = options.speed > 0 ? options.speed : 1;
  const ids = seededRandom(seed, 1);
  const timing = seededRandom(seed, 2);
  const fleetId = options.fleetId ?? `sim${seededRandom(seed, 4).hex(21)}`;
  const nowMs = () => clock.now().getTime();
  const size = Math.max(1, options.vehicles ?? FLEET_SCENARIO.length);
  const extra = Math.max(0, size - FLEET_SCENARIO.length);
  const fleet = buildFleet(nowMs(), seededRandom(seed, 3), [
    ...FLEET_SCENARIO.slice(0, size),
    ...generatedEntries(extra, FLEET_SCENARIO.length, seededRandom(seed, 5)),
  ]);
  const byId = new Map(fleet.map((v) => [v.id, v]));
  const byVin = new Map(fleet.map((v) => [v.vin, v]));
  const remotes = new Map<string, SimRemote>();
  /** Remotes that passed the pre-checks and have not finished: what SameActionInProgress looks at. */
  const active = new Set<SimRemote>();
  const listeners = new Set<EngineListener>();
  const timers = new Set<TimerHandle>();
  let closed = false;

  const find = (ref: string) => byId.get(ref) ?? byVin.get(ref);

  function newId(length = 40): string {
    for (;;) {
      const id = ids.hex(length);
      if (!remotes.has(id)) return id;
    }
  }

  /** A step's delay: the base time, times the vehicle's latency where given, with jitter, over the speed. */
  function delay(baseMs: number, latency = 1): number {
    return Math.max(1, Math.round(timing.jitter(baseMs * latency, STEP_JITTER) / speed));
  }

  function after(ms: number, fn: () => void): void {
    if (closed) return;
    const handle = clock.setTimeout(() => {
      timers.delete(handle);
      if (!closed) fn();
    }, ms);
    timers.add(handle);
  }

  function emit(r: SimRemote, eventStatus: EventStatus): void {
    const event: RemoteEvent = {
      remoteActionId: r.remoteActionId,
      vin: r.vin,
      eventDate: clock.nowIso(),
      remoteType: r.type,
      eventStatus,
    };
    r.events.push(event);
    r.status = eventStatus.status;
    if (eventStatus.type === 'Done') {
      if (eventStatus.failureCause) r.failureCause = eventStatus.failureCause;
      if (eventStatus.feedbackDetail) r.feedbackDetail = eventStatus.feedbackDetail;
    }
    for (const listener of listeners) {
      try {
        listener(r.callbackId, structuredClone(event));
      } catch (err) {
        options.onListenerError?.(err);
      }
    }
  }

  function finish(r: SimRemote, outcome: Outcome): void {
    r.done = true;
    active.delete(r);
    emit(r, { type: 'Done', ...outcome });
    prune();
  }

  function fail(r: SimRemote, failureCause: FailureCause, pending?: PendingStatus): void {
    after(delay(STEP_MS.preCheck), () => {
      if (!pending) return finish(r, { status: 'Failed', failureCause });
      emit(r, { type: 'Pending', status: pending });
      after(delay(STEP_MS.preCheck), () => finish(r, { status: 'Failed', failureCause }));
    });
  }

  function reachable(v: SimVehicle): boolean {
    return !v.deepSleep && (v.connectivity === 'awake' || nowMs() < v.awakeUntil);
  }

  /** The network's checks before it contacts the vehicle (stellantis-api-notes.md N4). */
  function preCheck(v: SimVehicle, r: SimRemote): { cause: FailureCause; pending?: PendingStatus } | null {
    if (!supports(v.profile, r.type)) return { cause: 'MissingRights' };
    for (const other of active)
      if (other.vehicleId === v.id && other.type === r.type) return { cause: 'SameActionInProgress' };
    const lowBattery = {
      cause: 'NotPossibleDueToVehicleBatteryLevel',
      pending: 'VehicleBatteryChargeTooLow',
    } as const;
    if (v.auxBattery < LOW_AUX_BATTERY) return lowBattery;
    if (
      'preconditioning' in r.remote &&
      r.remote.preconditioning.airConditioning.immediate === true &&
      v.electric &&
      v.electric.level < LOW_TRACTION_BATTERY
    )
      return lowBattery;
    return null;
  }

  function accept(r: SimRemote): void {
    const v = byId.get(r.vehicleId);
    if (!v) return;
    settleVehicle(v, nowMs());
    const silent = r.type === 'Navigation'; // no Accepted, no WakingUpVehicle (stellantis-api-notes.md N3)
    if (!silent) emit(r, { type: 'Pending', status: 'Accepted' });
    const problem = preCheck(v, r);
    if (problem) return fail(r, problem.cause, problem.pending);
    active.add(r);

    if (reachable(v)) return after(delay(STEP_MS.sentToVehicle, v.latency), () => sendToVehicle(v, r, false));

    const wakingUp = () => {
      if (!silent) emit(r, { type: 'Pending', status: 'WakingUpVehicle' });
    };
    if (v.wakingUntil > nowMs()) {
      // A wake-up is already under way: this remote waits for the same one.
      const remaining = v.wakingUntil - nowMs();
      after(Math.min(delay(STEP_MS.wakingUp), remaining), wakingUp);
      return after(remaining, () => sendToVehicle(v, r, true));
    }
    if (v.wakeUps.used >= MONTHLY_WAKE_UP_QUOTA) {
      active.delete(r);
      return fail(r, 'TooManyWakeUpsOverMonth', 'TooManyWakeUpsOverMonth');
    }
    v.wakeUps.used += 1;
    const toWakingUp = delay(STEP_MS.wakingUp);
    if (v.deepSleep) {
      const toTimeout = delay(STEP_MS.deepSleepTimeout - STEP_MS.accepted - STEP_MS.wakingUp);
      return after(toWakingUp, () => {
        wakingUp();
        after(toTimeout, () => finish(r, { status: 'Failed', failureCause: 'VehicleConnectionTimeout' }));
      });
    }
    const toAwake = delay(STEP_MS.wakeUp - STEP_MS.accepted - STEP_MS.wakingUp);
    v.wakingUntil = nowMs() + toWakingUp + toAwake;
    after(toWakingUp, () => {
      wakingUp();
      after(toAwake, () => {
        v.wakingUntil = 0;
        v.awakeUntil = nowMs() + AWAKE_WINDOW_MS;
        sendToVehicle(v, r, true);
      });
    });
  }

  function sendToVehicle(v: SimVehicle, r: SimRemote, justWoken: boolean): void {
    emit(r, { type: 'Pending', status: 'SentToVehicle' });
    v.awakeUntil = Math.max(v.awakeUntil, nowMs() + AWAKE_WINDOW_MS); // every message adds 3 min
    const answer = justWoken ? STEP_MS.answerAfterWakeUp : STEP_MS.vehicleAnswer;
    after(delay(answer, v.latency), () => {
      settleVehicle(v, nowMs());
      const outcome = executeOnVehicle(v, r.type, r.remote, {
        nowIso: clock.nowIso(),
        newId: () => ids.hex(32),
      });
      // The vehicle answered, so it reported: every reading is fresh (a WakeUp exists for exactly this).
      refreshReadings(v, clock.nowIso());
      finish(r, outcome);
    });
  }

  function prune(): void {
    if (remotes.size <= MAX_FINISHED_REMOTES) return;
    for (const [id, r] of remotes) {
      if (remotes.size <= MAX_FINISHED_REMOTES) break;
      if (r.done) remotes.delete(id);
    }
  }

  function portVehicle(v: SimVehicle): ConnectorVehicle {
    return {
      id: v.id,
      vin: v.vin,
      label: v.label,
      brand: v.brand,
      model: v.model,
      energy: v.energy,
      capabilities: portCapabilities(v.profile),
    };
  }

  const requireVehicle = (ref: string): SimVehicle => {
    const v = find(ref);
    if (!v) throw new Error(`No simulated vehicle ${ref}.`);
    return v;
  };

  return {
    fleetId,
    seed,
    speed,
    vehicles: () => fleet.map(copyVehicle),
    vehicle(ref) {
      const v = find(ref);
      return v ? copyVehicle(v) : null;
    },
    portVehicles: () => fleet.map(portVehicle),
    fleetVehicle(vehicleId) {
      const v = byId.get(vehicleId);
      if (!v) return null;
      const base = `/fleets/${fleetId}/vehicles/${v.id}`;
      return {
        _links: {
          self: { href: base },
          fleet: { href: `/fleets/${fleetId}` },
          status: { href: `${base}/status` },
          callbacks: { href: `/fleets/${fleetId}/remote/callbacks` },
        },
        id: v.id,
        vin: v.vin,
        motorization: v.energy === 'Electric' ? 'Electric' : v.energy === 'Combustion' ? 'Thermic' : 'Hybrid',
        brand: v.brand,
        _embedded: {
          extension: {
            onboardCapabilities: onboardCapabilities(v.profile),
            branding: { brand: v.brand },
          },
        },
      };
    },
    status(vehicleId) {
      const v = byId.get(vehicleId);
      if (!v) return null;
      const now = nowMs();
      settleVehicle(v, now);
      // An awake vehicle keeps reporting; an asleep one shows its last report until woken.
      if (reachable(v)) refreshReadings(v, clock.nowIso());
      return vehicleStatus(v, { fleetId, nowMs: now });
    },
    submit({ vehicleId, callbackId, type, body }) {
      const v = byId.get(vehicleId);
      if (!v) {
        throw networkError('unknownVehicle', `Vehicle ${vehicleId} is not in fleet ${fleetId}.`, ids.hex(32));
      }
      const r: SimRemote = {
        remoteActionId: newId(),
        vehicleId: v.id,
        vin: v.vin,
        callbackId,
        type,
        remote: structuredClone(body),
        status: 'Accepted',
        createdAt: clock.nowIso(),
        done: false,
        events: [],
      };
      remotes.set(r.remoteActionId, r);
      after(delay(STEP_MS.accepted), () => accept(r));
      return { remoteActionId: r.remoteActionId };
    },
    remote(remoteActionId) {
      const r = remotes.get(remoteActionId);
      if (!r) return null;
      return {
        remoteActionId: r.remoteActionId,
        vehicleId: r.vehicleId,
        callbackId: r.callbackId,
        type: r.type,
        status: r.status,
        ...(r.failureCause ? { failureCause: r.failureCause } : {}),
        ...(r.feedbackDetail ? { feedbackDetail: r.feedbackDetail } : {}),
      };
    },
    remotes(filter = {}) {
      return [...remotes.values()]
        .filter(
          (r) =>
            (filter.vehicleId === undefined || r.vehicleId === filter.vehicleId) &&
            (filter.callbackId === undefined || r.callbackId === filter.callbackId),
        )
        .map((r) => structuredClone(r));
    },
    pendingRemotes(callbackId) {
      let n = 0;
      for (const r of remotes.values()) if (!r.done && r.callbackId === callbackId) n += 1;
      return n;
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    newId,
    newReference: () => ids.hex(32),
    adjust(ref, change) {
      change(requireVehicle(ref));
    },
    drive(ref) {
      const v = requireVehicle(ref);
      v.deepSleep = false;
      v.lastLongTripAt = clock.nowIso();
      v.awakeUntil = nowMs() + AWAKE_WINDOW_MS;
      v.mileageKm += 15;
      refreshReadings(v, clock.nowIso());
    },
    close() {
      closed = true;
      for (const handle of timers) clock.clearTimeout(handle);
      timers.clear();
      listeners.clear();
    },
  };
}
