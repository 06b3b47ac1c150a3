// A vehicle's status as the fleet API's `GET /fleets/{fid}/vehicles/{vid}/status` returns it (api-b2b.yaml
// `Status`): the last reading of each part, each stamped with its `createdAt`. Asleep vehicles report nothing
// new: their status is that of their last report until a WakeUp refreshes it (stellantis-api-notes.md N12.3).
import { timeOfDaySeconds } from '../../domain/remote/remote-formats.js';
import { monthOf } from './fleet-scenario.js';
import { PRECONDITIONING_RUN_MS } from './timing.js';
import { READINGS, type Reading, type SimVehicle } from './vehicle-state.js';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** Applies what time does by itself up to `nowMs`: charging progress, the end of a preconditioning run, a new month. */
export function settleVehicle(v: SimVehicle, nowMs: number): void {
  const elapsed = Math.max(0, nowMs - v.settledAt);
  v.settledAt = Math.max(v.settledAt, nowMs);
  const e = v.electric;
  if (e && e.charging === 'InProgress') {
    const limit = chargeLimit(v);
    e.level = Math.min(limit, Math.round((e.level + (e.ratePerHour * elapsed) / HOUR_MS) * 10) / 10);
    if (e.level >= limit) e.charging = 'Finished';
  }
  const p = v.preconditioning;
  if (p.status === 'Enabled' && p.startedAt && Date.parse(p.startedAt) + PRECONDITIONING_RUN_MS <= nowMs)
    p.status = 'Finished';
  const month = monthOf(nowMs);
  if (v.wakeUps.month !== month) v.wakeUps = { month, used: 0 };
}

/** The level at which charging stops: 80 % for a Partial preference, else full. */
export function chargeLimit(v: SimVehicle): number {
  return v.electric?.preferences.type === 'Partial' ? 80 : 100;
}

/** The vehicle reported now: every part, or only the given ones. */
export function refreshReadings(v: SimVehicle, nowIso: string, parts: readonly Reading[] = READINGS): void {
  for (const part of parts) v.readings[part] = nowIso;
}

/** ISO-8601 duration, minutes precision: PT1H5M. */
export function isoDuration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `PT${h > 0 ? `${h}H` : ''}${m > 0 || h === 0 ? `${m}M` : ''}`;
}

/** The status's `nextDelayedTime` is a duration until the next delayed charge (api-b2b.yaml EnergyCharging). */
function untilNextDelayedCharge(next: string, nowMs: number): string | undefined {
  const fromMidnight = timeOfDaySeconds(next);
  if (fromMidnight !== undefined) {
    const midnight = Math.floor(nowMs / DAY_MS) * DAY_MS;
    let at = midnight + fromMidnight * 1000;
    if (at <= nowMs) at += DAY_MS;
    return isoDuration(at - nowMs);
  }
  const at = Date.parse(next);
  return Number.isFinite(at) && at > nowMs ? isoDuration(at - nowMs) : undefined;
}

export interface StatusContext {
  fleetId: string;
  nowMs: number;
}

export function vehicleStatus(v: SimVehicle, { fleetId, nowMs }: StatusContext): Record<string, unknown> {
  const r = v.readings;
  const newest =
    READINGS.map((part) => r[part])
      .sort()
      .at(-1) ?? new Date(nowMs).toISOString();
  const base = `/fleets/${fleetId}/vehicles/${v.id}`;
  const energies: Record<string, unknown>[] = [];
  const e = v.electric;
  if (e) {
    const limit = chargeLimit(v);
    const nextDelayed = e.nextDelayedTime ? untilNextDelayedCharge(e.nextDelayedTime, nowMs) : undefined;
    energies.push({
      createdAt: r.energy,
      type: 'Electric',
      subType: 'ElectricEnergy',
      level: e.level,
      autonomy: Math.round((e.rangeKm * e.level) / 100),
      extension: {
        electric: {
          charging: {
            plugged: e.plugged,
            status: e.charging,
            chargingMode: e.charging === 'InProgress' ? 'Slow' : 'No',
            chargingRate: e.charging === 'InProgress' ? Math.round((e.rangeKm * e.ratePerHour) / 100) : 0,
            remainingTime: isoDuration(
              e.charging === 'InProgress' ? ((limit - e.level) / e.ratePerHour) * HOUR_MS : 0,
            ),
            ...(e.preferences.level ? { chargingPowerLevel: e.preferences.level } : {}),
            ...(e.preferences.type ? { type: e.preferences.type } : {}),
            ...(nextDelayed ? { nextDelayedTime: nextDelayed } : {}),
            ...(e.programs.length > 0 ? { schedule: { programs: structuredClone(e.programs) } } : {}),
          },
        },
      },
    });
  }
  if (v.fuel) {
    energies.push({
      createdAt: r.energy,
      type: 'Fuel',
      subType: 'FossilEnergy',
      level: v.fuel.level,
      autonomy: Math.round((v.fuel.rangeKm * v.fuel.level) / 100),
    });
  }
  const p = v.preconditioning;
  const status: Record<string, unknown> = {
    _links: {
      self: { href: `${base}/status` },
      vehicle: { href: base },
      fleet: { href: `/fleets/${fleetId}` },
    },
    vin: v.vin,
    createdAt: newest,
    updatedAt: newest,
    ignition: { createdAt: r.ignition, type: v.ignition },
    energies,
    doorsState: {
      createdAt: r.doors,
      lockedStates: [v.doors.locked ? 'Locked' : 'Unlocked'],
      opening: (['Driver', 'Passenger', 'RearLeft', 'RearRight', 'Trunk'] as const).map((identifier) => ({
        identifier,
        state: v.doors.open.includes(identifier) ? 'Open' : 'Closed',
      })),
    },
    privacy: { createdAt: r.privacy, state: v.privacy },
    battery: { createdAt: r.battery, voltage: v.auxBattery },
    odometer: { createdAt: r.odometer, mileage: v.mileageKm },
  };
  // Privacy hides the position: Geolocation and Full both withhold it.
  if (v.privacy === 'None') {
    status.lastPosition = {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [v.position.lon, v.position.lat] },
      properties: {
        createdAt: r.position,
        heading: v.position.heading,
        type: 'Acquire',
        signalQuality: v.latency > 1 ? 1 : 4,
        fixStatus: '3D',
      },
    };
  }
  if (!v.profile.unsupported.ThermalPreconditioning) {
    status.preconditioning = {
      airConditioning: {
        createdAt: r.preconditioning,
        status: p.status,
        ...(p.status === 'Enabled' ? { startingCause: 'Immediate' } : {}),
        ...(p.programs.length > 0 ? { programs: structuredClone(p.programs) } : {}),
      },
    };
  }
  if (v.stolen.active) {
    status.stolen = {
      _links: { self: { href: `${base}/stolen/${v.stolen.id}` }, vehicle: { href: base } },
      id: v.stolen.id,
      state: true,
      createdAt: v.stolen.since,
      startedAt: v.stolen.since,
    };
  }
  return status;
}
