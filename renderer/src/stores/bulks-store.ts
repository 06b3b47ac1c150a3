// Bulk commands (issue 16): one remote to many vehicles. The recent ones with their counts, and the ones opened with
// every vehicle's row, kept live from bulk.changed: the event carries the counts (applied at once, so the bar and
// the figures move with each vehicle), and the rows are read again — one read at a time per bulk and at most two a
// second, however fast a thousand vehicles report. A bulk seen ending is announced once (onFinished).
import { createStore } from 'zustand/vanilla';
import type { ClientFailure, DepotRemoteClient } from '../../../preload/contract/client.js';
import { asClientFailure } from '../../../preload/contract/client.js';
import type { OperationInput } from '../../../preload/contract/operations/index.js';
import type { BulkDto, BulkPlanDto, BulkSummaryDto } from '../../../preload/contract/routines.js';
import { attempt, type Outcome } from './outcome.js';

export type BulkInput = Omit<OperationInput<'startBulkRemote'>, 'dryRun'>;

/** How many recent bulks the list shows. */
export const RECENT_BULKS = 100;
/** The shortest time between two reads of one bulk's rows while its events pour in. */
const REREAD_MS = 500;
/** How long a command's end may wait for the reads that tell whether a bulk sent it. */
const MEMBER_WAIT_MS = 3000;

interface MemberWaiter {
  /** Reads numbered above this one started after the command ended. */
  after: number;
  /** The running bulks still to be read. */
  remaining: Set<string>;
  settle(): void;
}

export interface BulksState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  recent: BulkSummaryDto[];
  total: number;
  error: ClientFailure | null;
  /** Bulks opened (their page), with their rows; by bulk id. */
  details: Record<string, BulkDto>;
  detailErrors: Record<string, ClientFailure>;
  loadRecent(): Promise<void>;
  /** Reads a bulk with its rows (and keeps it current from then on). */
  open(bulkId: string): Promise<void>;
  /** The dry run: who would be sent, who skipped and why; nothing is sent. */
  plan(input: BulkInput): Promise<Outcome<BulkPlanDto>>;
  start(input: BulkInput): Promise<Outcome<{ bulkId: string }>>;
  cancel(bulkId: string, operator?: string): Promise<Outcome<BulkDto>>;
  report(bulkId: string): Promise<Outcome<string>>;
  /** A bulk.changed event. */
  apply(bulk: BulkSummaryDto): void;
  /**
   * Whether this command was sent by a bulk this screen follows (started here, or opened): its end is told with
   * the bulk's, once, rather than one notification per vehicle. A command that ends before the bulk's rows were read
   * with it (a fast vehicle) is decided by the next read of the bulks running, or after a few seconds at most.
   */
  sentByBulk(remoteActionId: string): Promise<boolean>;
}

const isFinal = (status: BulkSummaryDto['status']) => status !== 'running';

const summaryOf = ({ items: _items, ...summary }: BulkDto): BulkSummaryDto => summary;

