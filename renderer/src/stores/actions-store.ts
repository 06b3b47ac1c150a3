// Remote actions as they happen: every action seen (from sends, lists and action.changed), the full history of
// the ones opened in a timeline, and a completion hook that drives the browser notification.
import { createStore } from 'zustand/vanilla';
import type { ClientFailure, DepotRemoteClient, SendRemoteInput } from '../../../preload/contract/client.js';
import { asClientFailure } from '../../../preload/contract/client.js';
import type { RemoteActionDto } from '../../../preload/contract/dto.js';
import type { OperationInput } from '../../../preload/contract/operations/index.js';
import { isSettled, isTerminal } from '../../../preload/contract/vocabulary.js';
import { HISTORY_PAGE } from './history-store.js';

export interface ActionsState {
  byId: Record<string, RemoteActionDto>;
  /** Ids whose whole event history is loaded (and refreshed on every change). */
  detailed: Record<string, true>;
  errors: Record<string, ClientFailure>;
  recentLoaded: boolean;
  /** Loads the latest actions, so the fleet knows what is in flight on each vehicle. */
  loadRecent(): Promise<void>;
  /** The latest actions read elsewhere (the history's first page): taken as loadRecent takes its own. */
  adoptRecent(actions: RemoteActionDto[]): void;
  /** Loads one action with its event history and keeps it current. */
  open(remoteActionId: string): Promise<void>;
  send(input: SendRemoteInput): Promise<ActionResult>;
  /** Takes a queued command out of the queue (Cancelled); the agent refuses one that has left it. */
  cancel(input: OperationInput<'cancelRemote'>): Promise<ActionResult>;
  /** Sends a failed, refused, expired, cancelled or unanswered command again: the answer names the new one. */
  resend(input: OperationInput<'resendRemote'>): Promise<ActionResult>;
  apply(action: RemoteActionDto): void;
}

/** What a command sent, cancelled or sent again came to: the action concerned, or the agent's refusal. */
export type ActionResult = { ok: true; remoteActionId: string } | { ok: false; error: ClientFailure };

export interface ActionsStoreOptions {
  /**
   * An action settled (Done, Refused, Expired, Cancelled, TimedOut) while this app watched, or a TimedOut one got its late
   * Done: once per phase it ends in.
   */
  onCompleted?: (action: RemoteActionDto) => void;
  /** Coalesces history reloads of one action (ms). */
  refreshDelayMs?: number;
}

/** As many as the history's first page, which stands for this read while the history is shown (app-stores.ts). */
const RECENT = HISTORY_PAGE;

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

    /** Stores a newer state of an action (its history kept, and read again where shown); answers what it was. */
    function merge(action: RemoteActionDto): RemoteActionDto | undefined | 'older' {
      const id = action.remoteActionId;
      const known = get().byId[id];
      if (known && known.updatedAt > action.updatedAt) return 'older';
      set((s) => ({
        byId: { ...s.byId, [id]: known?.events ? { ...action, events: known.events } : action },
      }));
      if (get().detailed[id] || reading.has(id)) scheduleDetail(id);
      return known;
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
          get().adoptRecent(page.items);
        } catch {
          set({ recentLoaded: true });
        }
      },
      adoptRecent(actions) {
        set((s) => {
          const byId = { ...s.byId };
          for (const action of actions) {
            const known = byId[action.remoteActionId];
            if (!known || known.updatedAt <= action.updatedAt)
              byId[action.remoteActionId] = known?.events ? { ...action, events: known.events } : action;
          }
          return { byId, recentLoaded: true };
        });
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
      async cancel(input) {
        try {
          const cancelled = await client.cancelRemote(input);
          // Kept without the completion notice: the person who cancelled it knows (the event that follows is no
          // news then, so no one here is told twice).
          merge(cancelled);
          return { ok: true, remoteActionId: cancelled.remoteActionId };
        } catch (error) {
          // Refused (it left the queue meanwhile, say): what it is now is worth showing with the refusal.
          if (get().detailed[input.rid]) scheduleDetail(input.rid);
          return { ok: false, error: asClientFailure(error) };
        }
      },
      async resend(input) {
        try {
          const created = await client.resendRemote(input);
          get().apply(created);
          // The first one now names it (resentAs): read it again where it is shown, whatever the event stream does.
          if (get().detailed[input.rid]) scheduleDetail(input.rid);
          await fetchDetail(created.remoteActionId);
          return { ok: true, remoteActionId: created.remoteActionId };
        } catch (error) {
          return { ok: false, error: asClientFailure(error) };
        }
      },
      apply(action) {
        const known = merge(action);
        if (known === 'older') return;
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
