// A vehicle's condition (issue 15): its states, where each was learnt, the wake-ups used this month, and its
// readiness, from the last status the agent read and what the agent's own history says. Codes and parameters
// only; the clients word them. Rules from stellantis-api.md §11 and docs/stellantis-api-notes.md N9.
// Just past 300 lines: the status digest made when a status is stored sits beside the rules it feeds, so the two
// cannot drift apart.
import {
  VEHICLE_STATES,
  type ReadinessNextStep,
  type VehicleReadiness,
  type VehicleState,
  type VehicleStateSource,
} from '../../../../preload/contract/vocabulary.js';
import { readStatus, type StatusReadings } from './status-readings.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A stopped vehicle stays reachable this long after its last message (stellantis-api.md §11, D). */
export const AWAKE_WINDOW_MS = 3 * 60 * 1000;
/** No trip for this long and the vehicle's connectivity is switched off until it is driven (§11, F). */
export const DEEP_SLEEP_AFTER_MS = 7 * DAY_MS;
/**
 * Wake-ups a vehicle may use per month when the settings say nothing. Stellantis does not publish its cap (§11, D);
 * 20 is the simulator's.
 */
export const DEFAULT_WAKE_UP_BUDGET = 20;

/** A remote that reached Done (Success or AlreadyDone) and set a state on or off. */
export interface StateEvidence {
  value: boolean;
  /** When the agent recorded the Done (UTC). */
  at: string;
  remoteActionId: string;
}

/** What the agent's own history says about a vehicle (vehicle-facts-repository.ts). */
export interface VehicleFacts {
  immobilization: StateEvidence | null;
  stolen: StateEvidence | null;
  /** Wake-ups counted this month (UTC). */
  wakeUpsUsed: number;
  /** The last command the network failed with TooManyWakeUpsOverMonth this month. */
  wakeUpsRefused: { at: string; remoteActionId: string } | null;
}

/** Shared by every vehicle without facts: never changed (copy it to fill one in). */
export const NO_FACTS: Readonly<VehicleFacts> = Object.freeze({
  immobilization: null,
  stolen: null,
  wakeUpsUsed: 0,
  wakeUpsRefused: null,
});

export interface StateSource {
  source: VehicleStateSource;
  at: string | null;
  remoteActionId?: string;
  detail?: string;
}

export interface VehicleCondition {
  states: VehicleState[];
  stateSources: Partial<Record<VehicleState, StateSource>>;
  wakeUps: {
    month: string;
    usedThisMonth: number;
    budget: number;
    estimated: true;
    resetsAt: string;
    refusedByNetworkAt: string | null;
  };
  readiness: {
    code: VehicleReadiness;
    nextStep: ReadinessNextStep;
    severity: 'info' | 'success' | 'warning' | 'error';
    params: Record<string, string | number>;
  };
}

/**
 * The calendar month wake-ups count against, in UTC (the network's month is not documented; UTC is the
 * simulator's): `from` inclusive, `to` exclusive, both as the store writes dates.
 */
export function utcMonth(nowMs: number): { month: string; from: string; to: string } {
  const now = new Date(nowMs);
  const from = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  const to = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1);
  return {
    month: new Date(from).toISOString().slice(0, 7),
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
  };
}

interface Candidate {
  value: boolean;
  source: StateSource;
}

/** The newest word wins; on a tie, a Done the agent recorded (it is about this very state). */
function newestWord(candidates: (Candidate | null)[]): Candidate | null {
  let best: Candidate | null = null;
  for (const c of candidates) {
    if (!c) continue;
    if (!best || (c.source.at ?? '') > (best.source.at ?? '')) best = c;
  }
  return best;
}

const fromAction = (e: StateEvidence | null): Candidate | null =>
  e ? { value: e.value, source: { source: 'action', at: e.at, remoteActionId: e.remoteActionId } } : null;

export interface ConditionInput {
  /** The last status read (the fleet API's Status as received), null when none was. */
  status: Record<string, unknown> | null;
  /** When the agent read it. */
  statusAt: string | null;
  facts: VehicleFacts;
  nowMs: number;
  wakeUpBudget: number;
}

