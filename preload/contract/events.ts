// Change events pushed to clients (server-sent events over HTTP, IPC events on the desktop).
import { z } from 'zod';
import { deliverySchema, targetReachabilitySchema } from './deliveries.js';
import { auditEntrySchema, callbackSchema, remoteActionSchema, vehicleSchema } from './dto.js';
import { quarantineEntrySchema } from './quarantine.js';
import { bulkSummarySchema, groupSchema, scheduleSchema } from './routines.js';
import { updateStatusSchema } from './updates.js';

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
  /** A group was created, changed (`group`) or deleted (`group: null`). */
  'group.changed': z.object({ groupId: z.string(), group: groupSchema.nullable() }),
  /** A bulk command started, moved on (a vehicle sent or settled) or ended: its counts (read it for the items). */
  'bulk.changed': z.object({ bulk: bulkSummarySchema }),
  /** A schedule was created, changed, paused, resumed, ran or was deleted (`schedule: null`). */
  'schedule.changed': z.object({ scheduleId: z.string(), schedule: scheduleSchema.nullable() }),
  /** The update state moved (a check, the download's progress, ready to install) or the feed changed. */
  'update.changed': z.object({ update: updateStatusSchema }),
} as const;

export type ChangeEventName = keyof typeof changeEventSchemas;
export type ChangeEvent = {
  [K in ChangeEventName]: { name: K; data: z.infer<(typeof changeEventSchemas)[K]> };
}[ChangeEventName];
export const CHANGE_EVENT_NAMES = Object.keys(changeEventSchemas) as ChangeEventName[];
