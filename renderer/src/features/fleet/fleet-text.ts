// The words of a vehicle's condition (issues 15, 17): its states, readiness, what to do, where each state was learnt
// and the wake-ups. The agent sends codes and parameters only; every sentence a person reads about them comes from
// the fleet catalog, read when shown (the language can change while the app runs).
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
import { formatDate } from '../../i18n/format.js';
import { t } from '../../i18n/index.js';

/** A state in a word or two, as a chip reads. */
export function stateLabel(state: VehicleState): string {
  return t(`fleet:state.${state}`);
}

/** Whether a command can go now, in a word or two. */
export function readinessLabel(code: VehicleReadiness): string {
  return t(`fleet:readiness.${code}`);
}

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

/** A privacy level as the status says it (None, Geolocation, Full), worded; an unknown one as sent. */
export function privacyLabel(level: string): string {
  return t('fleet:privacy.level', { level });
}

/**
 * What to do, in one sentence that follows the readiness's word (a title, a chip): it does not say it again. `now`
 * for the ages ("last activity 9 days ago").
 */
const NEXT_STEP_TEXT = {
  'follow-stolen-procedure': () => t('fleet:nextStep.followStolenProcedure'),
  'lift-immobilization-before-use': () => t('fleet:nextStep.liftImmobilization'),
  'drive-vehicle': (p, now) => {
    const last = str(p, 'lastActivityAt');
    return last
      ? t('fleet:nextStep.driveVehicleSince', { age: ageText(last, now) })
      : t('fleet:nextStep.driveVehicle');
  },
  'ask-driver-to-lift-privacy': (p) => {
    const privacy = str(p, 'privacy');
    return privacy
      ? t('fleet:nextStep.liftPrivacy', { privacy: privacyLabel(privacy) })
      : t('fleet:nextStep.liftPrivacyUnknown');
  },
  'wait-for-next-month': (p) => {
    const resetsAt = str(p, 'resetsAt');
    return resetsAt
      ? t('fleet:nextStep.waitForNextMonth', { day: formatDate(resetsAt) })
      : t('fleet:nextStep.waitForNextMonthUnknown');
  },
  'expect-wake-up-delay': (p) => {
    const left = str(p, 'wakeUpsLeft');
    return left
      ? t('fleet:nextStep.expectWakeUpDelayLeft', { left: Number(left) })
      : t('fleet:nextStep.expectWakeUpDelay');
  },
  'refresh-status': () => t('fleet:nextStep.refreshStatus'),
  none: () => t('fleet:nextStep.none'),
} as const satisfies Record<ReadinessNextStep, (params: Params, now: number) => string>;

export function nextStepText(readiness: ReadinessDto, now: number): string {
  return NEXT_STEP_TEXT[readiness.nextStep](readiness.params, now);
}

/** Where a state was learnt, as the vehicle page says it after the state. */
const SOURCE_TEXT = {
  action: (s, now) => t('fleet:source.action', { age: ageText(s.at, now) }),
  status: (s, now) =>
    s.at ? t('fleet:source.status', { age: ageText(s.at, now) }) : t('fleet:source.statusLast'),
  simulator: () => t('fleet:source.simulator'),
  'wake-up-count': () => t('fleet:source.wakeUpCount'),
  'network-refusal': (s, now) => t('fleet:source.networkRefusal', { age: ageText(s.at, now) }),
} as const satisfies Record<VehicleStateSource, (source: StateSourceDto, now: number) => string>;

/** A state's detail, where it has one: the privacy level, the open doors (each worded). */
export function stateDetailText(state: VehicleState, source: StateSourceDto | undefined): string | null {
  if (!source?.detail) return null;
  if (state === 'DoorsOpen') {
    return source.detail
      .split(',')
      .map((door) => t('fleet:status.door', { door }))
      .join(', ');
  }
  if (state === 'PrivacyMode') return privacyLabel(source.detail);
  return source.detail;
}

/** For these states the status's time is the vehicle's own (its last report, its last trip), not the read's. */
const STATUS_TIMES: Partial<Record<VehicleState, (age: string) => string>> = {
  Asleep: (age) => t('fleet:source.asleep', { age }),
  DeepSleepRisk: (age) => t('fleet:source.deepSleep', { age }),
};

export function sourceText(state: VehicleState, source: StateSourceDto, now: number): string {
  const own = STATUS_TIMES[state];
  if (source.source === 'status' && own && source.at) return own(ageText(source.at, now));
  return SOURCE_TEXT[source.source](source, now);
}

export function sourceTitle(source: StateSourceDto): string | undefined {
  return source.at ? clockText(source.at) : undefined;
}

/** The wake-ups panel's lines. */
export const wakeUpsText = {
  used: (w: WakeUpsDto) => t('fleet:wakeUps.used', { used: w.usedThisMonth, budget: w.budget }),
  resets: (w: WakeUpsDto) => t('fleet:wakeUps.resets', { day: formatDate(w.resetsAt) }),
  refused: (w: WakeUpsDto, now: number) =>
    w.refusedByNetworkAt ? t('fleet:wakeUps.refused', { age: ageText(w.refusedByNetworkAt, now) }) : null,
};

/** The line in the send area before a command to a vehicle that sleeps, or that the network will refuse. */
export const sendWarningText = {
  willWake: (name: string, left: number) => t('fleet:sendWarning.willWake', { name, left }),
  noWakeUpsLeft: (name: string, resetsAt: string) =>
    t('fleet:sendWarning.noWakeUpsLeft', { name, day: formatDate(resetsAt) }),
  deepSleep: (name: string) => t('fleet:sendWarning.deepSleep', { name }),
  privacy: (name: string) => t('fleet:sendWarning.privacy', { name }),
};
