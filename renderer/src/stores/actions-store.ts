// Remote actions as they happen: every action seen (from sends, lists and action.changed), the full history of
// the ones opened in a timeline, and a completion hook that drives the browser notification.
import { createStore } from 'zustand/vanilla';
import type { ClientFailure, DepotRemoteClient, SendRemoteInput } from '../../../preload/contract/client.js';
import { asClientFailure } from '../../../preload/contract/client.js';
import type { RemoteActionDto } from '../../../preload/contract/dto.js';
import { isSettled, isTerminal } from '../../../preload/contract/vocabulary.js';

export interface ActionsState {
  byId: Record<string, RemoteActionDto>;
  /** Ids whose whole event history is loaded (and refreshed on every change). */
  detailed: Record<string, true>;
  errors: Record<string, ClientFailure>;
  recentLoaded: boolean;
  /** Loads the latest actions, so the fleet knows what is in flight on each vehicle. */
  loadRecent(): Promise<void>;
  /** Loads one action with its event history and keeps it current. */
  open(remoteActionId: string): Promise<void>;
  send(
    input: SendRemoteInput,
  ): Promise<{ ok: true; remoteActionId: string } | { ok: false; error: ClientFailure }>;
  apply(action: RemoteActionDto): void;
}

export interface ActionsStoreOptions {
  /**
   * An action settled (Done, Refused, Expired, TimedOut) while this app watched, or a TimedOut one got its late
   * Done: once per phase it ends in.
   */
  onCompleted?: (action: RemoteActionDto) => void;
  /** Coalesces history reloads of one action (ms). */
  refreshDelayMs?: number;
}

const RECENT = 200;

export function createActionsStore(client: DepotRemoteClient, options: ActionsStoreOptions = {}) {
  const refreshDelay = options.refreshDelayMs ?? 150;
  const pendingRefresh = new Map<string, ReturnType<typeof setTimeout>>();

  /** Ids whose history is being read: a change arriving meanwhile must be followed by another read. */
  const reading = new Set<string>();
  /** Reads in a row that came back older than what the live stream said (bounded: never a polling loop). */
  const staleReads = new Map<string, number>();
  const MAX_STALE_READS = 3;

  const store = createStore<ActionsState>()((set, get) => {
    async function fetchDetail(id: string) {
      reading.add(id);
      try {
        const action = await client.getRemote({ rid: id });
        let stale = false;
        set((s) => {
          const errors = { ...s.errors };
          delete errors[id];
          const known = s.byId[id];
          // A live update may have overtaken this read: never step back to an older state, and read the
          // history again, or the steps that update brought would stay missing (the outcome without its step).
          stale = Boolean(known && known.updatedAt > action.updatedAt);
          const newer = stale ? { ...action, ...known!, events: action.events } : action;
          return { byId: { ...s.byId, [id]: newer }, detailed: { ...s.detailed, [id]: true }, errors };
        });
        const count = stale ? (staleReads.get(id) ?? 0) + 1 : 0;
        if (count === 0) staleReads.delete(id);
        else staleReads.set(id, count);
        if (stale && count <= MAX_STALE_READS) scheduleDetail(id);
      } catch (error) {
        set((s) => ({ errors: { ...s.errors, [id]: asClientFailure(error) } }));
      } finally {
        reading.delete(id);
      }
    }

    function scheduleDetail(id: string) {
      if (pendingRefresh.has(id)) return;
      pendingRefresh.set(
        id,
        setTimeout(() => {
          pendingRefresh.delete(id);
          void fetchDetail(id);
        }, refreshDelay),
      );
    }

    return {
      byId: {},
      detailed: {},
      errors: {},
      recentLoaded: false,
      async loadRecent() {
        try {
          const page = await client.listRemotes({ limit: RECENT });
          set((s) => {
            const byId = { ...s.byId };
            for (const action of page.items) {
              const known = byId[action.remoteActionId];
              if (!known || known.updatedAt <= action.updatedAt)
                byId[action.remoteActionId] = known?.events ? { ...action, events: known.events } : action;
            }
            return { byId, recentLoaded: true };
          });
        } catch {
          set({ recentLoaded: true });
        }
      },
      async open(id) {
        await fetchDetail(id);
      },
      async send(input) {
        try {
          const answer = await client.sendRemote(input);
          await fetchDetail(answer.remoteActionId);
          return { ok: true, remoteActionId: answer.remoteActionId };
        } catch (error) {
          return { ok: false, error: asClientFailure(error) };
        }
      },
      apply(action) {
        const id = action.remoteActionId;
        const known = get().byId[id];
        if (known && known.updatedAt > action.updatedAt) return;
        set((s) => ({
          byId: { ...s.byId, [id]: known?.events ? { ...action, events: known.events } : action },
        }));
        if (get().detailed[id] || reading.has(id)) scheduleDetail(id);
        // Settled is when the technician stops waiting; but a TimedOut action is not terminal, and its late Done
        // is news worth the same notification. Nothing follows a terminal phase.
        const news = !known || (known.phase !== action.phase && !isTerminal(known.phase));
        if (isSettled(action.phase) && news) options.onCompleted?.(action);
      },
    };
  });
  return store;
}
export type ActionsStore = ReturnType<typeof createActionsStore>;

/** The newest action of each vehicle, and which vehicles have one in flight. */
export function actionsByVehicle(byId: Record<string, RemoteActionDto>) {
  const latest: Record<string, RemoteActionDto> = {};
  const inFlight: Record<string, RemoteActionDto[]> = {};
  for (const action of Object.values(byId)) {
    const current = latest[action.vehicleId];
    if (!current || current.createdAt < action.createdAt) latest[action.vehicleId] = action;
    if (!isSettled(action.phase)) (inFlight[action.vehicleId] ??= []).push(action);
  }
  return { latest, inFlight };
}
