// Sending a remote action and reading actions back. The intent is stored before anything leaves the
// machine, so a crash mid-send is visible afterwards instead of silently lost.
import { randomUUID } from 'node:crypto';
import type { RemoteActionDto } from '../../../preload/contract/dto.js';
import type { Connector } from '../connector/connector.js';
import type { Db, Repositories } from '../db/index.js';
import type { RemoteAction } from '../domain/action.js';
import { markAccepted, markRefused } from '../domain/lifecycle.js';
import { parseRemote } from '../domain/remote/index.js';
import { DANGEROUS_REMOTE_TYPES, FEATURES, type RemoteType } from '../domain/remote-type.js';
import type { ActionPhase } from '../domain/status.js';
import type { EventBus } from '../events/event-bus.js';
import type { Clock } from '../ports/clock.js';
import type { Actor } from './actor.js';
import { actionAuditEntry, createAuditTrail } from './audit-trail.js';
import { asConnectorError, connectorFailure } from './connector-errors.js';
import { toActionDto } from './dto-mappers.js';
import { invalid, notFound, ServiceError } from './service-error.js';

export interface RemotesServiceDeps {
  db: Db;
  repos: Repositories;
  connector: Connector;
  clock: Clock;
  bus: EventBus;
}

export interface SendRemoteCommand {
  vehicleRef: string;
  callbackId: string;
  body: unknown;
  actor: Actor;
}

export interface Page {
  limit: number;
  offset: number;
}

const MIN_REASON_LENGTH = 5;

export type RemotesService = ReturnType<typeof createRemotesService>;

