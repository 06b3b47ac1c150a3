// The fleet API's own answer shapes (api-b2b.yaml v3.19.2), as the mirror sends them: HAL objects and
// collections, the xError body, plus the few local extensions each one carries (named in the descriptions).
import { z } from 'zod';
import { actionErrorSchema } from '../../../../../preload/contract/dto.js';
import { ACTION_PHASES } from '../../../../../preload/contract/vocabulary.js';

const link = z.object({ href: z.string(), templated: z.boolean().optional() });
const optionalLink = link.optional();

/** The spec's xError, with the agent's code and field messages as extensions. */
export const mirrorErrorSchema = z
  .object({
    code: z.number().int().describe('The HTTP status followed by two digits (always 00 here), e.g. 40400'),
    uuid: z.string().describe('Names this answer'),
    message: z.string(),
    timestamp: z.string(),
    depotCode: z.string().describe("Local extension: the agent's stable code, e.g. CALLBACK_NOT_FOUND"),
    errors: z
      .array(z.object({ field: z.string(), message: z.string() }))
      .describe('Local extension: what is wrong with each field'),
  })
  .meta({ id: 'MirrorError' });
export type MirrorError = z.infer<typeof mirrorErrorSchema>;

/** The spec's CollectionResult with its items under `_embedded[key]`. */
export function collectionOf<K extends string, T extends z.ZodType>(key: K, item: T) {
  return z.object({
    _links: z.object({
      self: link,
      first: link,
      next: optionalLink,
      prev: optionalLink,
      last: optionalLink,
    }),
    total: z.number().int(),
    totalPage: z.number().int(),
    currentPage: z.number().int(),
    _embedded: z.object({ [key]: z.array(item) } as Record<K, z.ZodArray<T>>),
  });
}

export const fleetSchema = z
  .object({
    _links: z.object({ self: link, vehicles: link, callbacks: link }),
    id: z.string(),
    connector: z
      .string()
      .describe('Local extension: the network this agent talks to (simulator, stellantis)'),
  })
  .meta({ id: 'MirrorFleet' });

const capability = z.object({ supported: z.boolean(), reason: z.string().optional() });

export const vehicleItemSchema = z
  .object({
    _links: z.object({ self: link, fleet: link, callbacks: link, remotes: link }),
    id: z.string(),
    vin: z.string(),
    motorization: z.enum(['Electric', 'Hybrid', 'Thermic', 'Hydrogen']).optional(),
    brand: z.string().optional(),
    label: z.string().nullable().describe('Local extension: the depot’s name for the vehicle'),
    model: z.string().nullable().describe('Local extension'),
    capabilities: z
      .record(z.string(), capability)
      .describe('Local extension: per remote type, whether the vehicle can do it and why not'),
  })
  .meta({ id: 'MirrorVehicle' });

const callbackExtensions = {
  signingSecret: z
    .string()
    .nullable()
    .describe('Local extension: the Standard Webhooks secret, masked (null when unsigned)'),
  previousSigningSecretValidUntil: z.string().nullable().describe('Local extension'),
  authentication: z
    .object({ type: z.enum(['Basic', 'Bearer']), username: z.string().optional(), secret: z.string() })
    .nullable()
    .describe('Local extension: the authentication helper, its secret masked'),
  secretsLost: z.literal(true).optional().describe('Local extension: secrets cleared by --forget-secrets'),
  builtIn: z
    .literal(true)
    .optional()
    .describe(
      'Local extension: the built-in callback, "This workstation": notifications stay on the workstation, so its ' +
        'subscribe has no callback.webhook, retryPolicy or batchNotify (the spec requires them); upstream it is ' +
        "registered pointing at the agent's own receiver",
    ),
};

export const remoteCallbackSchema = z
  .object({
    _links: z.object({ self: link, fleet: link, remotes: link }),
    id: z.string(),
    subscribe: z.record(z.string(), z.unknown()).describe('The RemoteCallbackSubscribe object, in spec form'),
    status: z.enum(['Running', 'Paused', 'Failed']),
    ...callbackExtensions,
  })
  .meta({ id: 'MirrorRemoteCallback' });

export const callbackRefSchema = z
  .object({
    _links: z.object({ fleet: link, callback: link }),
    callbackId: z.string(),
    status: z.enum(['Running', 'Paused', 'Failed']),
    signingSecret: z
      .string()
      .optional()
      .describe('Local extension: in clear, only in the answer to the request that set it'),
  })
  .meta({ id: 'MirrorCallbackRef' });

export const remotePostResponseSchema = z
  .object({
    _links: z.object({ fleet: link, callback: link, remote: link }),
    remoteActionId: z.string(),
    type: z.string(),
  })
  .meta({ id: 'MirrorRemotePostResponse' });

export const remoteActionSchema = z
  .object({
    _links: z.object({ fleet: link, callback: link, self: link }),
    remoteActionId: z
      .string()
      .describe("The agent's id of the action (the network's is upstreamRemoteActionId)"),
    type: z.string(),
    remote: z.record(z.string(), z.unknown()).describe('The Remote body as sent'),
    status: z.string().optional().describe('RemoteActionStatus; absent while the agent is still sending it'),
    failureCause: z.string().optional(),
    feedbackDetail: z.string().optional(),
    upstreamRemoteActionId: z.string().optional().describe("Local extension: the network's id"),
    phase: z.enum(ACTION_PHASES).describe("Local extension: the agent's view of the action's life"),
    error: actionErrorSchema
      .optional()
      .describe('Local extension: why it ended without being carried out, as a code with its values'),
    createdAt: z.string().describe('Local extension'),
    updatedAt: z.string().describe('Local extension'),
  })
  .meta({ id: 'MirrorRemoteAction' });
