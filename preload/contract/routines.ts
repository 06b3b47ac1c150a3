// Depot routines (issue 16) as clients see them: vehicle groups, bulk commands with their per-vehicle report, and
// schedules with their runs. The core shapes these; the operations that carry them are in operations/routines.ts.
import { z } from 'zod';
import { actorRefSchema } from './access.js';
import {
  BULK_ITEM_STATES,
  BULK_SKIP_REASONS,
  BULK_STATUSES,
  DONE_STATUSES,
  NAME_MAX_LENGTH,
  REMOTE_TYPES,
  SCHEDULE_RUN_STATUSES,
  SCHEDULE_STATUSES,
  VEHICLE_READINESS,
  VEHICLE_STATES,
  WEEKDAYS,
} from './vocabulary.js';

/** Most vehicles one group or one bulk command names (the simulator's largest fleet). */
export const ROUTINE_MAX_VEHICLES = 5000;

const vehicleId = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\w.:~-]+$/, 'Ids are letters, digits and - _ . : ~ only.');
const vehicleIds = z.array(vehicleId).min(1).max(ROUTINE_MAX_VEHICLES);
const name = z.string().trim().min(1).max(NAME_MAX_LENGTH);

/** A saved filter: the fleet list's own filters (listVehicles), evaluated each time the group is used. */
export const groupFilterSchema = z
  .object({
    search: z.string().max(100).optional(),
    state: z.array(z.enum(VEHICLE_STATES)).max(VEHICLE_STATES.length).optional(),
    readiness: z.array(z.enum(VEHICLE_READINESS)).max(VEHICLE_READINESS.length).optional(),
  })
  .meta({ id: 'GroupFilter' });
export type GroupFilterDto = z.infer<typeof groupFilterSchema>;

/** Create or replace a group: explicit members or a saved filter, exactly one of the two. */
export const groupBodySchema = z
  .object({
    name,
    vehicleIds: vehicleIds.optional(),
    filter: groupFilterSchema.optional(),
  })
  .refine((b) => (b.vehicleIds === undefined) !== (b.filter === undefined), {
    message: 'Give either vehicleIds or filter.',
    path: ['vehicleIds'],
  })
  .meta({ id: 'GroupBody' });
export type GroupBodyDto = z.infer<typeof groupBodySchema>;

export const groupSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(['members', 'filter']),
    /** Members: as saved. Filter: the vehicles matching it now. Unknown ids (vehicles gone) are left out. */
    vehicleIds: z.array(z.string()),
    filter: groupFilterSchema.nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    createdBy: actorRefSchema.nullable(),
  })
  .meta({ id: 'Group' });
export type GroupDto = z.infer<typeof groupSchema>;

/** The command every vehicle of a bulk or a schedule gets: one remote body, as for sendRemote. */
const remoteBody = z
  .record(z.string(), z.unknown())
  .describe('The remote, exactly as the body of sendRemote (one action); the domain checks it');

export const bulkBodySchema = z
  .object({
    callbackId: vehicleId.optional().describe('Default: the built-in callback (this workstation)'),
    vehicleIds: vehicleIds.optional(),
    groupId: vehicleId.optional(),
    remote: remoteBody,
  })
  .refine((b) => (b.vehicleIds === undefined) !== (b.groupId === undefined), {
    message: 'Give either vehicleIds or groupId.',
    path: ['vehicleIds'],
  })
  .meta({ id: 'BulkRemoteBody' });
export type BulkBodyDto = z.infer<typeof bulkBodySchema>;

export const bulkItemSchema = z
  .object({
    vehicleId: z.string(),
    vin: z.string(),
    label: z.string().nullable(),
    state: z.enum(BULK_ITEM_STATES),
    reason: z.enum(BULK_SKIP_REASONS).nullable(),
    /** More about the reason: the refusal's error code. */
    detail: z.string().nullable(),
    remoteActionId: z.string().nullable(),
    /** How the action ended: its Done status, or the phase it ended in (Refused, TimedOut, Expired, Cancelled). */
    outcome: z
      .union([z.enum(DONE_STATUSES), z.enum(['Refused', 'TimedOut', 'Expired', 'Cancelled'])])
      .nullable(),
    /** The action's failure cause when it failed (the fleet API's failureCause). */
    failureCause: z.string().nullable(),
    sentAt: z.string().nullable(),
    endedAt: z.string().nullable(),
  })
  .meta({ id: 'BulkRemoteItem' });
export type BulkItemDto = z.infer<typeof bulkItemSchema>;

