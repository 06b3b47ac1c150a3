// The fake server's small scripted fleet: a few vehicles in the states that matter (awake, asleep, deep
// sleep, e-remote only, combustion) and the event sequence each remote goes through (stellantis-api-notes.md
// N4, N9, N11).

export type Power = 'awake' | 'asleep' | 'deep-sleep';
export type CapabilityEntry =
  'preconditioning' | 'door' | 'horn' | 'charging' | 'lights' | 'wakeup' | 'navigation' | 'stolen';

export interface FakeVehicle {
  id: string;
  vin: string;
  brand?: string;
  model?: string;
  motorization?: string;
  power: Power;
  /** Onboard remote capabilities; missing entries are supported. */
  unsupported?: CapabilityEntry[];
  /** Monthly wake-up quota left; undefined = unlimited. */
  wakeUpsLeft?: number;
  doors?: 'Locked' | 'Unlocked';
}

export interface Step {
  afterMs: number;
  type: 'Pending' | 'Done';
  status: string;
  failureCause?: string;
  feedbackDetail?: string;
}

export const TIMING = {
  accepted: 200,
  wakingUp: 400,
  awakeSent: 1_000,
  awakeDone: 2_000,
  /** A sleeping vehicle gets the command about 25 s after acceptance (stellantis-api-notes.md N9). */
  asleepSent: 25_000,
  asleepDone: 26_000,
  /** Deep sleep: accepted, then a timeout about 128 s later (stellantis-api-notes.md N9). */
  deepSleepTimeout: 128_000,
  /** A vehicle stays awake 3 min after a message (stellantis-api-notes.md N9). */
  awakeWindow: 3 * 60_000,
};

export const FAKE_VEHICLES: FakeVehicle[] = [
  {
    id: 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9001',
    vin: 'VR3UHZKXZMT100001',
    brand: 'Peugeot',
    model: 'e-208',
    motorization: 'Electric',
    power: 'awake',
    doors: 'Unlocked',
  },
  {
    id: 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9002',
    vin: 'VR7ACYHZRML100002',
    brand: 'Citroën',
    model: 'C5 Aircross Hybrid',
    motorization: 'Hybrid',
    power: 'asleep',
    unsupported: ['navigation'],
  },
  {
    id: 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9003',
    vin: 'W0VBD8HP0PS100003',
    brand: 'Opel',
    model: 'Corsa-e',
    motorization: 'Electric',
    power: 'deep-sleep',
    unsupported: ['door', 'horn', 'lights'],
  },
  {
    id: 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9004',
    vin: 'ZFA3120000J100004',
    brand: 'Fiat',
    model: '500',
    motorization: 'Thermic',
    power: 'awake',
    unsupported: ['charging'],
  },
];

/** n plain awake vehicles, for paging. */
export function manyVehicles(n: number): FakeVehicle[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `veh${String(i).padStart(5, '0')}`,
    vin: `VF3TEST0000${String(i).padStart(6, '0')}`,
    brand: 'Peugeot',
    model: 'e-2008',
    motorization: 'Electric',
    power: 'awake' as const,
  }));
}

export const ENTRY_OF_TYPE: Record<string, CapabilityEntry | null> = {
  ElectricBatteryChargingRequest: 'charging',
  Stolen: 'stolen',
  Lights: 'lights',
  Doors: 'door',
  Horn: 'horn',
  WakeUp: 'wakeup',
  ThermalPreconditioning: 'preconditioning',
  Immobilization: null,
  Navigation: 'navigation',
};

const pending = (afterMs: number, status: string): Step => ({ afterMs, type: 'Pending', status });
const done = (afterMs: number, status: string, failureCause?: string, feedbackDetail?: string): Step => ({
  afterMs,
  type: 'Done',
  status,
  ...(failureCause && { failureCause }),
  ...(feedbackDetail && { feedbackDetail }),
});

