// The words the core and every client share, each defined once: remote types, action phases and which of them
// count as "over", callback and delivery states, audit action names, reason lengths. It imports nothing, so the
// domain may import it (and only it) from the contract, and a client that misses a word fails to compile.

/** The nine remote features, by their fleet API `type` (stellantis-api-notes.md N3), in the spec's order. */
export const REMOTE_TYPES = [
  'ElectricBatteryChargingRequest',
  'Stolen',
  'Lights',
  'WakeUp',
  'ThermalPreconditioning',
  'Doors',
  'Horn',
  'Immobilization',
  'Navigation',
] as const;
export type RemoteType = (typeof REMOTE_TYPES)[number];

export function isRemoteType(value: unknown): value is RemoteType {
  return typeof value === 'string' && (REMOTE_TYPES as readonly string[]).includes(value);
}

/** Remote types whose sending needs a typed reason and goes to the audit log as a dangerous act. */
export const DANGEROUS_REMOTE_TYPES: readonly RemoteType[] = ['Immobilization', 'Stolen'];

export function isDangerous(type: RemoteType): boolean {
  return DANGEROUS_REMOTE_TYPES.includes(type);
}

/**
 * Where an action is in its life.
 * - Queued: stored, waiting its turn: a command of the same feature is in flight on the vehicle, the network is
 *   unreachable, or it waits for a wake-up (QUEUE_REASONS); it goes by itself, in order (docs/decisions.md, 21).
 * - Sending: stored locally, the connector has not answered yet.
 * - Pending: the network accepted it (202) and events are arriving.
 * - Done: the first Done event arrived; `outcome` says which.
 * - Refused: the network refused the send (no action exists upstream).
 * - Expired: a queued command whose expiry passed before it could leave; never sent.
 * - Cancelled: taken out of the queue before it was sent (by a person, or by the agent when the wake-up it waited
 *   for failed); never sent.
 * - TimedOut: accepted, but no outcome arrived in time. A late Done still completes it.
 */
export const ACTION_PHASES = [
  'Queued',
  'Sending',
  'Pending',
  'Done',
  'Refused',
  'Expired',
  'Cancelled',
  'TimedOut',
] as const;
export type ActionPhase = (typeof ACTION_PHASES)[number];

/** Why a Done Failed, as the network says (stellantis-api-notes.md N9). */
export const FAILURE_CAUSES = [
  'GeneralError',
  'VehicleError',
  'WrongCommand',
  'VehicleConnectionTimeout',
  'MissingRights',
  'NotPossibleDueToVehicleBatteryLevel',
  'NotPossibleDueToVehiclePrivacyLevel',
  'TooManyWakeUpsOverMonth',
  'TooManyRequestInShortTime',
  'SameActionInProgress',
  'NotPossibleDueToVehicleStolenState',
  'VehicleInUse',
  'TooManyRequestSent',
  'DoorsOpen',
  'VehicleErrorOrCidInside',
  'CidInside',
  'ExternalChargingSystemError',
  'VehicleChargingSystemError',
  'VehicleIsNotLocked',
  'CanceledByDriver',
] as const;
/** Known causes; unknown values from the network are kept as they arrive (stellantis-api-notes.md T17). */
export type FailureCause = (typeof FAILURE_CAUSES)[number];

/** How a Done action ended (the fleet API's Done statuses). AlreadyDone counts as a success. */
export const DONE_STATUSES = ['Success', 'AlreadyDone', 'Failed'] as const;
export type DoneStatus = (typeof DONE_STATUSES)[number];

// "Finished" has two real meanings, so there are two sets, and each use picks one:
// - TERMINAL: nothing can change the action any more. A TimedOut action is NOT terminal: the network may still
//   send its Done (a vehicle asleep for hours), and that late Done completes it. So everything that follows an
//   action for the network's sake uses TERMINAL: the lifecycle (which events still apply), the poller (keeps
//   reading a TimedOut action until its Done), who holds a reused network id.
// - SETTLED: a person should stop waiting. TimedOut is settled: the UI says "No answer", the action no longer
//   counts as in flight (the tray, "one command per vehicle and feature", the send form), and the next command of
//   the same feature goes (the queue). Everything that answers "is it over?" for a person uses SETTLED.
// A TimedOut action is therefore settled but not terminal: it is over for the technician, not for the agent. (So
// the UI notifies when an action settles, and once more when a TimedOut one gets its late Done.)

