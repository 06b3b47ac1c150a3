// The depot routines' part of the live wiring (app-stores.ts): their change events to their stores, and, when the
// stream comes back after a drop, what they had read is read again (events may have been missed meanwhile).
import type { ChangeEvent } from '../../../preload/contract/events.js';
import type { Stores } from './app-stores.js';

export function applyRoutineEvent(
  stores: Pick<Stores, 'groups' | 'bulks' | 'schedules'>,
  event: ChangeEvent,
) {
  switch (event.name) {
    case 'group.changed':
      stores.groups.getState().apply(event.data.groupId, event.data.group);
      break;
    case 'bulk.changed':
      stores.bulks.getState().apply(event.data.bulk);
      break;
    case 'schedule.changed':
      stores.schedules.getState().apply(event.data.scheduleId, event.data.schedule);
      break;
    default:
      break;
  }
}

export function reloadRoutines(stores: Pick<Stores, 'groups' | 'bulks' | 'schedules'>) {
  const { groups, bulks, schedules } = stores;
  if (groups.getState().status !== 'idle') void groups.getState().load();
  if (schedules.getState().status !== 'idle') void schedules.getState().load();
  for (const id of Object.keys(schedules.getState().runs)) void schedules.getState().loadRuns(id);
  if (bulks.getState().status !== 'idle') void bulks.getState().loadRecent();
  for (const id of Object.keys(bulks.getState().details)) void bulks.getState().open(id);
}