export const bulkCountsSchema = z.object({
  total: z.number().int(),
  ...Object.fromEntries(BULK_ITEM_STATES.map((s) => [s, z.number().int()])),
}) as z.ZodObject<{ total: z.ZodNumber } & Record<(typeof BULK_ITEM_STATES)[number], z.ZodNumber>>;
export type BulkCountsDto = z.infer<typeof bulkCountsSchema>;

export const bulkSchema = z
  .object({
    bulkId: z.string(),
    type: z.enum(REMOTE_TYPES),
    remote: z.record(z.string(), z.unknown()),
    callbackId: z.string(),
    groupId: z.string().nullable(),
    scheduleId: z.string().nullable(),
    status: z.enum(BULK_STATUSES),
    counts: bulkCountsSchema,
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    createdBy: actorRefSchema.nullable(),
    /** Per vehicle, in the order they are sent. */
    items: z.array(bulkItemSchema),
  })
  .meta({ id: 'BulkRemote' });
export type BulkDto = z.infer<typeof bulkSchema>;

/** A bulk without its items (the list). */
export const bulkSummarySchema = bulkSchema.omit({ items: true }).meta({ id: 'BulkRemoteSummary' });
export type BulkSummaryDto = z.infer<typeof bulkSummarySchema>;

/** `?dryRun=true`: who would be sent and who skipped, nothing stored or sent. */
export const bulkPlanSchema = z
  .object({
    dryRun: z.literal(true),
    type: z.enum(REMOTE_TYPES),
    callbackId: z.string(),
    counts: bulkCountsSchema,
    items: z.array(bulkItemSchema),
    /** How long sending all of them takes at the pacing setting, in seconds. */
    estimatedSeconds: z.number(),
  })
  .meta({ id: 'BulkRemotePlan' });
export type BulkPlanDto = z.infer<typeof bulkPlanSchema>;

export const bulkAcceptedSchema = z.object({ bulkId: z.string() }).meta({ id: 'BulkRemoteAccepted' });

/** "06:30": a wall-clock time in the site's time zone. */
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Give a time as HH:MM, e.g. 06:30.');

export const scheduleRuleSchema = z
  .object({
    days: z.array(z.enum(WEEKDAYS)).min(1).max(7),
    time: clockTime,
  })
  .meta({ id: 'ScheduleRule' });
export type ScheduleRuleDto = z.infer<typeof scheduleRuleSchema>;

export const scheduleBodySchema = z
  .object({
    name,
    remote: remoteBody,
    callbackId: vehicleId.optional().describe('Default: the built-in callback (this workstation)'),
    groupId: vehicleId.optional(),
    vehicleIds: vehicleIds.optional(),
    rule: scheduleRuleSchema,
  })
  .refine((b) => (b.vehicleIds === undefined) !== (b.groupId === undefined), {
    message: 'Give either vehicleIds or groupId.',
    path: ['vehicleIds'],
  })
  .meta({ id: 'ScheduleBody' });
export type ScheduleBodyDto = z.infer<typeof scheduleBodySchema>;

export const scheduleRunSchema = z
  .object({
    id: z.string(),
    scheduleId: z.string(),
    /** The planned instant (UTC), from the rule in the site's time zone. */
    plannedFor: z.string(),
    status: z.enum(SCHEDULE_RUN_STATUSES),
    /** When it ran or was found missed. */
    at: z.string(),
    bulkId: z.string().nullable(),
    /** Why it failed, as an error code. */
    reason: z.string().nullable(),
  })
  .meta({ id: 'ScheduleRun' });
export type ScheduleRunDto = z.infer<typeof scheduleRunSchema>;

export const scheduleSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    type: z.enum(REMOTE_TYPES),
    remote: z.record(z.string(), z.unknown()),
    callbackId: z.string(),
    groupId: z.string().nullable(),
    vehicleIds: z.array(z.string()).nullable(),
    rule: scheduleRuleSchema,
    /** The site's time zone the rule is read in (the setting). */
    timeZone: z.string(),
    status: z.enum(SCHEDULE_STATUSES),
    /** The next planned instant (UTC); null while paused. */
    nextRunAt: z.string().nullable(),
    lastRun: scheduleRunSchema.nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    createdBy: actorRefSchema.nullable(),
  })
  .meta({ id: 'Schedule' });
export type ScheduleDto = z.infer<typeof scheduleSchema>;

export const scheduleStatusBodySchema = z
  .object({ status: z.enum(SCHEDULE_STATUSES) })
  .meta({ id: 'ScheduleStatusBody' });
