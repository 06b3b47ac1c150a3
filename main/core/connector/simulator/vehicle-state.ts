// The mutable state of one simulated vehicle: what decides a remote's outcome, and what the status shows.
import type { ChargingProgram, GeoPoint, PreconditioningProgram } from '../../domain/remote/remote-body.js';
import type { Energy } from '../connector.js';
import type { CapabilityProfile } from './capabilities.js';

export type DoorId = 'Driver' | 'Passenger' | 'RearLeft' | 'RearRight' | 'Trunk';
export type ChargingStatus = 'Disconnected' | 'InProgress' | 'Failure' | 'Stopped' | 'Finished';
export type PrivacyState = 'None' | 'Geolocation' | 'Full';
/** A preconditioning program as the vehicle stores it (a `Set` program; `Delete` removes the slot). */
export type StoredPreconditioningProgram = Extract<PreconditioningProgram, { enabled: boolean }>;

/** Parts of the status, each stamped with when the vehicle last reported it (the spec's `createdAt`). */
export const READINGS = [
  'ignition',
  'position',
  'energy',
  'doors',
  'preconditioning',
  'privacy',
  'battery',
  'odometer',
] as const;
export type Reading = (typeof READINGS)[number];

export interface SimVehicle {
  readonly id: string;
  readonly vin: string;
  readonly label: string;
  readonly brand: string;
  readonly model: string;
  readonly energy: Energy;
  readonly profile: CapabilityProfile;
  /** The scenario this vehicle plays, and what a user can try on it (README.md). */
  readonly scenario: string;
  readonly demonstrates: string;

  /** `awake`: kept reachable (just parked, in use, stolen mode). `asleep`: must be woken first. */
  connectivity: 'awake' | 'asleep';
  /** Epoch ms until which an asleep vehicle stays reachable after a wake-up (3 min, extended by each message). */
  awakeUntil: number;
  /** Epoch ms at which an ongoing wake-up completes; 0 when none is running. */
  wakingUntil: number;
  /** No 15-minute trip in 7 days: connectivity is off until it is driven (stellantis-api-notes.md N9). */
  deepSleep: boolean;
  lastLongTripAt: string;
  /** Multiplies the vehicle's answer times (weak mobile coverage). */
  latency: number;
  /** Wake-ups used this calendar month (UTC), against the monthly quota. */
  wakeUps: { month: string; used: number };

  ignition: 'Stop' | 'StartUp' | 'Start';
  doors: { locked: boolean; open: DoorId[] };
  /** The key (CID) is inside the vehicle: locking is refused unless forced. */
  keyInside: boolean;
  /** 12 V auxiliary battery state of health, %. */
  auxBattery: number;
  privacy: PrivacyState;
  stolen: {
    active: boolean;
    id: string | null;
    since: string | null;
    tracking: { running?: number; shutdown?: number } | null;
  };
  immobilized: boolean;

  fuel: { level: number; rangeKm: number } | null;
  electric: {
    level: number;
    rangeKm: number;
    plugged: boolean;
    charging: ChargingStatus;
    /** Battery % gained per hour while charging. */
    ratePerHour: number;
    /** When the delayed charge starts: an RFC 3339 timestamp, or a duration from midnight (PT22H30M). */
    nextDelayedTime: string | null;
    programs: ChargingProgram[];
    preferences: { level?: string; type?: 'Partial' | 'Full' };
  } | null;
  preconditioning: {
    status: 'Enabled' | 'Disabled' | 'Finished' | 'Failure';
    startedAt: string | null;
    programs: StoredPreconditioningProgram[];
  };

  position: { lon: number; lat: number; heading: number };
  navigation: { destination: GeoPoint; waypoints: GeoPoint[]; receivedAt: string } | null;
  lights: { lastFlashedAt: string | null };
  horn: { lastSoundedAt: string | null };
  mileageKm: number;
  readings: Record<Reading, string>;
  /** Epoch ms up to which charging and preconditioning progress was applied. */
  settledAt: number;
}

/** A read-only, deep copy for views outside the engine. */
export type SimVehicleView = Readonly<SimVehicle>;

export function copyVehicle(v: SimVehicle): SimVehicleView {
  return structuredClone(v);
}
