// The single-setting actions: lights, wake-up, doors and horn (api-b2b.yaml `RemoteLights`, `RemoteWakeUp`,
// `RemoteDoors`, `RemoteHorn`).
import { z } from 'zod';
import { must } from './remote-messages.js';

// No `duration` (removed from the spec in 3.0.4; stellantis-api-notes.md N12.4); parse-remote.ts explains it
// when sent.
export const remoteLightsSchema = z.strictObject(
  { on: z.boolean(must('errors:field.on', 'errors:what.lightsOn')) },
  must('errors:field.lights', 'errors:what.objectLike', { params: { example: '{"on": true}' } }),
);

export const remoteWakeUpSchema = z.strictObject(
  {
    action: z
      .literal(
        'WakeUp',
        must('errors:field.wakeUpAction', 'errors:what.exactly', { params: { value: '"WakeUp"' } }),
      )
      .default('WakeUp'),
  },
  must('errors:field.wakeUp', 'errors:what.objectLike', { params: { example: '{"action": "WakeUp"}' } }),
);

export const remoteDoorsSchema = z.strictObject(
  {
    state: z.enum(['Locked', 'Unlocked'], must('errors:field.doorState', 'errors:what.lockedOrUnlocked')),
    // Deprecated by the spec but still honoured by some vehicles when locking, so it is kept and sent.
    forced: z
      .boolean(must('errors:field.forced', 'errors:what.trueOrFalse'))
      .optional()
      .meta({ deprecated: true, description: 'Force the lock (ignored when unlocking).' }),
  },
  must('errors:field.door', 'errors:what.objectLike', { params: { example: '{"state": "Locked"}' } }),
);

// No `number` or `count` (commented out in the spec; stellantis-api-notes.md N12.4); parse-remote.ts explains
// it when sent.
export const remoteHornSchema = z.strictObject(
  {
    state: z.enum(['Activated', 'Unactivated'], must('errors:field.hornState', 'errors:what.activatedOrNot')),
  },
  must('errors:field.horn', 'errors:what.objectLike', { params: { example: '{"state": "Activated"}' } }),
);
