// What a vehicle's last status (the fleet API's `Status`, api-b2b.yaml) says, read defensively: the status is
// kept as the network sent it, any part may be missing, and a missing part is unknown (null), never a guess.
// Each part carries its own `createdAt`: when the vehicle reported it.

/**
 * The simulator's own state, added to the statuses it answers under `_embedded.extension` (the fleet API's Status
 * has no immobilization field; its `stolen` object appears only while stolen). Absent from Stellantis statuses.
 */
export const SIMULATOR_STATE_KEY = 'depotSimulator';
export interface SimulatorState {
  immobilized: boolean;
  stolen: boolean;
}

export type PrivacyLevel = 'None' | 'Geolocation' | 'Full';

export interface StatusReadings {
  /** The newest `createdAt` of any part: when the vehicle last reported. */
  lastReportAt: string | null;
  /** The newest of the ignition and the position: what a trip or an ignition refreshes (deep sleep). */
  lastActivityAt: string | null;
  privacy: PrivacyLevel | null;
  charging: boolean | null;
  plugged: boolean | null;
  /** The doors reported open (empty: all closed). */
  openDoors: string[] | null;
  unlocked: boolean | null;
  /** The `stolen` object: its state and when it was set. */
  stolen: { state: boolean; at: string | null } | null;
  simulator: SimulatorState | null;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const objectAt = (v: unknown, key: string): Json | null => (isObject(v) && isObject(v[key]) ? v[key] : null);
const arrayAt = (v: unknown, key: string): unknown[] | null =>
  isObject(v) && Array.isArray(v[key]) ? v[key] : null;

/** An RFC 3339 date as the agent stores dates (UTC, milliseconds); null when there is none or it does not parse. */
export function isoDate(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const ms = Date.parse(v);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

const newest = (dates: (string | null)[]): string | null =>
  dates.reduce<string | null>((a, d) => (d !== null && (a === null || d > a) ? d : a), null);

const createdAt = (part: unknown): string | null => (isObject(part) ? isoDate(part.createdAt) : null);

function electricCharging(status: Json): Json[] {
  return (arrayAt(status, 'energies') ?? []).flatMap((energy) => {
    const charging = objectAt(objectAt(objectAt(energy, 'extension'), 'electric'), 'charging');
    return charging ? [charging] : [];
  });
}

function simulatorState(status: Json): SimulatorState | null {
  const s = objectAt(objectAt(objectAt(status, '_embedded'), 'extension'), SIMULATOR_STATE_KEY);
  if (!s || typeof s.immobilized !== 'boolean' || typeof s.stolen !== 'boolean') return null;
  return { immobilized: s.immobilized, stolen: s.stolen };
}

export function readStatus(status: Json): StatusReadings {
  const ignition = createdAt(status.ignition);
  const position = createdAt(objectAt(status.lastPosition, 'properties'));
  const energies = (arrayAt(status, 'energies') ?? []).map(createdAt);
  const airConditioning = createdAt(objectAt(status.preconditioning, 'airConditioning'));
  const parts = ['doorsState', 'privacy', 'battery', 'odometer', 'kinetic', 'environment'].map((k) =>
    createdAt(status[k]),
  );

  const privacyState = objectAt(status, 'privacy')?.state;
  const privacy =
    privacyState === 'None' || privacyState === 'Geolocation' || privacyState === 'Full'
      ? privacyState
      : null;

  const charging = electricCharging(status);
  const chargingStatuses = charging.map((c) => c.status).filter((s) => typeof s === 'string');
  const pluggedValues = charging.map((c) => c.plugged).filter((p) => typeof p === 'boolean');

  const doors = objectAt(status, 'doorsState');
  const opening = arrayAt(doors, 'opening');
  const lockedStates = (arrayAt(doors, 'lockedStates') ?? []).filter((s) => typeof s === 'string');

  const stolen = objectAt(status, 'stolen');
  return {
    lastReportAt: newest([ignition, position, ...energies, airConditioning, ...parts]),
    lastActivityAt: newest([ignition, position]),
    privacy,
    charging: chargingStatuses.length > 0 ? chargingStatuses.includes('InProgress') : null,
    plugged: pluggedValues.length > 0 ? pluggedValues.includes(true) : null,
    openDoors: opening
      ? opening.flatMap((d) =>
          isObject(d) && d.state === 'Open' && typeof d.identifier === 'string' ? [d.identifier] : [],
        )
      : null,
    // Unlocked, DriverDoorUnlocked, CargoDoorsUnlocked, TrunkUnLocked…: any part unlocked.
    unlocked: lockedStates.length > 0 ? lockedStates.some((s) => /unlocked/i.test(s)) : null,
    stolen:
      stolen && typeof stolen.state === 'boolean'
        ? {
            state: stolen.state,
            at:
              isoDate(stolen.updatedAt) ??
              (stolen.state ? null : isoDate(stolen.endAt)) ??
              isoDate(stolen.createdAt) ??
              isoDate(stolen.startedAt),
          }
        : null,
    simulator: simulatorState(status),
  };
}