/** Phases nothing can change any more. */
export const TERMINAL_PHASES = [
  'Done',
  'Refused',
  'Expired',
  'Cancelled',
] as const satisfies readonly ActionPhase[];
export type TerminalPhase = (typeof TERMINAL_PHASES)[number];

/** Phases a person no longer waits on: the terminal ones, and TimedOut (which a late Done may still complete). */
export const SETTLED_PHASES = [...TERMINAL_PHASES, 'TimedOut'] as const satisfies readonly ActionPhase[];
export type SettledPhase = (typeof SETTLED_PHASES)[number];

export function isTerminal(phase: ActionPhase): phase is TerminalPhase {
  return (TERMINAL_PHASES as readonly ActionPhase[]).includes(phase);
}

export function isSettled(phase: ActionPhase): phase is SettledPhase {
  return (SETTLED_PHASES as readonly ActionPhase[]).includes(phase);
}

/**
 * Why a Queued action waits, besides its place behind a command of the same feature (no reason then), as codes the
 * clients word:
 * - NETWORK_UNREACHABLE: the network did not answer; it is tried again with a growing delay, and goes as soon as
 *   the network answers again.
 * - SEND_INTERRUPTED: a send may have started before the agent stopped; the agent asks the network for the
 *   vehicle's remotes before sending it, so it is never sent twice.
 * - WAKE_UP_FIRST: it goes once the wake-up sent before it succeeded (send again with wakeFirst).
 * - CALLBACK_PAUSED: its callback is paused; it goes once the callback runs again.
 */
export const QUEUE_REASONS = [
  'NETWORK_UNREACHABLE',
  'SEND_INTERRUPTED',
  'WAKE_UP_FIRST',
  'CALLBACK_PAUSED',
] as const;
export type QueueReason = (typeof QUEUE_REASONS)[number];

/** How a busy vehicle's feature is met: `queue` asks for the queue where the agent would otherwise refuse (409). */
export const WHEN_BUSY = ['refuse', 'queue'] as const;
export type WhenBusy = (typeof WHEN_BUSY)[number];

/** A callback's status, as the fleet API names it. Failed is only ever set by the network. */
export const CALLBACK_STATUSES = ['Running', 'Paused', 'Failed'] as const;
export type CallbackStatus = (typeof CALLBACK_STATUSES)[number];

/**
 * An outbound delivery's state.
 * - Queued: waiting for `nextAttemptAt` (or held: callback paused, target offline).
 * - InFlight: claimed by the dispatcher under a lease (back to Queued at the next start if the process died).
 * - Delivered: the webhook answered 2xx.
 * - Failed: the retry policy is exhausted (attempts, or the 3-day cap); a dead letter, can be replayed.
 * - Dead: given up for another reason (callback deleted, target unreachable past retention); a dead letter.
 */
