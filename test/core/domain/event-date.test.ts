// canonicalEventDate takes a text already in the canonical form (most of them: every stored date, and every date
// the receiver has read once) without parsing it again. That shortcut must answer exactly as the full reading
// does: the same text for a real instant, null for a text of the right shape that names no date. It also
// remembers the texts read lately: a text read again gets the same answer.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalEventDate } from '../../../main/core/domain/event-date.js';

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const daysIn = (year: number, month: number) =>
  new Date(Date.UTC(2000 + (year % 400), month, 0)).getUTCDate();

describe('canonical event dates', () => {
  it('gives back every instant of years 0000–9999 in its canonical form unchanged', () => {
    fc.assert(
      // From 0000-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z.
      fc.property(fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }), (ms) => {
        const text = new Date(ms).toISOString();
        expect(canonicalEventDate(text)).toBe(text);
      }),
      { seed: 13, numRuns: 2000 },
    );
  });

  it('refuses a text of the canonical shape whose fields name no date, and reads a leap second', () => {
    fc.assert(
      fc.property(
        fc.record({
          year: fc.integer({ min: 0, max: 9999 }),
          month: fc.integer({ min: 0, max: 13 }),
          day: fc.integer({ min: 0, max: 32 }),
          hour: fc.integer({ min: 0, max: 25 }),
          minute: fc.integer({ min: 0, max: 61 }),
          second: fc.integer({ min: 0, max: 61 }),
          ms: fc.integer({ min: 0, max: 999 }),
        }),
        ({ year, month, day, hour, minute, second, ms }) => {
          const text =
            `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T` +
            `${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}.${pad(ms, 3)}Z`;
          const real =
            month >= 1 &&
            month <= 12 &&
            day >= 1 &&
            day <= daysIn(year, month) &&
            hour <= 23 &&
            minute <= 59 &&
            second <= 60;
          const expected = !real ? null : second === 60 ? `${text.slice(0, 17)}59.999Z` : text;
          expect(canonicalEventDate(text)).toBe(expected);
        },
      ),
      { seed: 13, numRuns: 5000 },
    );
  });

  it('still reads every other RFC 3339 spelling of an instant into the canonical form', () => {
    expect(canonicalEventDate('2024-02-29T09:00:01+01:00')).toBe('2024-02-29T08:00:01.000Z');
    expect(canonicalEventDate('2024-02-29t08:00:01z')).toBe('2024-02-29T08:00:01.000Z');
    expect(canonicalEventDate('2024-02-29T08:00:01.1234Z')).toBe('2024-02-29T08:00:01.123Z');
    expect(canonicalEventDate('2023-02-29T08:00:01.000Z')).toBeNull();
    expect(canonicalEventDate('2024-02-29 08:00:01.000Z')).toBeNull();
  });

  it('answers a text read again (and again after the memory of recent texts filled up) as the first time', () => {
    const texts = ['2024-02-29T09:00:01+01:00', '2023-02-29T08:00:01.000Z', '2024-02-29T08:00:01.000Z'];
    const first = texts.map((t) => canonicalEventDate(t));
    expect(first).toEqual(['2024-02-29T08:00:01.000Z', null, '2024-02-29T08:00:01.000Z']);
    expect(texts.map((t) => canonicalEventDate(t))).toEqual(first);
    // More distinct texts than it remembers, each still right.
    for (let i = 0; i < 3000; i++) {
      const text = new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString().replace('.000Z', '+00:00');
      expect(canonicalEventDate(text)).toBe(new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString());
    }
    expect(texts.map((t) => canonicalEventDate(t))).toEqual(first);
  });
});
