// The exported zod schema (published in OpenAPI by the HTTP layer) and the value formats behind it.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { decoded } from '../../../main/core/domain/coded-issue.js';
import { worded } from '../../helpers/field-errors.js';
import {
  formatPath,
  isRfc3339DateTime,
  parseRemote,
  remoteBodySchema,
  timeOfDaySeconds,
} from '../../../main/core/domain/remote/index.js';

const SPEC_BODIES: unknown[] = [
  { label: 'x', charging: { immediate: true } },
  { charging: { schedule: { programs: [{ slot: 1, start: 'PT22H30M', occurence: { day: ['Mon'] } }] } } },
  { stolen: { trackingPeriod: { running: 30 } } },
  { lights: { on: true } },
  { wakeUp: { action: 'WakeUp' } },
  {
    preconditioning: {
      airConditioning: {
        programs: [
          { slot: 1, enabled: true, start: 'PT7H', occurence: { day: ['Tue'] } },
          { slot: 2, actionsType: 'Delete' },
        ],
      },
    },
  },
  { door: { state: 'Locked', forced: true } },
  { horn: { state: 'Activated' } },
  { immobilization: { activate: false } },
  { navigation: { positions: [{ type: 'Point', coordinates: [2.35, 48.85, 35] }] } },
];

describe('remoteBodySchema', () => {
  it('converts to JSON Schema for OpenAPI without throwing', () => {
    const json = z.toJSONSchema(remoteBodySchema, { io: 'input' });
    expect(json.oneOf).toHaveLength(9);
    expect(JSON.stringify(json)).toContain('"deprecated":true');
  });

  it('accepts what parseRemote returns', () => {
    for (const body of SPEC_BODIES) {
      const parsed = parseRemote(body);
      expect(parsed.ok).toBe(true);
      if (parsed.ok) expect(remoteBodySchema.safeParse(parsed.value.body).success).toBe(true);
    }
  });

  it('accepts the spec form only: no aliases, no second action, no unknown field', () => {
    for (const body of [
      { ligths: { on: true } },
      { state: { action: 'state' } },
      { charging: { nextDelayedTime: 'PT6H' } },
      { lights: { on: true }, horn: { state: 'Activated' } },
      { lights: { on: true, duration: 'PT10S' } },
      {},
    ]) {
      expect(remoteBodySchema.safeParse(body).success).toBe(false);
    }
  });

  it('reports the envelope itself when used alone, as a rule with its values', () => {
    const result = remoteBodySchema.safeParse({ lights: { on: true }, horn: { state: 'Activated' } });
    const issue = decoded(result.error?.issues[0]?.message ?? '', 'plain.notValid');
    expect(issue).toEqual({ rule: 'remote.tooManyActions', params: { foundAndList: 'lights\nhorn' } });
    expect(worded([{ field: '', ...issue }])[0]?.message).toBe(
      'Only one action per request: found lights and horn.',
    );
  });
});

describe('value formats', () => {
  it.each([
    ['PT22H30M', 81000],
    ['PT6H', 21600],
    ['PT90M', 5400],
    ['PT0S', 0],
    ['PT23H59M59S', 86399],
    ['PT24H', 86400], // well-formed; the schema refuses it as not before midnight
  ])('timeOfDaySeconds(%s) = %i', (text, seconds) => expect(timeOfDaySeconds(text)).toBe(seconds));

  it.each(['PT', '22:30', 'P1DT2H', 'PT1.5H', 'pt1h', 'T1H', 'PT1H30'])(
    'timeOfDaySeconds(%s) is undefined',
    (text) => expect(timeOfDaySeconds(text)).toBeUndefined(),
  );

  it.each([
    '2024-05-01T22:30:00Z',
    '2024-05-01t22:30:00z',
    '2024-02-29T00:00:00+01:00',
    '2016-12-31T23:59:60Z',
    '2024-05-01T22:30:00.123-05:30',
  ])('%s is an RFC 3339 date-time', (text) => expect(isRfc3339DateTime(text)).toBe(true));

  it.each([
    '2023-02-29T00:00:00Z',
    '2024-13-01T00:00:00Z',
    '2024-05-01T22:60:00Z',
    '2024-05-01T22:30:00+24:00',
    '2024-05-01T22:30:00',
    '2024-05-01',
  ])('%s is not an RFC 3339 date-time', (text) => expect(isRfc3339DateTime(text)).toBe(false));

  it('formats paths with dots and bracketed indexes', () => {
    expect(formatPath(['charging', 'schedule', 'programs', 1, 'slot'])).toBe(
      'charging.schedule.programs[1].slot',
    );
    expect(formatPath(['navigation', 'positions', 0, 'coordinates', 1])).toBe(
      'navigation.positions[0].coordinates[1]',
    );
    expect(formatPath([])).toBe('');
  });
});
