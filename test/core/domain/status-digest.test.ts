// A status digested once, when stored (issue 15): the condition it gives at any later instant is the one the raw
// status gives then; deep sleep starts at the millisecond after the 7 days; facts compare by value.
import { describe, expect, it } from 'vitest';
import {
  conditionOf,
  deepSleeping,
  digestStatus,
  NO_FACTS,
  sameFacts,
  utcMonth,
  vehicleCondition,
  type VehicleFacts,
} from '../../../main/core/domain/vehicle/vehicle-condition.js';

const DAY = 24 * 60 * 60 * 1000;
const READ_AT = '2026-03-10T12:00:00.000Z';
/** Last driven at 09:00 (+01:00), last reported 10 minutes before the read, doors open. */
const STATUS = {
  ignition: { createdAt: '2026-03-10T09:00:00+01:00', type: 'Stop' },
  doorsState: {
    createdAt: '2026-03-10T11:50:00.000Z',
    lockedStates: ['Unlocked'],
    opening: [{ identifier: 'Trunk', state: 'Open' }],
  },
  privacy: { createdAt: '2026-03-10T11:50:00Z', state: 'Geolocation' },
};

describe('a status digest', () => {
  const digest = digestStatus(STATUS, READ_AT);
  const last = Date.parse('2026-03-10T08:00:00.000Z');

  it('keeps the deep-sleep instant and whether the vehicle was asleep when read', () => {
    expect(digest.deepSleepAfterMs).toBe(last + 7 * DAY);
    expect(digest.asleep).toBe(true);
    expect(deepSleeping(digest, last + 7 * DAY)).toBe(false);
    expect(deepSleeping(digest, last + 7 * DAY + 1)).toBe(true);
    expect(deepSleeping(digestStatus(null, null), Number.MAX_SAFE_INTEGER)).toBe(false);
  });

  it('gives, at any instant, the condition the raw status gives', () => {
    const facts: VehicleFacts = { ...NO_FACTS, wakeUpsUsed: 3 };
    for (const nowMs of [Date.parse(READ_AT), last + 7 * DAY, last + 7 * DAY + 1, Date.parse('2026-04-01')]) {
      const moment = { nowMs, wakeUpBudget: 3, month: utcMonth(nowMs) };
      expect(conditionOf(digest, facts, moment)).toEqual(
        vehicleCondition({ status: STATUS, statusAt: READ_AT, facts, nowMs, wakeUpBudget: 3 }),
      );
    }
    const later = conditionOf(digest, NO_FACTS, {
      nowMs: last + 8 * DAY,
      wakeUpBudget: 20,
      month: utcMonth(last + 8 * DAY),
    });
    expect(later.states).toEqual(['DeepSleepRisk', 'Asleep', 'PrivacyMode', 'DoorsOpen', 'Unlocked']);
  });
});

describe('sameFacts', () => {
  const immobilized = { value: true, at: READ_AT, remoteActionId: 'rid-1' };
  it('compares by value, each part', () => {
    expect(sameFacts(NO_FACTS, { ...NO_FACTS })).toBe(true);
    expect(sameFacts({ ...NO_FACTS, immobilization: immobilized }, { ...NO_FACTS, immobilization: { ...immobilized } })).toBe(true); // prettier-ignore
    expect(sameFacts({ ...NO_FACTS, immobilization: immobilized }, NO_FACTS)).toBe(false);
    expect(sameFacts({ ...NO_FACTS, stolen: immobilized }, { ...NO_FACTS, stolen: { ...immobilized, value: false } })).toBe(false); // prettier-ignore
    expect(sameFacts({ ...NO_FACTS, wakeUpsUsed: 1 }, NO_FACTS)).toBe(false);
    const refused = { at: READ_AT, remoteActionId: 'rid-2' };
    expect(sameFacts({ ...NO_FACTS, wakeUpsRefused: refused }, { ...NO_FACTS, wakeUpsRefused: { ...refused } })).toBe(true); // prettier-ignore
    expect(sameFacts({ ...NO_FACTS, wakeUpsRefused: refused }, { ...NO_FACTS, wakeUpsRefused: { ...refused, remoteActionId: 'x' } })).toBe(false); // prettier-ignore
  });
});
