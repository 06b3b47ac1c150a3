// One remote to many vehicles (issue 16): planned first — each vehicle checked and skipped with a reason rather
// than failing the lot — then stored whole (the bulk and one item per vehicle, in one transaction) and sent by the
// runner at the pace of the settings, each vehicle through the remotes service's own send (bulk-runner.ts). A dry
// run answers the plan and stores nothing. Schedules start their runs through `start` too.
import { randomUUID } from 'node:crypto';
import type {
  BulkDto,
  BulkItemDto,
  BulkPlanDto,
  BulkSummaryDto,
} from '../../../preload/contract/routines.js';
import type { WhenBusy } from '../../../preload/contract/vocabulary.js';
import { routinesOf, SETTINGS_KEY, type StoredSettings } from '../config/stored-settings.js';
import type {
  BulkActor,
  BulkCounts,
  BulkItemRecord,
  BulkRecord,
  Repositories,
  RunUnitOfWork,
} from '../db/index.js';
import { BUILT_IN_CALLBACK_ID } from '../domain/callback/built-in.js';
import { parseRemote } from '../domain/remote/index.js';
import type { EventBus } from '../events/event-bus.js';
import type { Clock } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';
import type { Notifier } from '../ports/notifier.js';
import type { AccessGuard } from '../kernel/access-guard.js';
import { actorRef, who, type Actor } from '../kernel/actor.js';
import { createAuditTrail } from '../kernel/audit-trail.js';
import { invalid, notFound, ServiceError } from '../kernel/service-error.js';
import { countsOf, needsFreeLane, sendingSeconds, skipReasonOf, type PlanVehicle } from './bulk-plan.js';
import { bulkReportCsv } from './bulk-report.js';
import { createBulkRunner } from './bulk-runner.js';
import type { GroupsService } from './groups-service.js';
import type { RemotesService } from './remotes-service.js';
import type { VehiclesService } from './vehicles-service.js';

/** Up to this many vehicles are described one by one; more, and the whole fleet is described at once. */
const DESCRIBE_ONE_BY_ONE = 50;
const WHOLE_FLEET = 1_000_000;

/** A bulk command: one remote to a list of vehicles or to a group. */
export interface BulkCommand {
  /** Who sends it: each vehicle's command is theirs (a schedule's run: its creator as they are now). */
  actor: Actor;
  /** The remote body, exactly as sendRemote's. */
  remote: unknown;
  /** Default: the built-in callback (this workstation). */
  callbackId?: string | undefined;
  /** Vehicle ids or VINs; exactly one of vehicleIds and groupId. */
  vehicleIds?: readonly string[] | undefined;
  groupId?: string | undefined;
  /** The schedule whose run this is: a vehicle no longer in the fleet is then skipped (VEHICLE_GONE), not a 404. */
  scheduleId?: string | undefined;
  /** For Immobilization, Stolen and doors Unlocked: `queue` lets busy vehicles queue (else they are skipped). */
  whenBusy?: WhenBusy | undefined;
  /** How long each vehicle's command may wait in its queue (default the setting). */
  expiresInSeconds?: number | undefined;
}

export interface BulkServiceDeps {
  unitOfWork: RunUnitOfWork;
  repos: Repositories;
  clock: Clock;
  bus: EventBus;
  logger: Logger;
  access: AccessGuard;
  remotes: Pick<RemotesService, 'send' | 'preflight'>;
  vehicles: Pick<VehiclesService, 'list' | 'view'>;
  groups: Pick<GroupsService, 'vehicleIds'>;
  notifier: Pick<Notifier, 'bulkFinished'>;
}

export type BulkService = ReturnType<typeof createBulkService>;

function toItemDto(r: BulkItemRecord): BulkItemDto {
  return {
    vehicleId: r.vehicleId,
    vin: r.vin,
    label: r.label,
    state: r.state,
    reason: r.reason,
    detail: r.detail,
    remoteActionId: r.remoteActionId,
    outcome: r.outcome,
    failureCause: r.failureCause,
    sentAt: r.sentAt,
    endedAt: r.endedAt,
  };
}

function toSummaryDto(r: BulkRecord, counts: BulkCounts): BulkSummaryDto {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return {
    bulkId: r.id,
    type: r.type,
    remote: r.remote,
    callbackId: r.callbackId,
    groupId: r.groupId,
    scheduleId: r.scheduleId,
    status: r.status,
    counts: { ...counts, total },
    createdAt: r.createdAt,
    finishedAt: r.finishedAt,
    createdBy: actorRef(r.actor as Actor),
  };
}

