// The words of a vehicle's condition (issue 15): its states, readiness, what to do, where each state was learnt and
// the wake-ups. The agent sends codes and parameters only; every sentence a person reads about them is here, keyed
// by the contract's codes (a missing code fails to compile), so a translation replaces this one file.
import type {
  ReadinessDto,
  StateSourceDto,
  WakeUpsDto,
} from '../../../../preload/contract/vehicle-states.js';
import type {
  ReadinessNextStep,
  VehicleReadiness,
  VehicleState,
  VehicleStateSource,
} from '../../../../preload/contract/vocabulary.js';
import { ageText, clockText } from '../../components/time-text.js';

/** A state in a word or two, as a chip reads. */
export const STATE_LABELS = {
  Stolen: 'Stolen',
  Immobilized: 'Immobilized',
  DeepSleepRisk: 'Deep sleep risk',
  NoWakeUpsLeft: 'No wake-ups left',
  Asleep: 'Asleep',
  PrivacyMode: 'Privacy mode',
  DoorsOpen: 'Door open',
  Unlocked: 'Unlocked',
  Charging: 'Charging',
  Plugged: 'Plugged in',
} as const satisfies Record<VehicleState, string>;

/** Whether a command can go now, in a word or two. */
export const READINESS_LABELS = {
  stolen: 'Stolen',
  immobilized: 'Immobilized',
  'deep-sleep': 'Deep sleep',
  privacy: 'Privacy mode',
  'no-wake-ups-left': 'No wake-ups left',
  'will-wake': 'Asleep',
  unknown: 'Status unknown',
  ready: 'Ready',
} as const satisfies Record<VehicleReadiness, string>;

/** The state a readiness already says, so a row does not say it twice. */
export const READINESS_STATES: Readonly<Record<VehicleReadiness, readonly VehicleState[]>> = {
  stolen: ['Stolen'],
  immobilized: ['Immobilized'],
  'deep-sleep': ['DeepSleepRisk'],
  privacy: ['PrivacyMode'],
  'no-wake-ups-left': ['NoWakeUpsLeft', 'Asleep'],
  'will-wake': ['Asleep'],
  unknown: [],
  ready: [],
};

type Params = ReadinessDto['params'];
const str = (params: Params, key: string): string | undefined => {
  const v = params[key];
  return v === undefined || v === '' ? undefined : String(v);
};
const dayText = (iso: string | undefined) =>
  iso
    ? new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'long', timeZone: 'UTC' })
    : 'next month';

/**
 * What to do, in one sentence that follows the readiness's word (a title, a chip): it does not say it again. `now`
 * for the ages ("last activity 9 days ago").
 */
export const NEXT_STEP_TEXT = {
  'follow-stolen-procedure': () =>
    "Follow the depot's stolen-vehicle procedure before sending it anything else.",
  'lift-immobilization-before-use': () =>
    'It will not start: a supervisor lifts the immobilization before it is used.',
  'drive-vehicle': (p, now) => {
    const last = str(p, 'lastActivityAt');
    return `Every command fails until someone drives it${last ? ` (last activity ${ageText(last, now)})` : ''}.`;
  },
  'ask-driver-to-lift-privacy': (p) =>
    `Privacy is set to ${str(p, 'privacy') ?? 'on'}: it refuses remote commands. Ask the driver to turn privacy off in the vehicle.`,
  'wait-for-next-month': (p) =>
    `Asleep with no wake-ups left this month (estimated): commands fail until ${dayText(str(p, 'resetsAt'))}. Send them after a trip, while it is awake.`,
  'expect-wake-up-delay': (p) => {
    const left = str(p, 'wakeUpsLeft');
    return `A command wakes it first (about half a minute) and uses one wake-up${left ? ` (${left} left this month, estimated)` : ''}.`;
  },
  'refresh-status': () => 'No status read yet: send a State refresh to learn how it is.',
  none: () => 'Commands go straight away.',
} as const satisfies Record<ReadinessNextStep, (params: Params, now: number) => string>;

