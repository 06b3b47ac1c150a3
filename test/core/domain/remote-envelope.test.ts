// The `Remote` envelope (an optional label and exactly one action, stellantis-api-notes.md N3), the
// documented aliases that are read on input and never sent (T9, N12.2, N12.3), the deprecated root
// `charging.nextDelayedTime` (T10), and the RemoteType of a body.
import { describe, expect, it } from 'vitest';
import { parseRemote, remoteTypeOfBody } from '../../../main/core/domain/remote/index.js';
import type { RemoteBody } from '../../../main/core/domain/remote/index.js';
import { REMOTE_TYPES } from '../../../main/core/domain/remote-type.js';
import type { RemoteType } from '../../../main/core/domain/remote-type.js';
import { worded } from '../../helpers/field-errors.js';

type Expected = [field: string, messagePart: string][];

function expectErrors(input: unknown, expected: Expected): void {
  const result = parseRemote(input);
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(worded(result.errors)).toEqual(
    expected.map(([field, part]) => ({ field, message: expect.stringContaining(part) as unknown })),
  );
}

function expectBody(input: unknown, body: RemoteBody, type: RemoteType): void {
  expect(parseRemote(input)).toStrictEqual({ ok: true, value: { body, type } });
}

const NINE_KEYS =
  'charging, stolen, lights, wakeUp, preconditioning, door, horn, immobilization or navigation';

describe('parseRemote: envelope', () => {
  it.each([5, 'horn', null, [], [{ horn: { state: 'Activated' } }], undefined])(
    'refuses %j as a body',
    (input) => expectErrors(input, [['', 'The request must be a JSON object']]),
  );

  it('lists the nine actions when there is none', () => {
    expectErrors({}, [['', `Choose one action: ${NINE_KEYS}.`]]);
    expectErrors({ label: 'only a label' }, [['', `Choose one action: ${NINE_KEYS}.`]]);
  });

  it('names both actions when there are two', () =>
    expectErrors({ door: { state: 'Locked' }, horn: { state: 'Activated' } }, [
      ['', 'Only one action per request: found door and horn.'],
    ]));

  it('names all of them when there are more', () =>
    expectErrors({ door: { state: 'Locked' }, horn: { state: 'Activated' }, lights: { on: true } }, [
      ['', 'Only one action per request: found door, horn and lights.'],
    ]));

  it('names an unknown top-level field instead of ignoring it', () =>
    expectErrors({ horn: { state: 'Activated' }, priority: 'high' }, [
      [
        'priority',
        `Unknown field "priority": a request holds an optional label and one action (${NINE_KEYS}).`,
      ],
    ]));

  it('names a mistyped action key, besides saying no action was found', () =>
    expectErrors({ lihgts: { on: true } }, [
      ['', 'Choose one action'],
      ['lihgts', 'Unknown field "lihgts"'],
    ]));

  it('reports a "__proto__" key as unknown, without touching prototypes', () =>
    expectErrors(JSON.parse('{"__proto__": {"on": true}, "horn": {"state": "Activated"}}'), [
      ['__proto__', 'Unknown field "__proto__"'],
    ]));

  it('ignores keys whose value is undefined, as JSON would', () =>
    expectBody({ horn: { state: 'Activated' }, door: undefined }, { horn: { state: 'Activated' } }, 'Horn'));

  it('keeps the label', () =>
    expectBody(
      { label: 'Bay 3 unlock', door: { state: 'Unlocked' } },
      { label: 'Bay 3 unlock', door: { state: 'Unlocked' } },
      'Doors',
    ));

  it('refuses a label that is not text', () =>
    expectErrors({ label: 42, horn: { state: 'Activated' } }, [
      ['label', 'Label must be text of at most 200 characters (got 42).'],
    ]));

  it('refuses a label over 200 characters', () =>
    expectErrors({ label: 'x'.repeat(201), horn: { state: 'Activated' } }, [
      ['label', 'Label must be at most 200 characters (got 201).'],
    ]));

  it('still checks the label and every action when the envelope is wrong', () =>
    expectErrors({ label: 7, door: { state: 'open' }, horn: {}, extra: true }, [
      ['', 'Only one action per request: found door and horn.'],
      ['extra', 'Unknown field "extra"'],
      ['label', 'Label must be text'],
      ['door.state', 'Door state must be Locked or Unlocked (got "open").'],
      ['horn.state', 'Horn state is required'],
    ]));
});