/**
 * What a vehicle's last status says towards its condition, worked out once, when the status is stored (the
 * vehicles repository keeps one per vehicle): the readings, and the dates the rules compare as numbers. What
 * depends on the time of asking is kept as the instant it changes, so a list of 5,000 vehicles compares one number
 * per vehicle instead of parsing their dates at every request (docs/benchmarks.md, 3 December 2026, session 2).
 */
export interface StatusDigest {
  /** When the agent read the status (null: never): also what the digest is valid for. */
  statusAt: string | null;
  readings: StatusReadings | null;
  /**
   * DeepSleepRisk while now is past this instant (ms): the last ignition or position plus DEEP_SLEEP_AFTER_MS. The
   * rule `now - lastActivity > 7 days` is `now > lastActivity + 7 days` for whole milliseconds, exactly.
   */
  deepSleepAfterMs: number | null;
  /** Silent for longer than the awake window when the agent read the status (fixed at the read). */
  asleep: boolean;
}

export function digestStatus(status: Record<string, unknown> | null, statusAt: string | null): StatusDigest {
  const r = status ? readStatus(status) : null;
  return {
    statusAt,
    readings: r,
    deepSleepAfterMs: r?.lastActivityAt ? Date.parse(r.lastActivityAt) + DEEP_SLEEP_AFTER_MS : null,
    asleep: Boolean(
      r?.lastReportAt && statusAt && Date.parse(statusAt) - Date.parse(r.lastReportAt) > AWAKE_WINDOW_MS,
    ),
  };
}

/** The vehicle's condition at `input.nowMs`, from its raw status (one vehicle; a list uses conditionOf). */
export function vehicleCondition(input: ConditionInput): VehicleCondition {
  return conditionOf(digestStatus(input.status, input.statusAt), input.facts, {
    nowMs: input.nowMs,
    wakeUpBudget: input.wakeUpBudget,
    month: utcMonth(input.nowMs),
  });
}

/** The one part of a condition that moves with time alone (the wake-up month aside). */
export function deepSleeping(digest: StatusDigest, nowMs: number): boolean {
  return digest.deepSleepAfterMs !== null && nowMs > digest.deepSleepAfterMs;
}

/** The same facts, by value (each read of the facts makes new objects). */
export function sameFacts(a: VehicleFacts, b: VehicleFacts): boolean {
  const sameEvidence = (x: StateEvidence | null, y: StateEvidence | null) =>
    x === y ||
    (x !== null &&
      y !== null &&
      x.value === y.value &&
      x.at === y.at &&
      x.remoteActionId === y.remoteActionId);
  return (
    a === b ||
    (a.wakeUpsUsed === b.wakeUpsUsed &&
      sameEvidence(a.immobilization, b.immobilization) &&
      sameEvidence(a.stolen, b.stolen) &&
      (a.wakeUpsRefused === b.wakeUpsRefused ||
        (a.wakeUpsRefused !== null &&
          b.wakeUpsRefused !== null &&
          a.wakeUpsRefused.at === b.wakeUpsRefused.at &&
          a.wakeUpsRefused.remoteActionId === b.wakeUpsRefused.remoteActionId)))
  );
}

/** What every vehicle of one answer shares: the time of asking, the budget and the month (worked out once). */
export interface ConditionMoment {
  nowMs: number;
  wakeUpBudget: number;
  /** utcMonth(nowMs). */
  month: { month: string; to: string };
}