/** The actor as each vehicle's command is sent by: never an approver's PIN (the approval is kept as checked). */
function storedActor({ approval: _approval, ...actor }: Actor): BulkActor {
  return actor;
}

export function createBulkService(deps: BulkServiceDeps) {
  const { unitOfWork, repos, clock, bus, access, remotes, vehicles, groups } = deps;
  const trail = createAuditTrail(repos, bus);
  const ratePerMinute = () => routinesOf(repos.settings.get<StoredSettings>(SETTINGS_KEY)).bulkRatePerMinute;

  const runner = createBulkRunner({
    ...deps,
    recheck: (item, bulk) =>
      skipReasonOf(
        vehicles.view(item.vehicleId),
        { type: bulk.type, remote: bulk.remote, whenBusy: bulk.whenBusy },
        () => repos.actions.lane(item.vehicleId, bulk.type).length > 0,
      ),
  });

  /** Each ref (id or VIN) as the fleet view describes it; null when no vehicle has it. */
  function describe(refs: readonly string[]): (ref: string) => PlanVehicle | null {
    if (refs.length <= DESCRIBE_ONE_BY_ONE) return (ref) => vehicles.view(ref);
    const byRef = new Map<string, PlanVehicle>();
    for (const v of vehicles.list({ limit: WHOLE_FLEET, offset: 0 }).items) {
      byRef.set(v.id, v);
      byRef.set(v.vin, v);
    }
    return (ref) => byRef.get(ref) ?? null;
  }

  /** Every check, then each vehicle's fate; nothing stored (but a refusal's audit entry). */
  async function prepare(command: BulkCommand) {
    const { actor } = command;
    // The lowest role that may send anything, first: a viewer learns nothing of the vehicles or the callback.
    access.require(actor, 'technician', 'bulk.start');
    if ((command.vehicleIds === undefined) === (command.groupId === undefined)) {
      throw invalid('errors:invalid.vehiclesOrGroup', [{ field: 'vehicleIds', rule: 'vehiclesOrGroup' }]);
    }
    const parsed = parseRemote(command.remote);
    if (!parsed.ok) {
      throw invalid(
        'errors:invalid.remote',
        parsed.errors.map((e) => ({ ...e, field: e.field ? `remote.${e.field}` : 'remote' })),
      );
    }
    const callbackId = command.callbackId ?? BUILT_IN_CALLBACK_ID;
    const checked = await remotes.preflight({ callbackId, body: command.remote, actor });
    const refs = command.groupId ? groups.vehicleIds(command.groupId) : command.vehicleIds!;
    const vehicleOf = describe(refs);
    const remote = { type: checked.type, remote: checked.remote, whenBusy: command.whenBusy };
    const busy = needsFreeLane(remote) ? repos.bulk.busyVehicles(checked.type) : new Set<string>();
    const seen = new Set<string>();
    const items: BulkItemRecord[] = [];
    refs.forEach((ref, index) => {
      const vehicle = vehicleOf(ref);
      if (!vehicle && command.scheduleId === undefined) {
        throw new ServiceError(404, 'VEHICLE_NOT_FOUND', {
          params: { ref },
          errors: [{ field: `vehicleIds.${index}`, rule: 'vehicle.notInFleet', params: { ref } }],
        });
      }
      const vehicleId = vehicle?.id ?? ref;
      if (seen.has(vehicleId)) return;
      seen.add(vehicleId);
      const reason = skipReasonOf(vehicle, remote, () => busy.has(vehicleId));
      items.push({
        bulkId: '',
        seq: items.length + 1,
        vehicleId,
        vin: vehicle?.vin ?? '',
        label: vehicle?.label ?? null,
        state: reason ? 'skipped' : 'queued',
        reason,
        detail: null,
        remoteActionId: null,
        outcome: null,
        failureCause: null,
        sentAt: null,
        endedAt: null,
      });
    });
    return { checked, callbackId, items };
  }

  function requireBulk(bulkId: string): BulkRecord {
    const bulk = repos.bulk.get(bulkId);
    if (!bulk) throw notFound('BULK_NOT_FOUND', { id: bulkId });
    return bulk;
  }

  function get(bulkId: string): BulkDto {
    const bulk = requireBulk(bulkId);
    const items = repos.bulk.items(bulkId);
    const { total: _total, ...counts } = countsOf(items);
    return { ...toSummaryDto(bulk, counts), items: items.map(toItemDto) };
  }

  return {
    /** `?dryRun=true`: who would be sent and who skipped, and how long the sending would take. */
    async plan(command: BulkCommand): Promise<BulkPlanDto> {
      const { checked, callbackId, items } = await prepare(command);
      const counts = countsOf(items);
      return {
        dryRun: true,
        type: checked.type,
        callbackId,
        counts,
        items: items.map(toItemDto),
        estimatedSeconds: sendingSeconds(counts.queued, ratePerMinute()),
      };
    },

    /** Stores the bulk and its plan in one transaction; the runner sends it from then on (202 `{bulkId}`). */
    async start(command: BulkCommand): Promise<{ bulkId: string }> {
      const { checked, callbackId, items } = await prepare(command);
      const bulkId = randomUUID();
      const at = clock.nowIso();
      const bulk: BulkRecord = {
        id: bulkId,
        type: checked.type,
        remote: checked.remote as unknown as Record<string, unknown>,
        callbackId,
        groupId: command.groupId ?? null,
        scheduleId: command.scheduleId ?? null,
        status: 'running',
        whenBusy: command.whenBusy ?? null,
        expiresInSeconds: command.expiresInSeconds ?? null,
        actor: storedActor(command.actor),
        approvedBy: checked.approvedBy,
        createdAt: at,
        finishedAt: null,
      };
      unitOfWork((uow) => {
        repos.bulk.insert(
          bulk,
          items.map((item) => ({ ...item, bulkId, endedAt: item.state === 'skipped' ? at : null })),
        );
        uow.afterCommit(
          trail.append({
            at,
            ...who(command.actor),
            action: 'bulk.start',
            reason: command.actor.reason ?? null,
            callbackId,
            detail: {
              bulkId,
              type: bulk.type,
              remote: bulk.remote,
              groupId: bulk.groupId,
              scheduleId: bulk.scheduleId,
              whenBusy: bulk.whenBusy,
              counts: countsOf(items),
              ...(bulk.approvedBy ? { approvedBy: bulk.approvedBy } : {}),
            },
          }),
        );
        uow.afterCommit(() => runner.changed(bulkId));
        uow.afterCommit(() => runner.poke(bulkId));
      });
      return { bulkId };
    },

    /** Newest first, with their counts. */
    list(page: { limit: number; offset: number }): { items: BulkSummaryDto[]; total: number } {
      const bulks = repos.bulk.list(page);
      const counts = repos.bulk.counts(bulks.map((b) => b.id));
      return { items: bulks.map((b) => toSummaryDto(b, counts.get(b.id)!)), total: repos.bulk.count() };
    },

    get,

    /** The bulk with its counts, for the change feed; null when unknown. */
    summary(bulkId: string): BulkSummaryDto | null {
      const bulk = repos.bulk.get(bulkId);
      return bulk ? toSummaryDto(bulk, repos.bulk.counts([bulkId]).get(bulkId)!) : null;
    },

    /** Vehicles not sent yet are cancelled; those sent keep going. 409 BULK_NOT_RUNNING once over. */
    cancel(bulkId: string, actor: Actor): BulkDto {
      access.require(actor, 'technician', 'bulk.cancel');
      const bulk = requireBulk(bulkId);
      // As for one command taken out of the queue: the role the policy gives this remote.
      const { keys, role } = access.remoteNeeds(bulk.type, bulk.remote);
      access.require(actor, role, 'bulk.cancel', {
        bulkId,
        callbackId: bulk.callbackId,
        type: bulk.type,
        policyKeys: keys,
      });
      unitOfWork((uow) => {
        if (!repos.bulk.markCancelled(bulkId)) {
          throw new ServiceError(409, 'BULK_NOT_RUNNING', {
            params: { id: bulkId, status: repos.bulk.get(bulkId)?.status ?? 'over' },
          });
        }
        const at = clock.nowIso();
        const cancelled = repos.bulk.cancelQueued(bulkId, at);
        uow.afterCommit(
          trail.append({
            at,
            ...who(actor),
            action: 'bulk.cancel',
            reason: actor.reason ?? null,
            callbackId: bulk.callbackId,
            detail: { bulkId, type: bulk.type, cancelled },
          }),
        );
        uow.afterCommit(() => runner.changed(bulkId));
      });
      // Nothing may be left going: then it is over now.
      runner.poke(bulkId);
      return get(bulkId);
    },

    /** The report as CSV: one row per vehicle, in sending order. */
    report(bulkId: string): string {
      requireBulk(bulkId);
      return bulkReportCsv(repos.bulk.items(bulkId).map(toItemDto));
    },

    /** With the core: resumes running bulks (reading back what ended while the agent was off). */
    resume: () => runner.start(),
    stop: () => runner.stop(),
  };
}
