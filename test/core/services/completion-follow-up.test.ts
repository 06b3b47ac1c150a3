// The rules the agent applies once an action completes (services/completion-follow-up.ts), on a real store: a
// refusal as not allowed marks the feature unavailable, any other outcome does not, and the host is told first.
import { describe, expect, it } from 'vitest';
import type { RemoteAction } from '../../../main/core/domain/action.js';
import { createEventBus } from '../../../main/core/events/event-bus.js';
import { manualClock } from '../../../main/core/ports/clock.js';
import { silentLogger } from '../../../main/core/ports/logger.js';
import { createCompletionFollowUp } from '../../../main/core/services/completion-follow-up.js';
import { createVehiclesService } from '../../../main/core/services/vehicles-service.js';
import { remoteAction } from '../../helpers/remote-action.js';
import { scriptedConnector } from '../../helpers/scripted-connector.js';
import { useStore, vehicle } from '../db/db-fixtures.js';

const store = useStore();

function followUp(inBulk: readonly string[] = []) {
  const { repos } = store();
  repos.vehicles.upsertMany([vehicle({ id: 'veh-1' })]);
  const clock = manualClock();
  const bus = createEventBus((err) => {
    throw err;
  });
  const vehicles = createVehiclesService({ repos, connector: scriptedConnector(), clock, bus });
  const told: RemoteAction[] = [];
  const notifier = createCompletionFollowUp({
    notifier: { actionCompleted: (a) => told.push(a) },
    vehicles,
    clock,
    logger: silentLogger,
    partOfBulk: (id) => inBulk.includes(id),
  });
  const doors = () => vehicles.get('veh-1').capabilities.Doors;
  return { notifier, told, doors };
}

const failed = (failureCause: string) =>
  remoteAction({ phase: 'Done', outcome: 'Failed', failureCause, type: 'Doors' });

describe('completion follow-up', () => {
  it.each(['MissingRights', 'WrongCommand'])('%s marks the feature unavailable, with the cause', (cause) => {
    const { notifier, told, doors } = followUp();
    notifier.actionCompleted(failed(cause));
    expect(told).toHaveLength(1);
    expect(doors()).toEqual({
      supported: false,
      reason: 'network-refused',
      params: { failureCause: cause, at: expect.any(String) },
    });
  });

  it('a command sent as part of a bulk is not told to the person (the bulk says once), but still teaches the agent', () => {
    const { notifier, told, doors } = followUp(['in-bulk']);
    notifier.actionCompleted({ ...failed('MissingRights'), id: 'in-bulk' });
    expect(told).toHaveLength(0);
    expect(doors()).toMatchObject({ supported: false, params: { failureCause: 'MissingRights' } });
    notifier.actionCompleted({ ...failed('VehicleConnectionTimeout'), id: 'alone' });
    expect(told.map((a) => a.id)).toEqual(['alone']);
  });

  it('another failure cause leaves the feature available', () => {
    const { notifier, told, doors } = followUp();
    notifier.actionCompleted(failed('VehicleConnectionTimeout'));
    expect(told).toHaveLength(1);
    expect(doors()).toEqual({ supported: true });
  });
});
