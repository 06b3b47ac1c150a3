// The agent's DTOs in the fleet API's shapes, with HAL links under the mirror's own paths.
import type { z } from 'zod';
import type { CallbackDto, RemoteActionDto, VehicleDto } from '../../../../../preload/contract/dto.js';
import type {
  callbackRefSchema,
  remoteActionSchema,
  remoteCallbackSchema,
  remotePostResponseSchema,
  vehicleItemSchema,
} from './mirror-schemas.js';

/** Where the mirror's paths start: the fleet API's `/fleets…` below the local API's base. */
export const MIRROR_BASE = '/api/v1';

const seg = encodeURIComponent;

/** Every href of one fleet's resources. */
export function fleetPaths(fid: string) {
  const fleet = `${MIRROR_BASE}/fleets/${seg(fid)}`;
  const vehicle = (vid: string) => `${fleet}/vehicles/${seg(vid)}`;
  const remotes = (vid: string, cbid: string) => `${vehicle(vid)}/callbacks/${seg(cbid)}/remotes`;
  return {
    fleet,
    vehicles: `${fleet}/vehicles`,
    vehicle,
    callbacks: `${fleet}/remote/callbacks`,
    callback: (cbid: string) => `${fleet}/remote/callbacks/${seg(cbid)}`,
    remotes,
    /** A callback's remotes on any vehicle: an RFC 6570 template (`templated: true`). */
    remotesOf: (cbid: string) => `${fleet}/vehicles/{vid}/callbacks/${seg(cbid)}/remotes`,
    remote: (vid: string, cbid: string, rid: string) => `${remotes(vid, cbid)}/${seg(rid)}`,
  };
}
export type FleetPaths = ReturnType<typeof fleetPaths>;

const MOTORIZATION = {
  Electric: 'Electric',
  PlugInHybrid: 'Hybrid',
  Hybrid: 'Hybrid',
  Combustion: 'Thermic',
} as const;

export function toVehicleItem(v: VehicleDto, p: FleetPaths): z.infer<typeof vehicleItemSchema> {
  const motorization = MOTORIZATION[v.energy as keyof typeof MOTORIZATION];
  return {
    _links: {
      self: { href: p.vehicle(v.id) },
      fleet: { href: p.fleet },
      callbacks: { href: p.callbacks },
      remotes: { href: `${p.vehicle(v.id)}/callbacks/{cbid}/remotes`, templated: true },
    },
    id: v.id,
    vin: v.vin,
    ...(motorization ? { motorization } : {}),
    ...(v.brand ? { brand: v.brand } : {}),
    label: v.label,
    model: v.model,
    capabilities: v.capabilities,
  };
}

export function toRemoteCallback(c: CallbackDto, p: FleetPaths): z.infer<typeof remoteCallbackSchema> {
  return {
    _links: {
      self: { href: p.callback(c.id) },
      fleet: { href: p.fleet },
      remotes: { href: p.remotesOf(c.id), templated: true },
    },
    id: c.id,
    subscribe: c.subscribe,
    status: c.status,
    signingSecret: c.signingSecret,
    previousSigningSecretValidUntil: c.previousSigningSecretValidUntil,
    authentication: c.authentication,
    ...(c.secretsLost ? { secretsLost: true as const } : {}),
    ...(c.builtIn ? { builtIn: true as const } : {}),
  };
}

/** `revealSecret`: the request set the signing secret, so its answer shows it (the one place it is in clear). */
export function toCallbackRef(
  c: CallbackDto,
  p: FleetPaths,
  revealSecret: boolean,
): z.infer<typeof callbackRefSchema> {
  return {
    _links: { fleet: { href: p.fleet }, callback: { href: p.callback(c.id) } },
    callbackId: c.id,
    status: c.status,
    ...(revealSecret && c.signingSecret ? { signingSecret: c.signingSecret } : {}),
  };
}

export function toRemotePostResponse(
  a: RemoteActionDto,
  p: FleetPaths,
): z.infer<typeof remotePostResponseSchema> {
  return {
    _links: {
      fleet: { href: p.fleet },
      callback: { href: p.callback(a.callbackId) },
      remote: { href: p.remote(a.vehicleId, a.callbackId, a.remoteActionId) },
    },
    remoteActionId: a.remoteActionId,
    type: a.type,
  };
}

/**
 * The spec's RemoteActionStatus: the network's last one; `Accepted` once it took the action before any event came;
 * `Failed` when it never took it (refused, expired or cancelled before leaving); absent while the agent is still
 * sending it or it waits in the queue.
 */
function specStatus(a: RemoteActionDto): string | undefined {
  if (a.phase === 'Refused' || a.phase === 'Expired' || a.phase === 'Cancelled') return 'Failed';
  if (a.status) return a.status;
  return a.phase === 'Sending' || a.phase === 'Queued' ? undefined : 'Accepted';
}

export function toRemoteAction(a: RemoteActionDto, p: FleetPaths): z.infer<typeof remoteActionSchema> {
  const status = specStatus(a);
  return {
    _links: {
      fleet: { href: p.fleet },
      callback: { href: p.callback(a.callbackId) },
      self: { href: p.remote(a.vehicleId, a.callbackId, a.remoteActionId) },
    },
    remoteActionId: a.remoteActionId,
    type: a.type,
    remote: a.remote,
    ...(status ? { status } : {}),
    ...(a.failureCause ? { failureCause: a.failureCause } : {}),
    ...(a.feedbackDetail ? { feedbackDetail: a.feedbackDetail } : {}),
    ...(a.upstreamRemoteActionId ? { upstreamRemoteActionId: a.upstreamRemoteActionId } : {}),
    phase: a.phase,
    ...(a.error ? { error: a.error } : {}),
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}
