// What a vehicle answers once a command reaches it (the last step of the sequence in stellantis-api-notes.md
// N4), and how a success changes it. Each rule is one line of the outcome table in README.md; the network's
// pre-checks (rights, same action in progress, battery, wake-up quota) are in fleet-engine.ts because they
// end the flow before the vehicle is contacted.
import type {
  RemoteBody,
  RemoteCharging,
  RemoteDoors,
  RemoteNavigation,
  RemotePreconditioning,
  RemoteStolen,
} from '../../domain/remote/remote-body.js';
import type { RemoteType } from '../../domain/remote-type.js';
import type { FailureCause, FeedbackDetail } from '../../domain/status.js';
import { chargeLimit } from './vehicle-status.js';
import type { SimVehicle, StoredPreconditioningProgram } from './vehicle-state.js';

export type Outcome =
  | { status: 'Success'; feedbackDetail?: FeedbackDetail }
  | { status: 'AlreadyDone' }
  | { status: 'Failed'; failureCause: FailureCause };

const success = (feedbackDetail?: FeedbackDetail): Outcome =>
  feedbackDetail ? { status: 'Success', feedbackDetail } : { status: 'Success' };
const alreadyDone: Outcome = { status: 'AlreadyDone' };
const failed = (failureCause: FailureCause): Outcome => ({ status: 'Failed', failureCause });
const changedOr = (changed: boolean): Outcome => (changed ? success() : alreadyDone);

/** Privacy `Full` blocks every remote but these: recovering a stolen vehicle overrides privacy. */
export const PRIVACY_EXEMPT: readonly RemoteType[] = ['Stolen', 'Immobilization'];

/** Commands a vehicle in stolen mode refuses: the ones that would help whoever has it. */
export function refusedWhenStolen(type: RemoteType, body: RemoteBody): boolean {
  if ('door' in body) return body.door.state === 'Unlocked';
  if ('immobilization' in body) return !body.immobilization.activate;
  if ('stolen' in body) return 'immobilization' in body.stolen && !body.stolen.immobilization.activate;
  return type === 'ThermalPreconditioning' || type === 'Navigation';
}

/** Commands a vehicle being driven refuses; navigation is what it accepts on the move. */
export function refusedInUse(type: RemoteType, body: RemoteBody): boolean {
  if ('immobilization' in body) return body.immobilization.activate;
  if ('stolen' in body) return 'immobilization' in body.stolen && body.stolen.immobilization.activate;
  if ('charging' in body) return body.charging.immediate === true;
  if ('preconditioning' in body) return body.preconditioning.airConditioning.immediate === true;
  return type === 'Doors' || type === 'Horn' || type === 'Lights';
}

export interface ExecuteContext {
  nowIso: string;
  /** A fresh opaque id (the stolen declaration's). */
  newId(): string;
}

/** Runs the command on the vehicle: the answer, with the vehicle changed on success. */
export function executeOnVehicle(
  v: SimVehicle,
  type: RemoteType,
  body: RemoteBody,
  ctx: ExecuteContext,
): Outcome {
  if (v.privacy === 'Full' && !PRIVACY_EXEMPT.includes(type))
    return failed('NotPossibleDueToVehiclePrivacyLevel');
  if (v.privacy === 'Geolocation' && type === 'Navigation')
    return failed('NotPossibleDueToVehiclePrivacyLevel');
  if (v.stolen.active && refusedWhenStolen(type, body)) return failed('NotPossibleDueToVehicleStolenState');
  if (v.ignition !== 'Stop' && refusedInUse(type, body)) return failed('VehicleInUse');

  if ('door' in body) return doors(v, body.door);
  if ('horn' in body) {
    if (body.horn.state === 'Unactivated') return alreadyDone; // the horn is momentary: already silent
    v.horn.lastSoundedAt = ctx.nowIso;
    return success();
  }
  if ('lights' in body) {
    if (!body.lights.on) return alreadyDone; // the flash (about 10 s) is over by the time a stop arrives
    v.lights.lastFlashedAt = ctx.nowIso;
    return success();
  }
  if ('wakeUp' in body) return success(); // the refresh is the point (stellantis-api-notes.md N12.3)
  if ('charging' in body) return charging(v, body.charging);
  if ('preconditioning' in body) return preconditioning(v, body.preconditioning, ctx.nowIso);
  if ('immobilization' in body) return immobilization(v, body.immobilization.activate);
  if ('stolen' in body) return stolen(v, body.stolen, ctx);
  if ('navigation' in body) return navigation(v, body.navigation, ctx.nowIso);
  return failed('WrongCommand');
}

function doors(v: SimVehicle, d: RemoteDoors): Outcome {
  if (d.state === 'Unlocked') {
    if (!v.doors.locked) return alreadyDone;
    v.doors.locked = false;
    return success();
  }
  if (v.doors.locked) return alreadyDone;
  if (v.doors.open.length > 0) return failed('DoorsOpen');
  if (v.keyInside) {
    // A forced lock is honoured and says the key was not blacklisted (stellantis-api-notes.md N4).
    if (!d.forced) return failed('CidInside');
    v.doors.locked = true;
    return success('NoCIDBlacklisted');
  }
  v.doors.locked = true;
  return success();
}

