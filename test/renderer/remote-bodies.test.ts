// @vitest-environment jsdom
// The forms' drafts produce exactly the fleet API's Remote bodies (stellantis-api-notes.md N3), for all nine
// features. A DOM environment: the local field messages come from the catalogs (test/setup.ts starts them there).
import { describe, expect, it } from 'vitest';
import { initialCharging } from '../../renderer/src/features/remotes/models/charging-model.js';
import { initialStolen } from '../../renderer/src/features/remotes/models/control-models.js';
import {
  addPoint,
  movePoint,
  parseCoordinate,
  removePoint,
  splitPair,
} from '../../renderer/src/features/remotes/models/navigation-model.js';
import { initialPreconditioning } from '../../renderer/src/features/remotes/models/preconditioning-model.js';
import { localErrors, remoteBody } from '../../renderer/src/features/remotes/models/remote-draft.js';
import {
  fromTimeOfDay,
  toRfc3339,
  toTimeOfDay,
} from '../../renderer/src/features/remotes/models/time-formats.js';

describe('remote bodies', () => {
  it('charging: start, stop, delayed start, programs, preferences', () => {
    const c = initialCharging();
    expect(remoteBody('ElectricBatteryChargingRequest', { ...c, mode: 'start' })).toEqual({
      charging: { immediate: true },
    });
    expect(remoteBody('ElectricBatteryChargingRequest', { ...c, mode: 'stop' })).toEqual({
      charging: { immediate: false },
    });
    const delayed = remoteBody('ElectricBatteryChargingRequest', {
      ...c,
      mode: 'delayed',
      delayedAt: '2024-05-01T22:30',
    });
    expect(delayed).toEqual({ charging: { schedule: { nextDelayedTime: toRfc3339('2024-05-01T22:30') } } });
    expect(toRfc3339('2024-05-01T22:30')).toMatch(/^2024-05-01T22:30:00(Z|[+-]\d{2}:\d{2})$/);
    expect(
      remoteBody('ElectricBatteryChargingRequest', {
        ...c,
        mode: 'programs',
        programs: [
          { slot: 1, enabled: true, start: '22:30', end: '06:00', days: ['Fri', 'Mon', 'Tue', 'Wed', 'Thu'] },
          { slot: 3, enabled: false, start: '13:05', end: '', days: ['Sat'] },
        ],
      }),
    ).toEqual({
      charging: {
        schedule: {
          programs: [
            {
              slot: 1,
              enabled: true,
              start: 'PT22H30M',
              end: 'PT6H',
              occurence: { day: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'] },
            },
            { slot: 3, enabled: false, start: 'PT13H5M', occurence: { day: ['Sat'] } },
          ],
        },
      },
    });
    expect(
      remoteBody('ElectricBatteryChargingRequest', {
        ...c,
        mode: 'preferences',
        level: 'Level3',
        type: 'Partial',
      }),
    ).toEqual({
      charging: { preferences: { level: 'Level3', type: 'Partial' } },
    });
    expect(
      remoteBody('ElectricBatteryChargingRequest', { ...c, mode: 'preferences', level: '', type: 'Full' }),
    ).toEqual({
      charging: { preferences: { type: 'Full' } },
    });
  });

  it('preconditioning: now, or programs set and deleted — never both', () => {
    const p = initialPreconditioning();
    expect(remoteBody('ThermalPreconditioning', p)).toEqual({
      preconditioning: { airConditioning: { immediate: true } },
    });
    expect(
      remoteBody('ThermalPreconditioning', {
        mode: 'programs',
        programs: [
          {
            action: 'Set',
            slot: 1,
            enabled: true,
            recurrence: 'Daily',
            start: '07:15',
            days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'],
          },
          { action: 'Delete', slot: 3, enabled: true, recurrence: 'Daily', start: '07:15', days: ['Mon'] },
        ],
      }),
    ).toEqual({
      preconditioning: {
        airConditioning: {
          programs: [
            {
              slot: 1,
              actionsType: 'Set',
              enabled: true,
              recurrence: 'Daily',
              start: 'PT7H15M',
              occurence: { day: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'] },
            },
            { slot: 3, actionsType: 'Delete' },
          ],
        },
      },
    });
  });

  it('navigation: latitude/longitude typed, [longitude, latitude] sent, the last point is the destination', () => {
    let nav = { points: [{ key: 1, latitude: '48.8566', longitude: '2.3522' }], nextKey: 2 };
    nav = addPoint(nav);
    nav.points[1] = { ...nav.points[1]!, latitude: '45,7640', longitude: '4.8357' };
    expect(remoteBody('Navigation', nav)).toEqual({
      navigation: {
        positions: [
          { type: 'Point', coordinates: [2.3522, 48.8566] },
          { type: 'Point', coordinates: [4.8357, 45.764] },
        ],
      },
    });
    const swapped = movePoint(nav, 0, 1);
    expect(
      (remoteBody('Navigation', swapped).navigation as { positions: { coordinates: number[] }[] })
        .positions[1]!.coordinates,
    ).toEqual([2.3522, 48.8566]);
    expect(removePoint(swapped, 0).points).toHaveLength(1);
    expect(removePoint(removePoint(swapped, 0), 0).points).toHaveLength(1); // never below one point
    let full = nav;
    for (let i = 0; i < 20; i += 1) full = addPoint(full);
    expect(full.points).toHaveLength(10);
  });

  it('navigation: coordinates that are not numbers are caught before sending, by field', () => {
    const nav = { points: [{ key: 1, latitude: 'north', longitude: '' }], nextKey: 2 };
    expect(localErrors('Navigation', nav)).toEqual([
      { field: 'navigation.positions[0].coordinates[0]', message: 'Enter the longitude.' },
      {
        field: 'navigation.positions[0].coordinates[1]',
        message: 'Latitude must be a number, like 48.8566.',
      },
    ]);
    expect(parseCoordinate('-0.5')).toBe(-0.5);
    expect(splitPair('48.8566, 2.3522')).toEqual({ latitude: '48.8566', longitude: '2.3522' });
    expect(splitPair('hello')).toBeNull();
  });

  it('doors, horn, lights, state refresh, immobilization', () => {
    expect(remoteBody('Doors', { state: 'Locked' })).toEqual({ door: { state: 'Locked' } });
    expect(remoteBody('Doors', { state: 'Unlocked' })).toEqual({ door: { state: 'Unlocked' } });
    expect(remoteBody('Horn', { state: 'Activated' })).toEqual({ horn: { state: 'Activated' } });
    expect(remoteBody('Lights', { on: true })).toEqual({ lights: { on: true } });
    expect(remoteBody('Lights', { on: false })).toEqual({ lights: { on: false } });
    expect(remoteBody('WakeUp', {})).toEqual({ wakeUp: { action: 'WakeUp' } });
    expect(remoteBody('Immobilization', { activate: true })).toEqual({ immobilization: { activate: true } });
    expect(remoteBody('Immobilization', { activate: false })).toEqual({
      immobilization: { activate: false },
    });
  });

  it('stolen: flag, tracking periods, immobilization within the flow', () => {
    const s = initialStolen();
    expect(remoteBody('Stolen', { ...s, mode: 'declare' })).toEqual({ stolen: { stolen: true } });
    expect(remoteBody('Stolen', { ...s, mode: 'clear' })).toEqual({ stolen: { stolen: false } });
    expect(remoteBody('Stolen', { ...s, mode: 'tracking', running: 30, shutdown: 120 })).toEqual({
      stolen: { trackingPeriod: { running: 30, shutdown: 120 } },
    });
    expect(remoteBody('Stolen', { ...s, mode: 'tracking', running: '', shutdown: 90 })).toEqual({
      stolen: { trackingPeriod: { shutdown: 90 } },
    });
    expect(remoteBody('Stolen', { ...s, mode: 'immobilize' })).toEqual({
      stolen: { immobilization: { activate: true } },
    });
    expect(remoteBody('Stolen', { ...s, mode: 'release' })).toEqual({
      stolen: { immobilization: { activate: false } },
    });
  });

  it('adds the optional label', () => {
    expect(remoteBody('Horn', { state: 'Activated' }, '  find me  ')).toEqual({
      label: 'find me',
      horn: { state: 'Activated' },
    });
  });

  it('converts times of day both ways and passes unreadable text through for the API to explain', () => {
    expect(toTimeOfDay('22:30')).toBe('PT22H30M');
    expect(toTimeOfDay('06:00')).toBe('PT6H');
    expect(toTimeOfDay('00:00')).toBe('PT0H');
    expect(toTimeOfDay('soon')).toBe('soon');
    expect(fromTimeOfDay('PT7H15M')).toBe('07:15');
    expect(fromTimeOfDay('PT6H')).toBe('06:00');
    expect(toRfc3339('')).toBe('');
  });
});
