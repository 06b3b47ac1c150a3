// A RemoteAction for pure domain tests: a pending door lock, with any field overridden.
import type { RemoteAction } from '../../main/core/domain/action.js';

export const ACTION_CREATED_AT = '2024-05-01T08:00:00Z';

export function remoteAction(overrides: Partial<RemoteAction> = {}): RemoteAction {
  return {
    id: 'ra-1',
    vehicleId: 'veh-1',
    vin: 'VF3ABCDE0FG123456',
    callbackId: 'cb-1',
    type: 'Doors',
    remote: { door: { state: 'Locked' } },
    phase: 'Pending',
    status: null,
    outcome: null,
    failureCause: null,
    feedbackDetail: null,
    error: null,
    operator: 'tech',
    reason: null,
    createdAt: ACTION_CREATED_AT,
    updatedAt: ACTION_CREATED_AT,
    doneAt: null,
    lastEventDate: null,
    ...overrides,
  };
}