export interface PlanInput {
  vehicle: FakeVehicle;
  type: string;
  action: Record<string, unknown>;
  /** Another remote of the same type is pending on this vehicle. */
  sameInProgress: boolean;
  /** A scripted outcome for this one remote: a failure cause, or explicit steps. */
  scripted?: { failureCause: string } | { steps: Step[] };
  awake: boolean;
}

/** The events a remote goes through, with their delays from acceptance. */
export function planSteps({ vehicle, type, action, sameInProgress, scripted, awake }: PlanInput): Step[] {
  if (scripted && 'steps' in scripted) return scripted.steps;
  // Navigation never sends Accepted nor WakingUpVehicle (stellantis-api-notes.md N3).
  const nav = type === 'Navigation';
  const head = (steps: Step[]) =>
    nav ? steps.filter((s) => s.status !== 'Accepted' && s.status !== 'WakingUpVehicle') : steps;
  const accepted = pending(TIMING.accepted, 'Accepted');
  if (sameInProgress) return head([accepted, done(TIMING.wakingUp, 'Failed', 'SameActionInProgress')]);
  const entry = ENTRY_OF_TYPE[type];
  if (entry && vehicle.unsupported?.includes(entry)) {
    return head([accepted, done(TIMING.wakingUp, 'Failed', 'MissingRights')]);
  }
  const sleeping = !awake;
  if (sleeping && vehicle.wakeUpsLeft === 0) {
    return head([
      accepted,
      pending(TIMING.wakingUp, 'TooManyWakeUpsOverMonth'),
      done(TIMING.wakingUp + 200, 'Failed', 'TooManyWakeUpsOverMonth'),
    ]);
  }
  if (sleeping && vehicle.power === 'deep-sleep') {
    return head([
      accepted,
      pending(TIMING.wakingUp, 'WakingUpVehicle'),
      done(TIMING.deepSleepTimeout, 'Failed', 'VehicleConnectionTimeout'),
    ]);
  }
  const sentAt = sleeping ? TIMING.asleepSent : TIMING.awakeSent;
  const doneAt = sleeping ? TIMING.asleepDone : TIMING.awakeDone;
  const wake = sleeping ? [pending(TIMING.wakingUp, 'WakingUpVehicle')] : [];
  const sent = pending(sentAt, 'SentToVehicle');
  if (scripted && 'failureCause' in scripted) {
    return head([accepted, ...wake, sent, done(doneAt, 'Failed', scripted.failureCause)]);
  }
  if (type === 'Doors' && vehicle.doors && action.state === vehicle.doors) {
    return head([accepted, ...wake, sent, done(doneAt, 'AlreadyDone')]);
  }
  const feedback =
    type === 'Doors' && action.state === 'Locked' && action.forced === true ? 'CIDBlacklisted' : undefined;
  return head([accepted, ...wake, sent, done(doneAt, 'Success', undefined, feedback)]);
}

/** The onboardCapabilities extension of a vehicle (api-b2b.yaml OnboardCapabilities). */
export function onboardCapabilities(v: FakeVehicle) {
  const s = (entry: CapabilityEntry) => !v.unsupported?.includes(entry);
  const entry = (e: CapabilityEntry) => ({ supported: s(e), scopeName: `remote:${e}:write` });
  return {
    data: ['data:telemetry', 'data:position'],
    remote: {
      preconditioning: {
        ...entry('preconditioning'),
        parameters: { programs: { size: 4 }, immediate: true },
      },
      charging: {
        ...entry('charging'),
        parameters: {
          immediate: { start: true, stop: true },
          schedule: { programs: { supported: true, size: 4 }, nextDelayedTime: true },
          preferences: { level: true, type: true },
        },
      },
      door: entry('door'),
      horn: entry('horn'),
      lights: entry('lights'),
      wakeup: entry('wakeup'),
      navigation: entry('navigation'),
      stolen: { supported: s('stolen') },
    },
  };
}