export function createRemotesService({ db, repos, connector, clock, bus }: RemotesServiceDeps) {
  const trail = createAuditTrail(repos, bus);
  function publish(action: RemoteAction) {
    bus.publish({ name: 'action.changed', data: { action: toActionDto(action) } });
  }

  function requireVehicle(ref: string) {
    const vehicle = repos.vehicles.get(ref);
    if (!vehicle) throw notFound('VEHICLE_NOT_FOUND', `No vehicle with id or VIN ${ref} in this fleet.`);
    return vehicle;
  }

  return {
    async send({ vehicleRef, callbackId, body, actor }: SendRemoteCommand): Promise<RemoteActionDto> {
      const parsed = parseRemote(body);
      if (!parsed.ok) throw invalid('The remote request is not valid.', parsed.errors);
      const { body: remote, type } = parsed.value;
      const feature = FEATURES[type];

      const vehicle = requireVehicle(vehicleRef);
      const callback = repos.callbacks.get(callbackId);
      if (!callback) {
        throw notFound(
          'CALLBACK_NOT_FOUND',
          `No callback with id ${callbackId}. Create a callback first: every remote needs one.`,
        );
      }
      if (!callback.subscribe.remoteTypes.includes(type)) {
        throw new ServiceError(
          422,
          'REMOTE_TYPE_NOT_SUBSCRIBED',
          `Callback ${callback.label ?? callbackId} does not subscribe to ${type} (${feature}). ` +
            `Add ${type} to its remoteTypes or use another callback.`,
        );
      }
      if (callback.status !== 'Running') {
        throw new ServiceError(
          409,
          'CALLBACK_PAUSED',
          `Callback ${callback.label ?? callbackId} is ${callback.status}: resume it before sending remotes through it.`,
        );
      }
      const capability = vehicle.capabilities[type];
      if (capability && !capability.supported) {
        throw new ServiceError(
          422,
          'FEATURE_NOT_SUPPORTED',
          `${vehicle.label ?? vehicle.vin} cannot do ${feature}: ${capability.reason ?? 'not supported by this vehicle'}`,
        );
      }
      const reason = actor.reason?.trim() || null;
      if (DANGEROUS_REMOTE_TYPES.includes(type) && (!reason || reason.length < MIN_REASON_LENGTH)) {
        throw invalid(`${feature} needs a reason, for the audit log.`, [
          {
            field: 'X-Depot-Reason',
            message: `Give the reason for this ${feature} request (at least ${MIN_REASON_LENGTH} characters) in the X-Depot-Reason header.`,
          },
        ]);
      }
      const inFlight = repos.actions.listOpen().find((a) => a.vehicleId === vehicle.id && a.type === type);
      if (inFlight) {
        throw new ServiceError(
          409,
          'ACTION_IN_PROGRESS',
          `A ${feature} action is already in progress on ${vehicle.label ?? vehicle.vin} (${inFlight.id}). ` +
            'Wait for it to finish before sending another.',
        );
      }

      const now = clock.nowIso();
      const draft: RemoteAction = {
        id: `local-${randomUUID()}`,
        vehicleId: vehicle.id,
        vin: vehicle.vin,
        callbackId,
        type,
        remote,
        phase: 'Sending',
        status: null,
        outcome: null,
        failureCause: null,
        feedbackDetail: null,
        error: null,
        operator: actor.operator,
        reason,
        createdAt: now,
        updatedAt: now,
        doneAt: null,
        lastEventDate: null,
      };
      // The intent is durable before anything leaves; the audit entry is written with the outcome,
      // under the id the network gave (or the local one when it refused).
      db.transaction(() => repos.actions.insert(draft));
      // Not published yet: its local id is replaced by the network's in a moment.

      let remoteActionId: string;
      try {
        ({ remoteActionId } = await connector.sendRemote({
          vehicleId: vehicle.id,
          vin: vehicle.vin,
          callbackId,
          upstreamCallbackId: callback.upstreamId,
          type,
          body: remote,
        }));
      } catch (err) {
        const e = asConnectorError(err);
        const refused = markRefused(
          draft,
          { code: e.details.code ?? e.kind, message: e.message, reference: e.details.reference },
          clock.nowIso(),
        ).action;
        const published = db.transaction(() => {
          repos.actions.update(refused);
          return trail.append(
            actionAuditEntry(refused, 'remote.send', refused.updatedAt, {
              type,
              remote,
              refused: { kind: e.kind, code: e.details.code ?? null },
            }),
          );
        });
        published();
        publish(refused);
        throw connectorFailure(e, [{ field: 'remoteActionId', message: `Recorded as ${refused.id}.` }]);
      }

      const accepted = markAccepted({ ...draft, id: remoteActionId }, clock.nowIso()).action;
      const published = db.transaction(() => {
        repos.actions.rekey(draft.id, remoteActionId);
        repos.actions.update(accepted);
        return trail.append(actionAuditEntry(accepted, 'remote.send', accepted.updatedAt, { type, remote }));
      });
      published();
      publish(accepted);
      return toActionDto(accepted);
    },

    get(remoteActionId: string): RemoteActionDto {
      const action = repos.actions.get(remoteActionId);
      if (!action) throw notFound('REMOTE_NOT_FOUND', `No remote action with id ${remoteActionId}.`);
      return toActionDto(action, repos.events.listForAction(remoteActionId));
    },

    getForVehicleCallback(vehicleRef: string, callbackId: string, remoteActionId: string): RemoteActionDto {
      const vehicle = requireVehicle(vehicleRef);
      const action = repos.actions.get(remoteActionId);
      if (!action || action.vehicleId !== vehicle.id || action.callbackId !== callbackId) {
        throw notFound(
          'REMOTE_NOT_FOUND',
          `No remote action ${remoteActionId} for this vehicle and callback.`,
        );
      }
      return toActionDto(action, repos.events.listForAction(remoteActionId));
    },

    listForVehicleCallback(vehicleRef: string, callbackId: string, page: Page) {
      const vehicle = requireVehicle(vehicleRef);
      if (!repos.callbacks.get(callbackId)) notFoundCallback(callbackId);
      const items = repos.actions.listForVehicleCallback(vehicle.id, callbackId, page);
      const total = repos.actions.count({ vehicleId: vehicle.id, callbackId });
      return { items: items.map((a) => toActionDto(a)), total, ...page };
    },

    list(filter: { vehicleRef?: string; type?: RemoteType; phase?: ActionPhase } & Page) {
      const vehicleId = filter.vehicleRef ? requireVehicle(filter.vehicleRef).id : undefined;
      const where = {
        ...(vehicleId ? { vehicleId } : {}),
        ...(filter.type ? { type: filter.type } : {}),
        ...(filter.phase ? { phase: filter.phase } : {}),
      };
      const items = repos.actions.list({ ...where, limit: filter.limit, offset: filter.offset });
      return {
        items: items.map((a) => toActionDto(a)),
        total: repos.actions.count(where),
        limit: filter.limit,
        offset: filter.offset,
      };
    },
  };
}

function notFoundCallback(id: string): never {
  throw notFound('CALLBACK_NOT_FOUND', `No callback with id ${id}.`);
}
