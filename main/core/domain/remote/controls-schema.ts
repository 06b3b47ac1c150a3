// The single-setting actions: lights, wake-up, doors and horn (api-b2b.yaml `RemoteLights`, `RemoteWakeUp`,
// `RemoteDoors`, `RemoteHorn`).
import { z } from 'zod';
import { must } from './remote-messages.js';

// No `duration` (removed from the spec in 3.0.4; stellantis-api-notes.md N12.4); parse-remote.ts explains it
// when sent.
export const remoteLightsSchema = z.strictObject(
  { on: z.boolean(must('"on"', 'true to switch the lights on, false to switch them off')) },
  must('Lights', 'an object like {"on": true}'),
);

export const remoteWakeUpSchema = z.strictObject(
  { action: z.literal('WakeUp', must('Wake-up action', '"WakeUp"')).default('WakeUp') },
  must('Wake-up', 'an object like {"action": "WakeUp"}'),
);

export const remoteDoorsSchema = z.strictObject(
  {
    state: z.enum(['Locked', 'Unlocked'], must('Door state', 'Locked or Unlocked')),
    // Deprecated by the spec but still honoured by some vehicles when locking, so it is kept and sent.
    forced: z
      .boolean(must('Forced', 'true or false'))
      .optional()
      .meta({ deprecated: true, description: 'Force the lock (ignored when unlocking).' }),
  },
  must('Door', 'an object like {"state": "Locked"}'),
);

// No `number` or `count` (commented out in the spec; stellantis-api-notes.md N12.4); parse-remote.ts explains
// it when sent.
export const remoteHornSchema = z.strictObject(
  { state: z.enum(['Activated', 'Unactivated'], must('Horn state', 'Activated or Unactivated')) },
  must('Horn', 'an object like {"state": "Activated"}'),
);
