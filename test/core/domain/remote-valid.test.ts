// Valid `Remote` bodies for each of the nine features (stellantis-api-notes.md N3): each parses to its
// RemoteType and to exactly the spec-form body, nothing added and nothing dropped.
import { describe, expect, it } from 'vitest';
import { parseRemote } from '../../../main/core/domain/remote/index.js';
import type { RemoteBody } from '../../../main/core/domain/remote/index.js';
import type { RemoteType } from '../../../main/core/domain/remote-type.js';

interface ValidCase {
  name: string;
  input: unknown;
  type: RemoteType;
  /** The expected output; omitted when it equals the input. */
  output?: RemoteBody;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'];

const VALID: ValidCase[] = [
  // charging (stellantis-api-notes.md N3), every documented example
  {
    name: 'N3 immediate start',
    input: { charging: { immediate: true } },
    type: 'ElectricBatteryChargingRequest',
  },
  {
    name: 'N3 immediate stop',
    input: { charging: { immediate: false } },
    type: 'ElectricBatteryChargingRequest',
  },
  {
    name: 'N3 delayed start (RFC 3339)',
    input: { charging: { schedule: { nextDelayedTime: '2024-05-01T22:30:00Z' } } },
    type: 'ElectricBatteryChargingRequest',
  },
  {
    name: 'N3 weekly program',
    input: {
      charging: {
        schedule: {
          programs: [
            { slot: 1, enabled: true, start: 'PT22H30M', end: 'PT6H', occurence: { day: WEEKDAYS } },
          ],
        },
      },
    },
    type: 'ElectricBatteryChargingRequest',
  },
  {
    name: 'N3 preferences',
    input: { charging: { preferences: { level: 'Level3', type: 'Partial' } } },
    type: 'ElectricBatteryChargingRequest',
  },
  {
    name: 'delayed start with an offset and a fraction',
    input: { charging: { schedule: { nextDelayedTime: '2024-05-01T22:30:00.500+02:00' } } },
    type: 'ElectricBatteryChargingRequest',
  },
  {
    name: 'delayed start as a duration from midnight (N12.5), kept as given',
    input: { charging: { schedule: { nextDelayedTime: 'PT22H30M' } } },
    type: 'ElectricBatteryChargingRequest',
  },
  {
    name: 'immediate together with a schedule',
    input: { charging: { immediate: false, schedule: { nextDelayedTime: 'PT6H' } } },
    type: 'ElectricBatteryChargingRequest',
  },
  {
    name: 'four programs, minimal fields',
    input: {
      charging: {
        schedule: {
          programs: [
            { slot: 4, start: 'PT0S' },
            { slot: 3, start: 'PT23H59M59S' },
            { slot: 2, start: 'PT90M', enabled: false },
            { slot: 1, start: 'PT1H', occurence: { day: ['Sun'] } },
          ],
        },
      },
    },
    type: 'ElectricBatteryChargingRequest',
  },
  {
    name: 'preferences with a level only',
    input: { charging: { preferences: { level: 'Level5' } } },
    type: 'ElectricBatteryChargingRequest',
  },
  {
    name: 'preferences with a type only',
    input: { charging: { preferences: { type: 'Full' } } },
    type: 'ElectricBatteryChargingRequest',
  },

  // stolen
  { name: 'N3 declare stolen', input: { stolen: { stolen: true } }, type: 'Stolen' },
  { name: 'clear the stolen declaration', input: { stolen: { stolen: false } }, type: 'Stolen' },
  {
    name: 'N3 tracking period',
    input: { stolen: { trackingPeriod: { running: 30, shutdown: 120 } } },
    type: 'Stolen',
  },
  {
    name: 'tracking period at its minimum',
    input: { stolen: { trackingPeriod: { running: 5 } } },
    type: 'Stolen',
  },
  {
    name: 'tracking period, shutdown only',
    input: { stolen: { trackingPeriod: { shutdown: 60 } } },
    type: 'Stolen',
  },
  { name: 'N3 immobilization', input: { stolen: { immobilization: { activate: true } } }, type: 'Stolen' },

  // lights
  { name: 'N3 lights on', input: { lights: { on: true } }, type: 'Lights' },
  { name: 'lights off', input: { lights: { on: false } }, type: 'Lights' },

  // doors
  { name: 'N3 lock', input: { door: { state: 'Locked' } }, type: 'Doors' },
  { name: 'N3 unlock', input: { door: { state: 'Unlocked' } }, type: 'Doors' },
  {
    name: 'forced lock (deprecated, kept)',
    input: { door: { state: 'Locked', forced: true } },
    type: 'Doors',
  },

  // horn
  { name: 'N3 horn', input: { horn: { state: 'Activated' } }, type: 'Horn' },
  { name: 'horn off', input: { horn: { state: 'Unactivated' } }, type: 'Horn' },

  // wake-up
  { name: 'N3 wake-up', input: { wakeUp: { action: 'WakeUp' } }, type: 'WakeUp' },
  {
    name: 'wake-up without action gets the default',
    input: { wakeUp: {} },
    type: 'WakeUp',
    output: { wakeUp: { action: 'WakeUp' } },
  },

  // preconditioning
  {
    name: 'N3 immediate with a Set and a Delete program',
    input: {
      preconditioning: {
        airConditioning: {
          immediate: true,
          programs: [
            {
              slot: 1,
              enabled: true,
              recurrence: 'Daily',
              start: 'PT7H15M',
              occurence: { day: WEEKDAYS },
              actionsType: 'Set',
            },
            { slot: 3, actionsType: 'Delete' },
          ],
        },
      },
    },
    type: 'ThermalPreconditioning',
  },
  {
    name: 'immediate only',
    input: { preconditioning: { airConditioning: { immediate: true } } },
    type: 'ThermalPreconditioning',
  },
  {
    name: 'Set program without actionsType or recurrence: nothing is added',
    input: {
      preconditioning: {
        airConditioning: {
          programs: [{ slot: 2, enabled: false, start: 'PT18H', occurence: { day: ['Sat'] } }],
        },
      },
    },
    type: 'ThermalPreconditioning',
  },
  {
    name: 'Set program with recurrence None',
    input: {
      preconditioning: {
        airConditioning: {
          programs: [
            { slot: 4, enabled: true, recurrence: 'None', start: 'PT6H', occurence: { day: ['Mon'] } },
          ],
        },
      },
    },
    type: 'ThermalPreconditioning',
  },
  {
    name: 'Delete without start (T11)',
    input: { preconditioning: { airConditioning: { programs: [{ slot: 1, actionsType: 'Delete' }] } } },
    type: 'ThermalPreconditioning',
  },

  // immobilization
  { name: 'N3 immobilize', input: { immobilization: { activate: true } }, type: 'Immobilization' },
  { name: 'lift the immobilization', input: { immobilization: { activate: false } }, type: 'Immobilization' },

  // navigation
  {
    name: 'N3 two points',
    input: {
      navigation: {
        positions: [
          { type: 'Point', coordinates: [2.3522, 48.8566] },
          { type: 'Point', coordinates: [4.8357, 45.764] },
        ],
      },
    },
    type: 'Navigation',
  },
  {
    name: 'a point with altitude, at the edges of the ranges',
    input: { navigation: { positions: [{ type: 'Point', coordinates: [-180, 90, 35.5] }] } },
    type: 'Navigation',
  },
  {
    name: '9 waypoints + the destination',
    input: {
      navigation: {
        positions: Array.from({ length: 10 }, (_, i) => ({ type: 'Point', coordinates: [i, -i] })),
      },
    },
    type: 'Navigation',
  },
  {
    name: 'driverApproval (deprecated) is accepted and dropped',
    input: {
      navigation: { driverApproval: true, positions: [{ type: 'Point', coordinates: [2.35, 48.85] }] },
    },
    type: 'Navigation',
    output: { navigation: { positions: [{ type: 'Point', coordinates: [2.35, 48.85] }] } },
  },

  // Envelope
  {
    name: 'a label up to 200 characters',
    input: { label: 'x'.repeat(200), horn: { state: 'Activated' } },
    type: 'Horn',
  },
  { name: 'an empty label', input: { label: '', lights: { on: true } }, type: 'Lights' },
];

describe('parseRemote: valid bodies', () => {
  it.each(VALID)('$name', ({ input, type, output }) => {
    expect(parseRemote(input)).toStrictEqual({ ok: true, value: { body: output ?? input, type } });
  });

  it('covers the nine remote types', () => {
    expect(new Set(VALID.map((c) => c.type)).size).toBe(9);
  });

  it('does not change the caller’s object', () => {
    const input = { wakeUp: {} };
    parseRemote(input);
    expect(input).toStrictEqual({ wakeUp: {} });
  });
});
