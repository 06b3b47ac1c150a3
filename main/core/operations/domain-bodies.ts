// The schema OpenAPI shows for each body the domain validates (DOMAIN_BODIES in the registry). The transports do
// not check these bodies: the domain parsers do, behind the handler, with their own aliases and messages.
import type { z } from 'zod';
import type { DomainBodyName } from '../../../preload/contract/operations/define.js';
import {
  callbackBodySchema,
  callbackReplaceBodySchema,
  callbackStatusSetterSchema,
} from '../domain/callback/index.js';
import { remoteBodySchema } from '../domain/remote/index.js';

export const DOMAIN_BODY_SCHEMAS: Record<DomainBodyName, z.ZodType> = {
  CallbackBody: callbackBodySchema,
  // A site system's callback, or the built-in one's name (domain/callback/built-in.ts).
  CallbackReplaceBody: callbackReplaceBodySchema,
  CallbackStatusBody: callbackStatusSetterSchema,
  RemoteBody: remoteBodySchema,
};
