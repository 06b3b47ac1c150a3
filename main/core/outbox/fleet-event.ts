// The event items the outbox forwards, in the fleet notification format (stellantis-api-notes.md N5).
import type { RemoteAction, RemoteEvent } from '../domain/action.js';

/** The VIN of test notifications: clearly not a vehicle. */
export const TEST_VIN = 'DEPOTREMOTETEST00';

/** The fleet notification's event item, from what the ingest stored; the action gives the VIN the network may omit. */
export function fleetEvent(action: RemoteAction, raw: RemoteEvent): Record<string, unknown> {
  const s = raw.eventStatus;
  const eventStatus: Record<string, unknown> = { type: s.type, status: s.status };
  if (s.type === 'Done' && s.failureCause !== undefined) eventStatus.failureCause = s.failureCause;
  if (s.type === 'Done' && s.feedbackDetail !== undefined) eventStatus.feedbackDetail = s.feedbackDetail;
  return {
    remoteActionId: action.id,
    vin: action.vin,
    eventDate: raw.eventDate,
    remoteType: raw.remoteType,
    eventStatus,
  };
}

/** A test notification's single event: a successful Done of a made-up action, marked by its id and VIN. */
export function testEvent(deliveryId: string, remoteType: string, now: string): Record<string, unknown> {
  return {
    remoteActionId: `depot-test-${deliveryId}`,
    vin: TEST_VIN,
    eventDate: now,
    remoteType,
    eventStatus: { type: 'Done', status: 'Success' },
  };
}
