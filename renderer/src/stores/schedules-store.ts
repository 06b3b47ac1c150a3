// Schedules (issue 16): a remote sent to a group or vehicles on set days at a set time of the site. Kept current by
// schedule.changed (a run changes the schedule's last run and next time: its runs, when shown, are read again).
import { createStore } from 'zustand/vanilla';
import type { ClientFailure, DepotRemoteClient } from '../../../preload/contract/client.js';
import { asClientFailure } from '../../../preload/contract/client.js';
import type { ScheduleBodyDto, ScheduleDto, ScheduleRunDto } from '../../../preload/contract/routines.js';
import type { ScheduleStatus } from '../../../preload/contract/vocabulary.js';
import { attempt, operatorInput as actor, type Outcome } from './outcome.js';

/** How many of a schedule's runs its page shows (newest first). */
export const RECENT_RUNS = 100;

export interface ScheduleRuns {
  items: ScheduleRunDto[];
  total: number;
  error: ClientFailure | null;
}

export interface SchedulesState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  items: ScheduleDto[];
  error: ClientFailure | null;
  /** The runs of the schedules opened; by schedule id. */
  runs: Record<string, ScheduleRuns>;
  load(): Promise<void>;
  create(body: ScheduleBodyDto, operator?: string): Promise<Outcome<ScheduleDto>>;
  replace(id: string, body: ScheduleBodyDto, operator?: string): Promise<Outcome<ScheduleDto>>;
  remove(id: string, operator?: string): Promise<Outcome<void>>;
  setStatus(id: string, status: ScheduleStatus, operator?: string): Promise<Outcome<ScheduleDto>>;
  loadRuns(id: string): Promise<void>;
  apply(scheduleId: string, schedule: ScheduleDto | null): void;
}

const byName = (a: ScheduleDto, b: ScheduleDto) =>
  a.name.localeCompare(b.name, undefined, { numeric: true, sensitivity: 'base' });

export function createSchedulesStore(client: DepotRemoteClient) {
  return createStore<SchedulesState>()((set, get) => {
    const adopt = (result: Outcome<ScheduleDto>) => {
      if (result.ok) get().apply(result.value.id, result.value);
      return result;
    };
    return {
      status: 'idle',
      items: [],
      error: null,
      runs: {},
      async load() {
        if (get().status !== 'ready') set({ status: 'loading' });
        try {
          const { items } = await client.listSchedules();
          set({ status: 'ready', items: [...items].sort(byName), error: null });
        } catch (error) {
          set({ status: 'error', error: asClientFailure(error) });
        }
      },
      async create(body, operator) {
        return adopt(await attempt(() => client.createSchedule({ body, ...actor(operator) })));
      },
      async replace(id, body, operator) {
        return adopt(await attempt(() => client.replaceSchedule({ id, body, ...actor(operator) })));
      },
      async setStatus(id, status, operator) {
        return adopt(
          await attempt(() => client.setScheduleStatus({ id, body: { status }, ...actor(operator) })),
        );
      },
      async remove(id, operator) {
        const result = await attempt(() => client.deleteSchedule({ id, ...actor(operator) }));
        if (result.ok) get().apply(id, null);
        return result;
      },
      async loadRuns(id) {
        try {
          const { items, total } = await client.listScheduleRuns({ id, limit: RECENT_RUNS });
          set((s) => ({ runs: { ...s.runs, [id]: { items, total, error: null } } }));
        } catch (error) {
          set((s) => ({
            runs: { ...s.runs, [id]: { items: [], total: 0, ...s.runs[id], error: asClientFailure(error) } },
          }));
        }
      },
      apply(scheduleId, schedule) {
        const before = get().items.find((s) => s.id === scheduleId);
        set((s) => {
          const rest = s.items.filter((x) => x.id !== scheduleId);
          if (schedule === null) return rest.length === s.items.length ? {} : { items: rest };
          return { items: [...rest, schedule].sort(byName) };
        });
        // A new last run: the runs shown gain a line.
        if (schedule && get().runs[scheduleId] && before?.lastRun?.id !== schedule.lastRun?.id)
          void get().loadRuns(scheduleId);
      },
    };
  });
}
export type SchedulesStore = ReturnType<typeof createSchedulesStore>;