export function conditionOf(
  digest: StatusDigest,
  facts: VehicleFacts,
  at: ConditionMoment,
): VehicleCondition {
  const { statusAt, readings: r } = digest;
  const { nowMs, wakeUpBudget, month } = at;
  const found = new Map<VehicleState, StateSource>();
  const fromStatus = (detail?: string): StateSource => ({
    source: 'status',
    at: statusAt,
    ...(detail !== undefined ? { detail } : {}),
  });
  const fromSimulator = (value: boolean | undefined): Candidate | null =>
    value === undefined ? null : { value, source: { source: 'simulator', at: statusAt } };

  const stolen = newestWord([
    fromAction(facts.stolen),
    r?.stolen ? { value: r.stolen.state, source: { source: 'status', at: r.stolen.at ?? statusAt } } : null,
    fromSimulator(r?.simulator?.stolen),
  ]);
  if (stolen?.value) found.set('Stolen', stolen.source);
  const immobilized = newestWord([
    fromAction(facts.immobilization),
    fromSimulator(r?.simulator?.immobilized),
  ]);
  if (immobilized?.value) found.set('Immobilized', immobilized.source);

  if (r?.lastActivityAt && deepSleeping(digest, nowMs)) {
    found.set('DeepSleepRisk', { source: 'status', at: r.lastActivityAt });
  }

  if (facts.wakeUpsRefused) {
    found.set('NoWakeUpsLeft', {
      source: 'network-refusal',
      at: facts.wakeUpsRefused.at,
      remoteActionId: facts.wakeUpsRefused.remoteActionId,
    });
  } else if (facts.wakeUpsUsed >= wakeUpBudget) {
    found.set('NoWakeUpsLeft', { source: 'wake-up-count', at: null });
  }

  // Asleep when, as the agent read it, the vehicle had been silent for longer than its awake window.
  if (digest.asleep) found.set('Asleep', { source: 'status', at: r!.lastReportAt });
  if (r?.privacy === 'Geolocation' || r?.privacy === 'Full') found.set('PrivacyMode', fromStatus(r.privacy));
  if (r?.openDoors && r.openDoors.length > 0) found.set('DoorsOpen', fromStatus(r.openDoors.join(',')));
  if (r?.unlocked) found.set('Unlocked', fromStatus());
  if (r?.charging) found.set('Charging', fromStatus());
  if (r?.plugged) found.set('Plugged', fromStatus());

  const states = VEHICLE_STATES.filter((s) => found.has(s));
  const wakeUpsLeft = Math.max(0, wakeUpBudget - facts.wakeUpsUsed);
  return {
    states,
    stateSources: Object.fromEntries(states.map((s) => [s, found.get(s)!])),
    wakeUps: {
      month: month.month,
      usedThisMonth: facts.wakeUpsUsed,
      budget: wakeUpBudget,
      estimated: true,
      resetsAt: month.to,
      refusedByNetworkAt: facts.wakeUpsRefused?.at ?? null,
    },
    readiness: readiness(found, {
      hasStatus: r !== null,
      privacy: r?.privacy ?? null,
      lastActivityAt: r?.lastActivityAt ?? null,
      resetsAt: month.to,
      wakeUpsLeft,
    }),
  };
}

function readiness(
  found: Map<VehicleState, StateSource>,
  ctx: {
    hasStatus: boolean;
    privacy: string | null;
    lastActivityAt: string | null;
    resetsAt: string;
    wakeUpsLeft: number;
  },
): VehicleCondition['readiness'] {
  const is = (s: VehicleState) => found.has(s);
  type R = VehicleCondition['readiness'];
  const say = (
    code: VehicleReadiness,
    nextStep: ReadinessNextStep,
    severity: R['severity'],
    params = {},
  ): R => ({
    code,
    nextStep,
    severity,
    params,
  });
  if (is('Stolen')) return say('stolen', 'follow-stolen-procedure', 'error');
  if (is('Immobilized')) return say('immobilized', 'lift-immobilization-before-use', 'warning');
  if (is('DeepSleepRisk'))
    return say('deep-sleep', 'drive-vehicle', 'error', { lastActivityAt: ctx.lastActivityAt ?? '' });
  // Full privacy refuses every remote but Stolen and Immobilization; Geolocation only navigation (a state, no more).
  if (ctx.privacy === 'Full')
    return say('privacy', 'ask-driver-to-lift-privacy', 'warning', { privacy: 'Full' });
  if (!ctx.hasStatus) return say('unknown', 'refresh-status', 'info');
  if (is('Asleep') && is('NoWakeUpsLeft'))
    return say('no-wake-ups-left', 'wait-for-next-month', 'error', { resetsAt: ctx.resetsAt });
  if (is('Asleep')) return say('will-wake', 'expect-wake-up-delay', 'info', { wakeUpsLeft: ctx.wakeUpsLeft });
  return say('ready', 'none', 'success');
}
