// What a bulk command makes of each vehicle before sending anything (issue 16): sent, or skipped with a reason
// rather than failing the lot. The same rule runs when the plan is made and again when the vehicle's turn comes
// (it may have changed meanwhile, or the agent restarted a day later). The vehicle's condition is the one the
// fleet view shows (vehicles-service.ts), so a vehicle skipped as stolen is the one the fleet view says is.
import type { BulkCountsDto } from '../../../preload/contract/routines.js';
import {
  BULK_ITEM_STATES,
  queuedOnlyWhenAsked,
  type BulkItemState,
  type BulkSkipReason,
  type RemoteType,
  type VehicleState,
  type WhenBusy,
} from '../../../preload/contract/vocabulary.js';

/** What the rule reads of a vehicle (a VehicleDto is one). */
export interface PlanVehicle {
  id: string;
  vin: string;
  label: string | null;
  capabilities: Partial<Record<RemoteType, { supported: boolean }>>;
  states: readonly VehicleState[];
}

export interface PlanRemote {
  type: RemoteType;
  remote: unknown;
  whenBusy: WhenBusy | null | undefined;
}

/**
 * Why the vehicle is left out, or null when it is sent. `busy`: a command of this feature is in flight or waiting
 * on it (only asked for the remotes queued only when asked: the others join the vehicle's queue).
 */
export function skipReasonOf(
  vehicle: PlanVehicle | null,
  remote: PlanRemote,
  busy: () => boolean,
): BulkSkipReason | null {
  if (!vehicle) return 'VEHICLE_GONE';
  if (vehicle.capabilities[remote.type]?.supported === false) return 'NOT_CAPABLE';
  if (vehicle.states.includes('Stolen') && remote.type !== 'Stolen') return 'STOLEN_MODE';
  if (needsFreeLane(remote) && busy()) return 'BUSY';
  // Asleep, it needs a wake-up; a state refresh is one.
  const wakes = vehicle.states.includes('Asleep') || remote.type === 'WakeUp';
  if (wakes && vehicle.states.includes('NoWakeUpsLeft')) return 'NO_WAKE_UPS_LEFT';
  return null;
}

/** Immobilization, Stolen and doors Unlocked go only to a free lane unless the bulk asked for the queue. */
export function needsFreeLane(remote: PlanRemote): boolean {
  return queuedOnlyWhenAsked(remote.type, remote.remote) && remote.whenBusy !== 'queue';
}

/** Seconds to send `queued` commands at `ratePerMinute`: the first goes at once, the others one interval apart. */
export function sendingSeconds(queued: number, ratePerMinute: number): number {
  return Math.round((Math.max(0, queued - 1) * 600) / ratePerMinute) / 10;
}

export function countsOf(items: readonly { state: BulkItemState }[]): BulkCountsDto {
  const counts = Object.fromEntries(BULK_ITEM_STATES.map((s) => [s, 0])) as Record<BulkItemState, number>;
  for (const item of items) counts[item.state] += 1;
  return { total: items.length, ...counts };
}
