// The connector port over the Stellantis fleet API v3 (api-b2b.yaml 3.19.2; stellantis-api-notes.md N2–N4).
// Requests go through one mutual-TLS client (stellantis-http.ts); answers are read tolerantly (hal-schemas.ts).
// Notifications reach the agent's own receiver through the callbacks the core registers upstream; remotes whose
// Done does not arrive are read by id (remote-poller.ts) and fed to the sink given at start.
import type { CallbackSubscribe } from '../../domain/callback/callback-model.js';
import { REMOTE_TYPES } from '../../domain/remote-type.js';
import type { Clock } from '../../ports/clock.js';
import type { Logger } from '../../ports/logger.js';
import type {
  Connector,
  ConnectorEventSink,
  ConnectorVehicle,
  RemoteSnapshot,
  SendRemoteRequest,
  UpstreamCallback,
} from '../connector.js';
import { ConnectorError } from '../connector.js';
import type { RemoteActionHal, VehicleHal } from './hal-schemas.js';
import {
  callbackRefSchema,
  fleetSchema,
  remoteActionSchema,
  remoteActionsSchema,
  remoteCallbackSchema,
  remoteCallbacksSchema,
  remotePostResponseSchema,
  subscribeFromHal,
  vehicleSchema,
  vehiclesSchema,
} from './hal-schemas.js';
import { collectAll, readBody } from './paging.js';
import { isHttpStatus } from './stellantis-errors.js';
import type { RateLimitState } from './rate-limit.js';
import type { RemotePoller, RemotePollerOptions } from './remote-poller.js';
import { createRemotePoller } from './remote-poller.js';
import type { StellantisConfig } from './stellantis-config.js';
import type { Agent } from 'undici';
import type { ApiRequest, StellantisHttp } from './stellantis-http.js';
import { createStellantisHttp } from './stellantis-http.js';
import { hasOnboardCapabilities, toConnectorVehicle } from './vehicle-mapping.js';

/** Label and webhook name of the callback the connector registers itself when remotes need one (NAT). */
export const POLLING_CALLBACK_LABEL = 'depot-remote-polling';
/** A target that never resolves (RFC 2606): the polling callback is kept Paused and posts nothing. */
export const DEFAULT_POLLING_CALLBACK_TARGET = 'https://depot-remote.invalid/polling-only';

export interface StellantisConnectorOptions {
  /** Whether notifications can reach this agent (a public receiver URL is configured). Default: yes. */
  notificationsExpected?: () => boolean;
  /** Poll a remote with no Done after this long (when notifications are expected). Default 3 min. */
  pollAfterMs?: number;
  /** Backoff of the poller. */
  poller?: Pick<RemotePollerOptions, 'initialDelayMs' | 'maxDelayMs' | 'giveUpAfterMs' | 'maxUnknownReads'>;
  /** Follow every accepted remote in the poller without being told. Default true. */
  autoTrack?: boolean;
  /** An existing upstream callback for remotes sent without one (no public receiver URL). */
  pollingCallbackId?: string;
  /** Target of the polling callback the connector registers when none is given. */
  pollingCallbackTarget?: string;
  /** Parallel capability reads while listing vehicles. Default 4. */
  capabilityConcurrency?: number;
}

export interface UpstreamCallbackRecord {
  id: string;
  status: string;
  subscribe: CallbackSubscribe;
}

export interface StellantisConnector extends Connector {
  /** The rate-limit budget as last reported by Stellantis. */
  rateLimit(): RateLimitState;
  /** The polling fallback: the core tracks its open actions here and reports received events. */
  readonly poller: RemotePoller;
  getFleet(): Promise<{ id: string; name: string | null }>;
  listCallbacks(): Promise<UpstreamCallbackRecord[]>;
  getCallback(upstreamId: string): Promise<UpstreamCallbackRecord | null>;
  /**
   * Every remote sent to a vehicle through one callback (paged), e.g. after a send that timed out; without a
   * callback, through the polling callback.
   */
  listRemotes(vehicleId: string, upstreamCallbackId: string | null): Promise<RemoteSnapshot[]>;
}

