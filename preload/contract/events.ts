// Change events pushed to clients (server-sent events over HTTP, IPC events on the desktop).
import { z } from 'zod';
import { deliverySchema, targetReachabilitySchema } from './deliveries.js';
import { auditEntrySchema, callbackSchema, remoteActionSchema, vehicleSchema } from './dto.js';
import { quarantineEntrySchema } from './quarantine.js';

export const changeEventSchemas = {
  /** An action was created or changed (new phase, status or outcome). */
  'action.changed': z.object({ action: remoteActionSchema }),
  'callback.changed': z.object({ callbackId: z.string(), callback: callbackSchema.nullable() }),
  'vehicle.changed': z.object({ vehicle: vehicleSchema }),
  'audit.appended': z.object({ entry: auditEntrySchema }),
  /** An outbound delivery was queued or changed state (delivered, retry scheduled, held, dead letter). */
  'delivery.changed': z.object({ delivery: deliverySchema }),
  /** A webhook target went online or offline. */
  'target.changed': z.object({ target: targetReachabilitySchema }),
  /** The receiver kept a request it could not apply; it needs an operator's attention. */
  'quarantine.added': z.object({ entry: quarantineEntrySchema }),
} as const;

export type ChangeEventName = keyof typeof changeEventSchemas;
export type ChangeEvent = {
  [K in ChangeEventName]: { name: K; data: z.infer<(typeof changeEventSchemas)[K]> };
}[ChangeEventName];
export const CHANGE_EVENT_NAMES = Object.keys(changeEventSchemas) as ChangeEventName[];
