// @vitest-environment jsdom
// The fleet's orders as the API names them, the condition filter (any of the chosen readiness codes and states),
// the row moves of the keyboard, what counts as typing for "/", and a sentence for every readiness and next step.
import { describe, expect, it } from 'vitest';
import {
  READINESS_NEXT_STEPS,
  VEHICLE_READINESS,
  VEHICLE_STATE_SOURCES,
} from '../../preload/contract/vocabulary.js';
import { isTyping, movedRow, rowMoveOf } from '../../renderer/src/components/row-keys.js';
import {
  conditionGroups,
  EMPTY_FLEET_FILTER,
  filterVehicles,
  matchesConditions,
} from '../../renderer/src/features/fleet/fleet-filter.js';
import { ariaSort, nextSort, sortVehicles } from '../../renderer/src/features/fleet/fleet-sort.js';
import { nextStepText, readinessLabel, sourceText } from '../../renderer/src/features/fleet/fleet-text.js';
import { vehicle } from './helpers/fake-client.js';

const NONE = { latest: {}, inFlight: {} };
const ready = vehicle({ id: 'r', vin: 'B2', label: 'Van 10', statusAt: '2026-01-15T09:00:00.000Z' });
const asleep = vehicle({
  id: 'a',
  vin: 'A1',
  label: 'Van 2',
  statusAt: '2026-01-14T09:00:00.000Z',
  states: ['Asleep', 'Charging'],
  readiness: { code: 'will-wake', nextStep: 'expect-wake-up-delay', severity: 'info', params: {} },
});
const stolen = vehicle({
  id: 's',
  vin: 'C3',
  label: 'Exec 1',
  statusAt: null,
  states: ['Stolen', 'Immobilized'],
  readiness: { code: 'stolen', nextStep: 'follow-stolen-procedure', severity: 'error', params: {} },
});
const fleet = [ready, asleep, stolen];
const ids = (vs: { id: string }[]) => vs.map((v) => v.id);

describe('orders', () => {
  it('by label (numbers in order), VIN, readiness (most pressing first) and status age (never read first)', () => {
    expect(ids(sortVehicles(fleet, { key: 'label', order: 'asc' }))).toEqual(['s', 'a', 'r']);
    expect(ids(sortVehicles(fleet, { key: 'label', order: 'desc' }))).toEqual(['r', 'a', 's']);
    expect(ids(sortVehicles(fleet, { key: 'vin', order: 'asc' }))).toEqual(['a', 'r', 's']);
    expect(ids(sortVehicles(fleet, { key: 'state', order: 'asc' }))).toEqual(['s', 'a', 'r']);
    expect(ids(sortVehicles(fleet, { key: 'statusAt', order: 'asc' }))).toEqual(['s', 'a', 'r']);
    expect(ids(sortVehicles(fleet, { key: 'statusAt', order: 'desc' }))).toEqual(['r', 'a', 's']);
  });

  it('a header turns its column round, another column starts ascending; aria-sort follows', () => {
    const byState = nextSort({ key: 'label', order: 'asc' }, 'state');
    expect(byState).toEqual({ key: 'state', order: 'asc' });
    expect(nextSort(byState, 'state')).toEqual({ key: 'state', order: 'desc' });
    expect(ariaSort(byState, 'state')).toBe('ascending');
    expect(ariaSort({ key: 'state', order: 'desc' }, 'state')).toBe('descending');
    expect(ariaSort(byState, 'label')).toBe('none');
  });
});

describe('the condition filter', () => {
  it('keeps a vehicle showing any of the chosen readiness codes or states', () => {
    expect(matchesConditions(stolen, [])).toBe(true);
    expect(matchesConditions(stolen, ['state:Immobilized'])).toBe(true);
    expect(matchesConditions(stolen, ['readiness:immobilized'])).toBe(false);
    expect(ids(fleet.filter((v) => matchesConditions(v, ['readiness:ready', 'state:Charging'])))).toEqual([
      'r',
      'a',
    ]);
    expect(
      ids(
        filterVehicles(fleet, { ...EMPTY_FLEET_FILTER, conditions: ['state:Asleep'], search: 'van' }, NONE),
      ),
    ).toEqual(['a']);
  });

  it('offers every readiness and every state, worded', () => {
    const [readiness, states] = conditionGroups();
    expect(readiness!.items.map((i) => i.value)).toEqual(VEHICLE_READINESS.map((c) => `readiness:${c}`));
    expect(states!.items.every((i) => i.label && !i.label.includes(':'))).toBe(true);
  });
});

describe('words', () => {
  it('has a label and a next step sentence for every code the agent sends', () => {
    for (const code of VEHICLE_READINESS) expect(readinessLabel(code)).toMatch(/^[A-Z][a-z]/);
    for (const step of READINESS_NEXT_STEPS) {
      const text = nextStepText(
        { code: 'ready', nextStep: step, severity: 'info', params: {} },
        Date.parse('2026-01-15T10:00:00.000Z'),
      );
      expect(text).toMatch(/^[A-Z].*\.$/);
    }
    for (const source of VEHICLE_STATE_SOURCES) {
      const text = sourceText('Charging', { source, at: '2026-01-15T09:00:00.000Z' }, Date.now());
      expect(text).toMatch(/^(from|the network) /);
    }
  });

  it('uses the parameters: the wake-ups left, the last activity, the privacy level', () => {
    const now = Date.parse('2026-01-15T10:00:00.000Z');
    expect(
      nextStepText(
        { code: 'will-wake', nextStep: 'expect-wake-up-delay', severity: 'info', params: { wakeUpsLeft: 3 } },
        now,
      ),
    ).toBe(
      'A command wakes it first (about half a minute) and uses one wake-up (3 left this month, estimated).',
    );
    expect(
      nextStepText(
        {
          code: 'deep-sleep',
          nextStep: 'drive-vehicle',
          severity: 'error',
          params: { lastActivityAt: '2026-01-06T10:00:00.000Z' },
        },
        now,
      ),
    ).toBe('Every command fails until someone drives it (last activity 9 days ago).');
    expect(
      nextStepText(
        {
          code: 'privacy',
          nextStep: 'ask-driver-to-lift-privacy',
          severity: 'warning',
          params: { privacy: 'Full' },
        },
        now,
      ),
    ).toContain('Privacy is set to Full');
    expect(sourceText('DeepSleepRisk', { source: 'status', at: '2026-01-06T10:00:00.000Z' }, now)).toBe(
      'from the status: last ignition, trip or position 9 days ago',
    );
  });
});

describe('the keyboard', () => {
  it('moves between rows within the list', () => {
    expect(rowMoveOf('ArrowDown')).toBe('next');
    expect(rowMoveOf('Tab')).toBeNull();
    expect(movedRow('next', 4, 5, 10)).toBe(4);
    expect(movedRow('previous', 0, 5, 10)).toBe(0);
    expect(movedRow('page-down', 2, 100, 14)).toBe(16);
    expect(movedRow('page-up', 5, 100, 14)).toBe(0);
    expect(movedRow('last', 0, 2000, 14)).toBe(1999);
    expect(movedRow('first', 1999, 2000, 14)).toBe(0);
  });

  it('knows typing in a field from a key pressed elsewhere', () => {
    const text = document.createElement('input');
    const box = document.createElement('input');
    box.type = 'checkbox';
    const area = document.createElement('textarea');
    const heading = document.createElement('h1');
    expect([text, box, area, heading, null].map((e) => isTyping(e))).toEqual([
      true,
      false,
      true,
      false,
      false,
    ]);
  });
});