export interface StellantisDeps {
  clock: Clock;
  logger: Logger;
  /** A ready undici Agent (tests); by default one is built from the config. */
  agent?: Agent;
}

const seg = encodeURIComponent;

function snapshotOf(r: RemoteActionHal): RemoteSnapshot {
  return {
    remoteActionId: r.remoteActionId,
    type: r.type ?? '',
    // A remote the network returns exists: without a status it was at least accepted.
    status: r.status ?? 'Accepted',
    ...(r.failureCause && { failureCause: r.failureCause }),
    ...(r.feedbackDetail && { feedbackDetail: r.feedbackDetail }),
  };
}

async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export function createStellantisConnector(
  config: StellantisConfig,
  deps: StellantisDeps,
  options: StellantisConnectorOptions = {},
): StellantisConnector {
  const { clock, logger } = deps;
  const http: StellantisHttp = createStellantisHttp(config, deps);
  const fleet = `/fleets/${seg(config.fleetId)}`;
  const autoTrack = options.autoTrack ?? true;
  let sink: ConnectorEventSink | null = null;
  /** The upstream callback each remote was sent through, for reads that do not say. */
  const sentThrough = new Map<string, string>();
  let pollingCallback: Promise<string> | null = null;

  const poller = createRemotePoller({
    clock,
    logger,
    readRemote: (vid, cbid, rid) => connector.getRemote(vid, cbid, rid),
    sink: async (events) => {
      if (!sink) throw new Error('The connector has not been started.');
      await sink(events);
    },
    notificationsExpected: options.notificationsExpected ?? (() => true),
    ...(options.pollAfterMs !== undefined && { quietMs: options.pollAfterMs }),
    ...options.poller,
  });

  async function getOrNull(req: ApiRequest) {
    try {
      return await http.send(req);
    } catch (err) {
      if (isHttpStatus(err, 404)) return null;
      throw err;
    }
  }

  async function listCallbacks(): Promise<UpstreamCallbackRecord[]> {
    const items = await collectAll(
      http,
      { method: 'GET', path: `${fleet}/remote/callbacks`, operation: 'list the remote callbacks' },
      remoteCallbacksSchema,
      'callbacks',
      { indexRange: true },
    );
    return items.map((c) => ({
      id: c.id,
      status: c.status ?? 'Running',
      subscribe: subscribeFromHal(c.subscribe),
    }));
  }

  /** The callback remotes go through when the core has none upstream (no public receiver URL). */
  function ensurePollingCallback(): Promise<string> {
    if (options.pollingCallbackId) return Promise.resolve(options.pollingCallbackId);
    pollingCallback ??= (async () => {
      const existing = (await listCallbacks()).find(
        (c) =>
          c.subscribe.label === POLLING_CALLBACK_LABEL ||
          c.subscribe.callback.webhook.name === POLLING_CALLBACK_LABEL,
      );
      const body: UpstreamCallback = {
        label: POLLING_CALLBACK_LABEL,
        callback: {
          webhook: {
            target: options.pollingCallbackTarget ?? DEFAULT_POLLING_CALLBACK_TARGET,
            name: POLLING_CALLBACK_LABEL,
          },
        },
        retryPolicy: { policy: 'None' },
        remoteTypes: [...REMOTE_TYPES],
      };
      let id: string;
      if (existing) {
        id = existing.id;
        if (REMOTE_TYPES.some((t) => !existing.subscribe.remoteTypes.includes(t))) {
          await connector.updateCallback(id, body);
        }
        if (existing.status === 'Paused') return id;
      } else {
        id = (await connector.registerCallback(body)).upstreamId;
        logger.info('registered the polling callback upstream', { upstreamId: id });
      }
      // Paused: it posts nothing; remotes sent through it are followed by polling.
      await connector.setCallbackStatus(id, 'Paused');
      return id;
    })().catch((err) => {
      pollingCallback = null;
      throw err;
    });
    return pollingCallback;
  }

  async function vehicleDetails(v: VehicleHal): Promise<VehicleHal | undefined> {
    try {
      const res = await http.send({
        method: 'GET',
        path: `${fleet}/vehicles/${seg(v.id)}`,
        query: { extension: ['onboardCapabilities', 'branding'] },
        operation: `read the capabilities of vehicle ${v.vin ?? v.id}`,
        vehicleScoped: true,
      });
      const parsed = vehicleSchema.safeParse(res.body);
      return parsed.success ? parsed.data : undefined;
    } catch (err) {
      if (err instanceof ConnectorError && (err.kind === 'refused' || err.kind === 'invalid')) {
        logger.warn('capabilities of a vehicle could not be read', { vehicleId: v.id, problem: err.message });
        return undefined;
      }
      throw err;
    }
  }

  const connector: StellantisConnector = {
    name: 'stellantis',
    poller,

    async start(s) {
      sink = s;
    },

    rateLimit: () => http.rateLimit(),

    async getFleet() {
      const res = await http.send({ method: 'GET', path: fleet, operation: 'read the fleet' });
      const body = readBody(fleetSchema, res.body ?? {}, 'read the fleet');
      return { id: body.id ?? config.fleetId, name: body.name ?? null };
    },

    async listVehicles(): Promise<ConnectorVehicle[]> {
      const items = await collectAll(
        http,
        {
          method: 'GET',
          path: `${fleet}/vehicles`,
          query: { extension: ['branding'] },
          operation: "list the fleet's vehicles",
        },
        vehiclesSchema,
        'vehicles',
      );
      // The list carries capabilities only if the server adds them; otherwise each vehicle is read.
      return mapLimited(items, options.capabilityConcurrency ?? 4, async (v) =>
        hasOnboardCapabilities(v) ? toConnectorVehicle(v) : toConnectorVehicle(v, await vehicleDetails(v)),
      );
    },

    async getVehicleStatus(vehicleId) {
      const res = await getOrNull({
        method: 'GET',
        path: `${fleet}/vehicles/${seg(vehicleId)}/status`,
        operation: 'read the vehicle status',
        vehicleScoped: true,
      });
      const body = res?.body;
      return body && typeof body === 'object' && !Array.isArray(body)
        ? (body as Record<string, unknown>)
        : null;
    },

    async sendRemote(req: SendRemoteRequest) {
      const cbid = req.upstreamCallbackId ?? (await ensurePollingCallback());
      const res = await http.send({
        method: 'POST',
        path: `${fleet}/vehicles/${seg(req.vehicleId)}/callbacks/${seg(cbid)}/remotes`,
        body: req.body,
        operation: `send the ${req.type} remote`,
        vehicleScoped: true,
      });
      // Only 202 creates an action; otherwise no event will ever follow (stellantis-api-notes.md N4).
      if (res.status !== 202) {
        throw new ConnectorError(
          'refused',
          `Stellantis answered HTTP ${res.status} instead of 202 Accepted: no remote action was created.`,
          { code: String(res.status) },
        );
      }
      const parsed = remotePostResponseSchema.safeParse(res.body);
      if (!parsed.success) {
        throw new ConnectorError(
          'unreachable',
          'Stellantis accepted the remote (202) but its answer carried no remoteActionId; the action may exist upstream.',
          { code: '202' },
        );
      }
      const { remoteActionId } = parsed.data;
      sentThrough.set(remoteActionId, cbid);
      if (autoTrack) {
        poller.track({
          remoteActionId,
          vehicleId: req.vehicleId,
          upstreamCallbackId: cbid,
          acceptedAt: clock.nowIso(),
          vin: req.vin,
          remoteType: req.type,
        });
      }
      return { remoteActionId };
    },

    async getRemote(vehicleId, upstreamCallbackId, remoteActionId) {
      const cbid = upstreamCallbackId ?? sentThrough.get(remoteActionId) ?? (await ensurePollingCallback());
      const res = await getOrNull({
        method: 'GET',
        path: `${fleet}/vehicles/${seg(vehicleId)}/callbacks/${seg(cbid)}/remotes/${seg(remoteActionId)}`,
        operation: 'read the remote',
        vehicleScoped: true,
      });
      if (!res) return null;
      const parsed = remoteActionSchema.safeParse(res.body);
      return parsed.success ? snapshotOf(parsed.data) : null;
    },

    async listRemotes(vehicleId, upstreamCallbackId) {
      const cbid = upstreamCallbackId ?? (await ensurePollingCallback());
      const items = await collectAll(
        http,
        {
          method: 'GET',
          path: `${fleet}/vehicles/${seg(vehicleId)}/callbacks/${seg(cbid)}/remotes`,
          operation: 'list the remotes of the vehicle',
          vehicleScoped: true,
        },
        remoteActionsSchema,
        'remoteActions',
        { indexRange: true },
      );
      // With the body: what tells one remote of a type from another when the agent asks whether it sent it.
      return items.map((r) => ({ ...snapshotOf(r), ...(r.remote && { remote: r.remote }) }));
    },

    listCallbacks,

    async getCallback(upstreamId) {
      const res = await getOrNull({
        method: 'GET',
        path: `${fleet}/remote/callbacks/${seg(upstreamId)}`,
        operation: 'read the remote callback',
      });
      if (!res) return null;
      const parsed = remoteCallbackSchema.safeParse(res.body);
      if (!parsed.success) return null;
      const c = parsed.data;
      return { id: c.id, status: c.status ?? 'Running', subscribe: subscribeFromHal(c.subscribe) };
    },

    async registerCallback(callback) {
      // stellantis-api-notes.md T1: the spec lists 200, the docs 202: any 2xx is success.
      const res = await http.send({
        method: 'POST',
        path: `${fleet}/remote/callbacks`,
        body: callback,
        operation: 'register the callback',
      });
      const ref = callbackRefSchema.safeParse(res.body ?? {});
      const upstreamId = ref.success ? (ref.data.callbackId ?? ref.data.id) : undefined;
      if (!upstreamId) {
        throw new ConnectorError(
          'unreachable',
          'Stellantis accepted the callback but its answer carried no callbackId.',
          { code: String(res.status) },
        );
      }
      return { upstreamId };
    },

    async updateCallback(upstreamId, callback) {
      // A full replacement: the spec does not merge partial objects.
      await http.send({
        method: 'PUT',
        path: `${fleet}/remote/callbacks/${seg(upstreamId)}`,
        body: callback,
        operation: 'update the callback',
      });
    },

    async setCallbackStatus(upstreamId, status) {
      await http.send({
        method: 'PUT',
        path: `${fleet}/remote/callbacks/${seg(upstreamId)}/status`,
        body: { status },
        operation: `set the callback ${status === 'Paused' ? 'on pause' : 'running'}`,
      });
    },

    async deleteCallback(upstreamId) {
      try {
        await http.send({
          method: 'DELETE',
          path: `${fleet}/remote/callbacks/${seg(upstreamId)}`,
          operation: 'delete the callback',
        });
      } catch (err) {
        // Already gone upstream: what was asked is true.
        if (isHttpStatus(err, 404)) return;
        // stellantis-api-notes.md N2: deleting is allowed only with no pending remote attached; the spec does
        // not say which error that is, so any other refusal is explained with it.
        if (err instanceof ConnectorError && (err.kind === 'refused' || err.kind === 'invalid')) {
          throw new ConnectorError(
            'refused',
            'Stellantis refused to delete the callback: a callback cannot be deleted while remotes sent through it ' +
              `are still pending. Wait until they finish (or pause the callback instead). ${err.message}`,
            err.details,
          );
        }
        throw err;
      }
    },

    async close() {
      poller.stop();
      sink = null;
      await http.close();
    },
  };
  return connector;
}