export const DELIVERY_STATES = ['Queued', 'InFlight', 'Delivered', 'Failed', 'Dead'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/**
 * Every kind of act the audit log records, dotted. The core can write no other (its audit entries are typed by
 * this list) and the UI must word each one (its labels are keyed by it).
 */
export const AUDIT_ACTIONS = [
  'remote.send',
  'remote.queue',
  'remote.cancel',
  'remote.expire',
  'remote.resend',
  'remote.upstream-id-reassigned',
  'callback.create',
  'callback.replace',
  'callback.pause',
  'callback.resume',
  'callback.delete',
  'callback.test-notification',
  'delivery.retry',
  'delivery.retry-all',
  'quarantine.replay',
  'quarantine.resolve',
  'quarantine.drop',
  'settings.change',
  'secrets.forgotten',
  'audit.prune',
  'audit.export',
  'history.export',
  'access.denied',
  'session.sign-in',
  'session.sign-in-failed',
  'session.enrol',
  'operator.create',
  'operator.change',
  'operator.disable',
  'operator.delete',
  'operator.locked',
  'operator.unlock',
  'operator.pin-change',
  'token.create',
  'token.revoke',
  'policy.change',
  'group.create',
  'group.change',
  'group.delete',
  'bulk.start',
  'bulk.cancel',
  'bulk.finish',
  'schedule.create',
  'schedule.change',
  'schedule.pause',
  'schedule.resume',
  'schedule.delete',
  'schedule.run',
  'schedule.missed',
  'updates.settings-change',
  'updates.install',
  'backup.create',
  'backup.restore',
  'backup.settings-change',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** A dangerous remote's reason (X-Depot-Reason), trimmed: long enough to mean something in the audit log… */
export const REASON_MIN_LENGTH = 5;
/** …and short enough for one line of it. Also the bound of any reason a client sends. */
export const REASON_MAX_LENGTH = 500;
/** The operator's name a client gives (X-Depot-Operator). */
export const OPERATOR_MAX_LENGTH = 100;

/** Who may do what, lowest first: each role may do everything the roles before it may. */
export const ROLES = ['viewer', 'technician', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** True when `role` may do what `needed` may. */
export function roleAtLeast(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/** Who did something, as the audit log, the actions and the session record it. */
export interface ActorRef {
  kind: 'operator' | 'token' | 'machine' | 'system';
  /** The operator's or token's id; null for the machine token and the agent itself. */
  id: string | null;
  /** The operator's name, the token's label, "machine token", or the agent's part ("outbox"). */
  name: string;
  role: Role;
  /** A token's X-Depot-Operator: the person it says it acts for (not verified). */
  onBehalfOf?: string | null;
}

/** The supervisor (or admin) who approved one command on someone else's screen. */
export interface ApproverRef {
  id: string;
  name: string;
  role: Role;
}

/**
 * What the access policy gives a lowest role to: each remote feature, and separately the variants whose risk
 * differs (unlocking is not locking; lifting an immobilization is not setting one).
 */
export const POLICY_KEYS = [
  'Charging.start',
  'Charging.stop',
  'Charging.programs',
  'Stolen',
  'Lights',
  'State',
  'Preconditioning',
  'Doors.Locked',
  'Doors.Unlocked',
  'Horn',
  'Immobilization.activate',
  'Immobilization.deactivate',
  'Navigation',
] as const;
export type PolicyKey = (typeof POLICY_KEYS)[number];

type Body = Record<string, unknown>;
const obj = (v: unknown): Body => (typeof v === 'object' && v !== null ? (v as Body) : {});

/**
 * The policy keys a remote body falls under: its feature, or the variant where the risk differs (unlocking is not
 * locking; lifting an immobilization is not setting one). A Stolen request carrying an immobilization falls under
 * both. The agent decides with it (main/core/kernel/access-guard.ts); the UI says who may with the same rule.
 */
export function policyKeysOf(type: RemoteType, remote: unknown): PolicyKey[] {
  const body = obj(remote);
  switch (type) {
    case 'ElectricBatteryChargingRequest': {
      const charging = obj(body.charging);
      const keys: PolicyKey[] = [];
      if (charging.immediate === true) keys.push('Charging.start');
      if (charging.immediate === false) keys.push('Charging.stop');
      if (charging.schedule !== undefined || charging.preferences !== undefined)
        keys.push('Charging.programs');
      return keys.length > 0 ? keys : ['Charging.programs'];
    }
    case 'Doors':
      return [obj(body.door).state === 'Unlocked' ? 'Doors.Unlocked' : 'Doors.Locked'];
    case 'Immobilization':
      return [
        obj(body.immobilization).activate === false ? 'Immobilization.deactivate' : 'Immobilization.activate',
      ];
    case 'Stolen': {
      const immobilization = obj(obj(body.stolen).immobilization);
      if (immobilization.activate === true) return ['Stolen', 'Immobilization.activate'];
      if (immobilization.activate === false) return ['Stolen', 'Immobilization.deactivate'];
      return ['Stolen'];
    }
    case 'Lights':
      return ['Lights'];
    case 'WakeUp':
      return ['State'];
    case 'ThermalPreconditioning':
      return ['Preconditioning'];
    case 'Horn':
      return ['Horn'];
    case 'Navigation':
      return ['Navigation'];
  }
}

/**
 * Commands whose effect matters too much to happen later than the person thinks: immobilizing or lifting it,
 * stolen mode, unlocking. They are never queued silently: a busy feature (409) or an unreachable network (503)
 * refuses them unless the request asks for the queue (`whenBusy=queue`; docs/decisions.md, 21). The agent decides
 * with it, and the send form says so with the same rule.
 */
export const QUEUED_ONLY_WHEN_ASKED: readonly PolicyKey[] = [
  'Immobilization.activate',
  'Immobilization.deactivate',
  'Stolen',
  'Doors.Unlocked',
];

export function queuedOnlyWhenAsked(type: RemoteType, remote: unknown): boolean {
  return policyKeysOf(type, remote).some((key) => QUEUED_ONLY_WHEN_ASKED.includes(key));
}

/** The highest role the keys need; a key without a rule counts as the default, technician. */
export function roleNeeded(rules: Partial<Record<PolicyKey, Role>>, keys: readonly PolicyKey[]): Role {
  return keys.reduce<Role>((highest, key) => {
    const role = rules[key] ?? 'technician';
    return ROLES.indexOf(role) > ROLES.indexOf(highest) ? role : highest;
  }, 'technician');
}

/** An operator's PIN: digits only, at least this many… */
export const PIN_MIN_LENGTH = 6;
export const PIN_MAX_LENGTH = 12;
/** …or a password of at least this many characters. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;
/** An operator's or a token's name. */
export const NAME_MAX_LENGTH = 60;

/**
 * What the agent knows of a vehicle's condition (issue 15), each from a named source (VEHICLE_STATE_SOURCES). A
 * state the sources do not show is absent: unknown is never guessed.
 * - Stolen, Immobilized: the last Done of those features (or the network's own word where it has one).
 * - DeepSleepRisk: the last ignition or position is older than 7 days; every command fails until it is driven.
 * - NoWakeUpsLeft: the wake-ups counted this month reached the budget, or the network refused one for it.
 * - Asleep: at the last status read, the vehicle had not reported for longer than its awake window.
 * - PrivacyMode, DoorsOpen, Unlocked, Charging, Plugged: as the last status says.
 */
export const VEHICLE_STATES = [
  'Stolen',
  'Immobilized',
  'DeepSleepRisk',
  'NoWakeUpsLeft',
  'Asleep',
  'PrivacyMode',
  'DoorsOpen',
  'Unlocked',
  'Charging',
  'Plugged',
] as const;
export type VehicleState = (typeof VEHICLE_STATES)[number];

/**
 * Where a state was learnt: a remote that reached Done, the last status read, the simulator's own state (the
 * fleet API's status has no such field), the wake-ups counted here, the network refusing a wake-up this month.
 */
export const VEHICLE_STATE_SOURCES = [
  'action',
  'status',
  'simulator',
  'wake-up-count',
  'network-refusal',
] as const;
export type VehicleStateSource = (typeof VEHICLE_STATE_SOURCES)[number];

/** Whether a command can go now, the most pressing first (the order of `sort=state`). */
export const VEHICLE_READINESS = [
  'stolen',
  'immobilized',
  'deep-sleep',
  'privacy',
  'no-wake-ups-left',
  'will-wake',
  'unknown',
  'ready',
] as const;
export type VehicleReadiness = (typeof VEHICLE_READINESS)[number];

/** What to do about a vehicle's readiness, as a code the clients word. */
export const READINESS_NEXT_STEPS = [
  'follow-stolen-procedure',
  'lift-immobilization-before-use',
  'drive-vehicle',
  'ask-driver-to-lift-privacy',
  'wait-for-next-month',
  'expect-wake-up-delay',
  'refresh-status',
  'none',
] as const;
export type ReadinessNextStep = (typeof READINESS_NEXT_STEPS)[number];

/** The orders of the fleet list. `state` is VEHICLE_READINESS order, then the label. */
export const VEHICLE_SORTS = ['vin', 'label', 'statusAt', 'state'] as const;
export type VehicleSort = (typeof VEHICLE_SORTS)[number];

// ── Depot routines (issue 16): groups, bulk commands, schedules ──────────────────────────────────────────────

/**
 * Where one vehicle of a bulk command is:
 * - queued: planned, waiting for its turn under the pacing (`bulkRatePerMinute`); nothing sent yet.
 * - skipped: checked first and left out, with a `reason` (BULK_SKIP_REASONS); never sent.
 * - sent: handed to the vehicle's command queue as its own remote action (`remoteActionId`), which may still wait
 *   there behind a command of the same feature.
 * - done: that action reached Done with Success or AlreadyDone.
 * - failed: it ended Done/Failed, Refused or TimedOut (`outcome` says which).
 * - cancelled: the bulk was cancelled before this vehicle was sent, or its action was cancelled.
 * - expired: its action waited in the vehicle's queue past its expiry; never sent.
 */
export const BULK_ITEM_STATES = [
  'queued',
  'skipped',
  'sent',
  'done',
  'failed',
  'cancelled',
  'expired',
] as const;
export type BulkItemState = (typeof BULK_ITEM_STATES)[number];

/** Item states nothing changes any more. */
export const BULK_FINAL_ITEM_STATES = [
  'skipped',
  'done',
  'failed',
  'cancelled',
  'expired',
] as const satisfies readonly BulkItemState[];

/**
 * Why a vehicle of a bulk command was left out, as a code the clients word:
 * - NOT_CAPABLE: the vehicle cannot do this remote (its capabilities, or what the network taught the agent).
 * - STOLEN_MODE: the vehicle is in stolen mode; only Stolen itself may go.
 * - BUSY: the same feature is in flight and this remote is queued only when asked (Immobilization, Stolen, doors
 *   Unlocked without `whenBusy=queue`).
 * - NO_WAKE_UPS_LEFT: the vehicle is asleep and this month's wake-up budget is spent.
 * - VEHICLE_GONE: the vehicle is no longer in the fleet.
 * - REFUSED: the send itself was refused by a check (`detail` holds its error code).
 */
export const BULK_SKIP_REASONS = [
  'NOT_CAPABLE',
  'STOLEN_MODE',
  'BUSY',
  'NO_WAKE_UPS_LEFT',
  'VEHICLE_GONE',
  'REFUSED',
] as const;
export type BulkSkipReason = (typeof BULK_SKIP_REASONS)[number];

/** A bulk command is running until every vehicle's state is final; cancelled stops what was not sent. */
export const BULK_STATUSES = ['running', 'finished', 'cancelled'] as const;
export type BulkStatus = (typeof BULK_STATUSES)[number];

/** Days of a schedule's rule, ISO order (Monday first). */
export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A schedule runs at its times (Running) or not (Paused); the same words as a callback's status. */
export const SCHEDULE_STATUSES = ['Running', 'Paused'] as const;
export type ScheduleStatus = (typeof SCHEDULE_STATUSES)[number];

/**
 * What became of one planned time of a schedule:
 * - ran: a bulk command was started (`bulkId`), at the planned time or on start within the grace window.
 * - missed: the agent was off at the planned time and started after the grace window: nothing was sent.
 * - failed: the run could not start (`reason`: its creator no longer has the role, the group is gone, …).
 */
export const SCHEDULE_RUN_STATUSES = ['ran', 'missed', 'failed'] as const;
export type ScheduleRunStatus = (typeof SCHEDULE_RUN_STATUSES)[number];

/** Remote types a schedule may not send (a theft or immobilization is a person's decision, made at the time). */
export const UNSCHEDULABLE_REMOTE_TYPES: readonly RemoteType[] = ['Immobilization', 'Stolen'];
