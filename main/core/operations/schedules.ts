// Schedules: list, read, create, replace, pause or resume, delete, and their runs. The service asks the access
// guard (supervisors and admins write); the body's remote is the domain parser's to check.
import type { SchedulesService } from '../services/schedules-service.js';
import type { OperationHandlers } from './ports.js';

type ScheduleOperations =
  | 'listSchedules'
  | 'createSchedule'
  | 'getSchedule'
  | 'replaceSchedule'
  | 'deleteSchedule'
  | 'setScheduleStatus'
  | 'listScheduleRuns';

export function scheduleHandlers(schedules: SchedulesService): Pick<OperationHandlers, ScheduleOperations> {
  return {
    listSchedules: () => schedules.list(),
    createSchedule: ({ body }, { actor }) => schedules.create(body, actor),
    getSchedule: ({ id }) => schedules.get(id),
    replaceSchedule: ({ id, body }, { actor }) => schedules.replace(id, body, actor),
    deleteSchedule: ({ id }, { actor }) => schedules.remove(id, actor),
    setScheduleStatus: ({ id, body }, { actor }) => schedules.setStatus(id, body, actor),
    listScheduleRuns: ({ id, limit, offset }) => schedules.runs(id, { limit, offset }),
  };
}