export function nextStepText(readiness: ReadinessDto, now: number): string {
  return NEXT_STEP_TEXT[readiness.nextStep](readiness.params, now);
}

/** Where a state was learnt, as the vehicle page says it after the state. */
export const SOURCE_TEXT = {
  action: (s, now) => `from the command that reached Done ${ageText(s.at, now)}`,
  status: (s, now) => (s.at ? `from the status read ${ageText(s.at, now)}` : 'from the last status read'),
  simulator: () => "from the simulator's own state (the network's status has no such field)",
  'wake-up-count': () => 'from the wake-ups counted on this workstation this month',
  'network-refusal': (s, now) => `the network refused a wake-up ${ageText(s.at, now)}`,
} as const satisfies Record<VehicleStateSource, (source: StateSourceDto, now: number) => string>;

/** A state's detail, where it has one: the privacy level, the open doors. */
export function stateDetailText(state: VehicleState, source: StateSourceDto | undefined): string | null {
  if (!source?.detail) return null;
  if (state === 'DoorsOpen') return source.detail.split(',').join(', ');
  return source.detail;
}

/** For these states the status's time is the vehicle's own (its last report, its last trip), not the read's. */
const STATUS_TIMES: Partial<Record<VehicleState, (age: string) => string>> = {
  Asleep: (age) => `from the status: last reported ${age}`,
  DeepSleepRisk: (age) => `from the status: last ignition, trip or position ${age}`,
};

export function sourceText(state: VehicleState, source: StateSourceDto, now: number): string {
  const own = STATUS_TIMES[state];
  if (source.source === 'status' && own && source.at) return own(ageText(source.at, now));
  return SOURCE_TEXT[source.source](source, now);
}

export function sourceTitle(source: StateSourceDto): string | undefined {
  return source.at ? clockText(source.at) : undefined;
}

export const WAKE_UPS_TEXT = {
  title: 'Wake-ups this month',
  used: (w: WakeUpsDto) => `${w.usedThisMonth} of ${w.budget} used`,
  estimated: 'Estimated: counted on this workstation; Stellantis does not publish the real limit.',
  resets: (w: WakeUpsDto) => `Starts again on ${dayText(w.resetsAt)}.`,
  refused: (w: WakeUpsDto, now: number) =>
    w.refusedByNetworkAt
      ? `The network refused a wake-up ${ageText(w.refusedByNetworkAt, now)}: none are left this month.`
      : null,
} as const;

/** The line in the send area before a command to a vehicle that sleeps, or that the network will refuse. */
export const SEND_WARNING_TEXT = {
  willWake: (name: string, left: number) =>
    `${name} is asleep: this command wakes it first (about half a minute) and uses one of its ${left} wake-ups left this month (estimated).`,
  noWakeUpsLeft: (name: string, resetsAt: string) =>
    `${name} is asleep and has no wake-ups left this month (estimated): this command will fail until ${dayText(resetsAt)}, unless the vehicle is awake.`,
  deepSleep: (name: string) =>
    `${name} is in deep sleep: this command will fail until someone drives the vehicle.`,
  privacy: (name: string) =>
    `${name} is in full privacy mode: the network will refuse this command until the driver turns it off.`,
} as const;

/** Quick actions on a fleet row. */
export const QUICK_TEXT = {
  horn: 'Horn',
  lock: 'Lock',
  sent: (what: string, name: string) => `${what} sent to ${name}.`,
  failed: (what: string, name: string, message: string) => `${what} to ${name} was not sent: ${message}`,
  inProgress: 'one is on its way',
  viewer: 'viewers cannot send commands',
  noCallback: 'no callback receives it: open the vehicle to choose one',
  cannot: (reason: string | undefined) => `not available: ${reason ?? 'not supported'}`,
} as const;
