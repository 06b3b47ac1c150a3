// An action that changes what a vehicle's condition says is told as a change of that vehicle too, so live clients
// see its states and wake-up count move at once, not at its next status read (which may not come: offline).
import type { ActionRecord } from '../db/index.js';
import type { EventBus } from '../events/event-bus.js';

/** Immobilization or Stolen done, a wake-up (step, WakeUp remote accepted), the network refusing a wake-up. */
export function changesVehicleCondition(a: ActionRecord): boolean {
  if (a.phase === 'Done' && (a.type === 'Immobilization' || a.type === 'Stolen')) return true;
  if (a.status === 'WakingUpVehicle' || a.status === 'TooManyWakeUpsOverMonth') return true;
  if (a.failureCause === 'TooManyWakeUpsOverMonth') return true;
  return a.type === 'WakeUp' && a.phase === 'Pending';
}

/** Subscribes for the core's life; returns the unsubscribe. */
export function watchVehicleConditions(bus: EventBus): () => void {
  return bus.subscribe((event) => {
    if (event.type === 'action.changed' && changesVehicleCondition(event.action))
      bus.publish({ type: 'vehicle.changed', vehicleId: event.action.vehicleId });
  });
}
