// A vehicle's condition as clients see it (issue 15): its states, where each was learnt, the wake-ups used this
// month and its readiness. Codes and parameters only: the clients word them.
import { z } from 'zod';
import {
  READINESS_NEXT_STEPS,
  VEHICLE_READINESS,
  VEHICLE_STATE_SOURCES,
  VEHICLE_STATES,
} from './vocabulary.js';

export const stateSourceSchema = z.object({
  source: z.enum(VEHICLE_STATE_SOURCES),
  /** When the source said so: the Done, the reading, the status read, the refusal; null when not known. */
  at: z.string().nullable(),
  /** The remote whose Done says it (source `action` or `network-refusal`). */
  remoteActionId: z.string().optional(),
  /** What exactly, where the state has a detail: the privacy level, the open doors (comma-separated). */
  detail: z.string().optional(),
});
export type StateSourceDto = z.infer<typeof stateSourceSchema>;

export const wakeUpsSchema = z
  .object({
    /** Calendar month (UTC) the count is for, YYYY-MM. */
    month: z.string(),
    /** Commands that woke the vehicle (a WakingUpVehicle step) and WakeUp remotes the network accepted, this month. */
    usedThisMonth: z.number().int(),
    /** The monthly budget from the settings: Stellantis does not publish the real one. */
    budget: z.number().int(),
    /** Always true: the count is the agent's own, not the network's. */
    estimated: z.literal(true),
    /** When the count starts again (the next month, UTC). */
    resetsAt: z.string(),
    /** When the network last refused a command for TooManyWakeUpsOverMonth this month; null if it has not. */
    refusedByNetworkAt: z.string().nullable(),
  })
  .meta({ id: 'VehicleWakeUps' });
export type WakeUpsDto = z.infer<typeof wakeUpsSchema>;

export const readinessSchema = z
  .object({
    code: z.enum(VEHICLE_READINESS),
    /** What to do about it. */
    nextStep: z.enum(READINESS_NEXT_STEPS),
    severity: z.enum(['info', 'success', 'warning', 'error']),
    /** For the wording: `resetsAt`, `lastActivityAt`, `wakeUpsLeft`, `privacy`, `statusAt`. */
    params: z.record(z.string(), z.union([z.string(), z.number()])),
  })
  .meta({ id: 'VehicleReadiness' });
export type ReadinessDto = z.infer<typeof readinessSchema>;

/** The condition fields of the Vehicle DTO. */
export const vehicleConditionShape = {
  /** Every state the sources show, in VEHICLE_STATES order, e.g. ["Immobilized", "Asleep"]. */
  states: z.array(z.enum(VEHICLE_STATES)),
  /** Where each state in `states` was learnt. */
  stateSources: z.partialRecord(z.enum(VEHICLE_STATES), stateSourceSchema),
  wakeUps: wakeUpsSchema,
  readiness: readinessSchema,
};