describe('parseRemote: aliases from the docs (T9)', () => {
  it('reads "preonditionning" as preconditioning', () =>
    expectBody(
      { preonditionning: { airConditioning: { immediate: true } } },
      { preconditioning: { airConditioning: { immediate: true } } },
      'ThermalPreconditioning',
    ));

  it('reads "ligths" as lights', () =>
    expectBody({ ligths: { on: false } }, { lights: { on: false } }, 'Lights'));

  it.each([{ action: 'state' }, { action: 'State' }, {}])(
    'reads "state": %j as the WakeUp remote (N12.3)',
    (state) => expectBody({ state }, { wakeUp: { action: 'WakeUp' } }, 'WakeUp'),
  );

  it('keeps the label next to an alias', () =>
    expectBody(
      { label: 'refresh', state: { action: 'state' } },
      { label: 'refresh', wakeUp: { action: 'WakeUp' } },
      'WakeUp',
    ));

  it('reports errors at the spec path', () => {
    expectErrors({ ligths: { on: 'yes' } }, [['lights.on', '"on" must be true']]);
    expectErrors({ preonditionning: {} }, [
      ['preconditioning.airConditioning', 'Air conditioning is required'],
    ]);
    expectErrors({ state: { action: 'refresh' } }, [
      ['wakeUp.action', 'Wake-up action must be "WakeUp" (got "refresh").'],
    ]);
  });

  it('counts an alias next to its spec key as a second action', () => {
    expectErrors({ lights: { on: true }, ligths: { on: true } }, [['', 'found lights and ligths.']]);
    expectErrors({ wakeUp: {}, state: { action: 'state' } }, [['', 'found wakeUp and state.']]);
  });
});

describe('parseRemote: deprecated charging.nextDelayedTime (N3)', () => {
  it('moves it into schedule', () =>
    expectBody(
      { charging: { nextDelayedTime: '2024-05-01T22:30:00Z' } },
      { charging: { schedule: { nextDelayedTime: '2024-05-01T22:30:00Z' } } },
      'ElectricBatteryChargingRequest',
    ));

  it('keeps the other charging fields', () =>
    expectBody(
      { charging: { immediate: false, nextDelayedTime: 'PT6H' } },
      { charging: { immediate: false, schedule: { nextDelayedTime: 'PT6H' } } },
      'ElectricBatteryChargingRequest',
    ));

  it('validates the moved value at its spec path', () =>
    expectErrors({ charging: { nextDelayedTime: 'soon' } }, [
      [
        'charging.schedule.nextDelayedTime',
        'Next delayed time must be a date and time like 2024-05-01T22:30:00Z',
      ],
    ]));

  it('refuses it next to schedule programs, like any schedule with both modes', () =>
    expectErrors(
      { charging: { nextDelayedTime: 'PT6H', schedule: { programs: [{ slot: 1, start: 'PT1H' }] } } },
      [['charging.schedule', 'Schedule takes only one of nextDelayedTime or programs']],
    ));

  it('refuses it when schedule has one too', () =>
    expectErrors({ charging: { nextDelayedTime: 'PT6H', schedule: { nextDelayedTime: 'PT7H' } } }, [
      ['charging.nextDelayedTime', 'nextDelayedTime is given twice'],
    ]));
});

describe('remoteTypeOfBody', () => {
  const bodies: Record<RemoteType, RemoteBody> = {
    ElectricBatteryChargingRequest: { charging: { immediate: true } },
    Stolen: { stolen: { stolen: true } },
    Lights: { lights: { on: true } },
    WakeUp: { wakeUp: { action: 'WakeUp' } },
    ThermalPreconditioning: { preconditioning: { airConditioning: { immediate: true } } },
    Doors: { door: { state: 'Locked' } },
    Horn: { horn: { state: 'Activated' } },
    Immobilization: { immobilization: { activate: true } },
    Navigation: { navigation: { positions: [{ type: 'Point', coordinates: [2.35, 48.85] }] } },
  };

  it.each(REMOTE_TYPES)('%s', (type) => {
    expect(remoteTypeOfBody(bodies[type])).toBe(type);
    expect(remoteTypeOfBody({ label: 'x', ...bodies[type] })).toBe(type);
  });
});