function charging(v: SimVehicle, c: RemoteCharging): Outcome {
  const e = v.electric;
  if (!e) return failed('WrongCommand');
  const schedule = c.schedule;
  const programs = schedule && 'programs' in schedule ? schedule.programs : undefined;
  if (programs) {
    const size = v.profile.chargingPrograms;
    if (size === 0 || programs.some((p) => p.slot > size)) return failed('WrongCommand');
  }
  // No cable: nothing on the charging-station side to draw from.
  if (c.immediate === true && !e.plugged) return failed('ExternalChargingSystemError');

  let changed = false;
  if (c.preferences) {
    const next = { ...e.preferences, ...c.preferences };
    changed ||= JSON.stringify(next) !== JSON.stringify(e.preferences);
    e.preferences = next;
  }
  if (programs) {
    const bySlot = new Map(e.programs.map((p) => [p.slot, p]));
    for (const p of programs) bySlot.set(p.slot, structuredClone(p));
    const next = [...bySlot.values()].sort((a, b) => a.slot - b.slot);
    changed ||= JSON.stringify(next) !== JSON.stringify(e.programs);
    e.programs = next;
  }
  if (schedule && 'nextDelayedTime' in schedule) {
    changed ||= e.nextDelayedTime !== schedule.nextDelayedTime;
    e.nextDelayedTime = schedule.nextDelayedTime;
  }
  if (c.immediate === true && e.charging !== 'InProgress' && e.level < chargeLimit(v)) {
    e.charging = 'InProgress';
    changed = true;
  }
  if (c.immediate === false && e.charging === 'InProgress') {
    // Stopping re-arms the delayed charge: nextDelayedTime stays (stellantis-api-notes.md N3).
    e.charging = 'Stopped';
    changed = true;
  }
  return changedOr(changed);
}

function preconditioning(v: SimVehicle, p: RemotePreconditioning, nowIso: string): Outcome {
  const { immediate, programs } = p.airConditioning;
  const size = v.profile.preconditioningPrograms;
  if (programs?.some((program) => program.slot > size)) return failed('WrongCommand');
  // Air conditioning runs only with the doors locked (stellantis-api-notes.md N3, preconditioning).
  if (immediate === true && !v.doors.locked) return failed('VehicleIsNotLocked');

  const pre = v.preconditioning;
  let changed = false;
  if (programs) {
    const bySlot = new Map(pre.programs.map((program) => [program.slot, program]));
    for (const program of programs) {
      if (program.actionsType === 'Delete') {
        const deleted = bySlot.delete(program.slot);
        changed ||= deleted;
      } else {
        const stored: StoredPreconditioningProgram = {
          slot: program.slot,
          enabled: program.enabled,
          recurrence: program.recurrence ?? 'Daily',
          start: program.start,
          occurence: structuredClone(program.occurence),
        };
        changed ||= JSON.stringify(bySlot.get(program.slot)) !== JSON.stringify(stored);
        bySlot.set(program.slot, stored);
      }
    }
    pre.programs = [...bySlot.values()].sort((a, b) => a.slot - b.slot);
  }
  if (immediate === true && pre.status !== 'Enabled') {
    pre.status = 'Enabled';
    pre.startedAt = nowIso;
    changed = true;
  }
  // An explicit stop; `immediate: false` next to programs only means "no immediate run".
  if (immediate === false && !programs && pre.status === 'Enabled') {
    pre.status = 'Disabled';
    pre.startedAt = null;
    changed = true;
  }
  return changedOr(changed);
}

function immobilization(v: SimVehicle, activate: boolean): Outcome {
  if (v.immobilized === activate) return alreadyDone;
  v.immobilized = activate;
  return success();
}

function stolen(v: SimVehicle, s: RemoteStolen, ctx: ExecuteContext): Outcome {
  if ('immobilization' in s) return immobilization(v, s.immobilization.activate);
  if ('trackingPeriod' in s) {
    const next = { ...v.stolen.tracking, ...s.trackingPeriod };
    const changed = JSON.stringify(next) !== JSON.stringify(v.stolen.tracking);
    v.stolen.tracking = next;
    return changedOr(changed);
  }
  if (v.stolen.active === s.stolen) return alreadyDone;
  if (s.stolen) {
    // In stolen mode the vehicle stays awake and reports its position regularly (stellantis-api-notes.md N3).
    v.stolen = { ...v.stolen, active: true, id: ctx.newId(), since: ctx.nowIso };
    v.connectivity = 'awake';
  } else {
    v.stolen = { ...v.stolen, active: false, id: null, since: null };
  }
  return success();
}

function navigation(v: SimVehicle, n: RemoteNavigation, nowIso: string): Outcome {
  const points = structuredClone(n.positions);
  const destination = points.pop();
  if (!destination) return failed('WrongCommand');
  v.navigation = { destination, waypoints: points, receivedAt: nowIso };
  return success();
}