export function createBulksStore(
  client: DepotRemoteClient,
  options: { onFinished?: (bulk: BulkSummaryDto) => void; rereadMs?: number; memberWaitMs?: number } = {},
) {
  const rereadMs = options.rereadMs ?? REREAD_MS;
  /** Per bulk: a read under way, another asked for meanwhile, the time the last one started. */
  const reads = new Map<string, { busy: boolean; again: boolean; startedAt: number }>();
  /**
   * Bulks not to announce: announced already (once each), over when the list was first read, or cancelled from
   * this screen (the person knows).
   */
  const quiet = new Set<string>();
  /** The commands of the bulks read (their items' remote actions). */
  const members = new Set<string>();
  const waiters = new Set<MemberWaiter>();
  let readSeq = 0;

  return createStore<BulksState>()((set, get) => {
    function upsertRecent(summary: BulkSummaryDto) {
      set((s) => {
        const index = s.recent.findIndex((b) => b.bulkId === summary.bulkId);
        if (index < 0) {
          // A new one goes on top, as the list is newest first.
          if (s.status !== 'ready') return {};
          return { recent: [summary, ...s.recent].slice(0, RECENT_BULKS), total: s.total + 1 };
        }
        const recent = s.recent.slice();
        recent[index] = summary;
        return { recent };
      });
    }

    /** An event: a bulk seen ending is announced, once. */
    function announce(summary: BulkSummaryDto) {
      if (!isFinal(summary.status) || quiet.has(summary.bulkId)) return;
      quiet.add(summary.bulkId);
      options.onFinished?.(summary);
    }

    async function read(bulkId: string) {
      const entry = reads.get(bulkId) ?? { busy: false, again: false, startedAt: 0 };
      reads.set(bulkId, entry);
      if (entry.busy) {
        entry.again = true;
        return;
      }
      entry.busy = true;
      entry.again = false;
      entry.startedAt = Date.now();
      const seq = (readSeq += 1);
      try {
        const bulk = await client.getBulkRemote({ bulkId });
        for (const item of bulk.items) if (item.remoteActionId) members.add(item.remoteActionId);
        set((s) => {
          const { [bulkId]: _gone, ...detailErrors } = s.detailErrors;
          return { details: { ...s.details, [bulkId]: bulk }, detailErrors };
        });
        upsertRecent(summaryOf(bulk));
      } catch (error) {
        set((s) => ({ detailErrors: { ...s.detailErrors, [bulkId]: asClientFailure(error) } }));
      } finally {
        entry.busy = false;
      }
      for (const waiter of [...waiters]) {
        if (seq <= waiter.after) continue;
        waiter.remaining.delete(bulkId);
        if (waiter.remaining.size === 0) waiter.settle();
      }
      if (entry.again) {
        entry.busy = true;
        const wait = Math.max(0, rereadMs - (Date.now() - entry.startedAt));
        setTimeout(() => {
          entry.busy = false;
          void read(bulkId);
        }, wait);
      }
    }

    return {
      status: 'idle',
      recent: [],
      total: 0,
      error: null,
      details: {},
      detailErrors: {},
      async loadRecent() {
        if (get().status !== 'ready') set({ status: 'loading' });
        try {
          const { items, total } = await client.listBulkRemotes({ limit: RECENT_BULKS });
          for (const item of items) if (isFinal(item.status)) quiet.add(item.bulkId);
          set({ status: 'ready', recent: items, total, error: null });
        } catch (error) {
          set({ status: 'error', error: asClientFailure(error) });
        }
      },
      open(bulkId) {
        return read(bulkId);
      },
      async plan(input) {
        const result = await attempt(() => client.startBulkRemote({ ...input, dryRun: true }));
        if (!result.ok) return result;
        const answer = result.value;
        // The client's type is either answer; asked for a dry run, the agent answers the plan.
        return 'dryRun' in answer
          ? { ok: true, value: answer }
          : {
              ok: false,
              error: {
                status: 0,
                code: 'NOT_A_PLAN',
                message: 'The agent started the command instead of answering a preview.',
                errors: [],
              },
            };
      },
      async start(input) {
        const result = await attempt(() => client.startBulkRemote(input));
        if (!result.ok) return result;
        const answer = result.value;
        if ('bulkId' in answer) {
          void read(answer.bulkId);
          return { ok: true, value: { bulkId: answer.bulkId } };
        }
        return {
          ok: false,
          error: { status: 0, code: 'NOT_STARTED', message: 'The agent answered a preview.', errors: [] },
        };
      },
      async cancel(bulkId, operator) {
        const result = await attempt(() =>
          client.cancelBulkRemote({ bulkId, ...(operator?.trim() ? { operator: operator.trim() } : {}) }),
        );
        if (result.ok) {
          const bulk = result.value;
          set((s) => ({ details: { ...s.details, [bulkId]: bulk } }));
          quiet.add(bulkId);
          upsertRecent(summaryOf(bulk));
        }
        return result;
      },
      sentByBulk(remoteActionId) {
        if (members.has(remoteActionId)) return Promise.resolve(true);
        const running = Object.values(get().details)
          .filter((b) => b.status === 'running')
          .map((b) => b.bulkId);
        if (running.length === 0) return Promise.resolve(false);
        return new Promise<boolean>((resolve) => {
          const waiter: MemberWaiter = {
            after: readSeq,
            remaining: new Set(running),
            settle() {
              clearTimeout(timer);
              waiters.delete(waiter);
              resolve(members.has(remoteActionId));
            },
          };
          const timer = setTimeout(() => waiter.settle(), options.memberWaitMs ?? MEMBER_WAIT_MS);
          waiters.add(waiter);
          for (const bulkId of running) void read(bulkId);
        });
      },
      report(bulkId) {
        return attempt(() => client.getBulkRemoteReport({ bulkId }));
      },
      apply(bulk) {
        announce(bulk);
        upsertRecent(bulk);
        const open = get().details[bulk.bulkId];
        if (!open) return;
        // The figures at once; the rows with the next read.
        set((s) => ({
          details: {
            ...s.details,
            [bulk.bulkId]: { ...open, counts: bulk.counts, status: bulk.status, finishedAt: bulk.finishedAt },
          },
        }));
        void read(bulk.bulkId);
      },
    };
  });
}
export type BulksStore = ReturnType<typeof createBulksStore>;
