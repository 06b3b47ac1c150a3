// Event dates as instants. The network writes one instant in several ways (`Z`, `.000Z`, `+02:00`, lower-case
// `t`/`z`, any number of fraction digits), and an event's date is part of its dedupe identity
// (stellantis-api-notes.md N12.7): two spellings of one instant must be one event. Every event date is
// therefore stored in one canonical UTC form, the `Date.prototype.toISOString()` form the rest of the store
// uses, which also sorts correctly as text.

/**
 * RFC 3339 `date-time` (its section 5.6): `T`, `Z` in either case, a fraction of any length, `Z` or a ±hh:mm
 * offset.
 */
const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/** The canonical form's shape; a text of this shape is canonical when it round-trips through Date. */
const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

// Leap years repeat every 400 years, so 2000 + year % 400 has the month lengths of `year` (Date.UTC reads 0–99
// as 1900–1999, which this also avoids).
const daysIn = (year: number, month: number): number =>
  new Date(Date.UTC(2000 + (year % 400), month, 0)).getUTCDate();

/**
 * The canonical form of an RFC 3339 date-time (`2026-01-01T08:00:03.000Z`), or null when the text is not one
 * (or its instant falls outside years 0000–9999). Precision is the millisecond: further digits are cut, not
 * rounded, so the canonical form never moves an instant into the next second. A leap second (`:60`) reads as
 * the last millisecond of its minute, which keeps it after `:59` and before the next minute.
 */
export function canonicalEventDate(text: string): string | null {
  const known = recent.get(text);
  if (known !== undefined) return known;
  const result = toCanonical(text);
  if (recent.size >= RECENT) recent.clear();
  recent.set(text, result);
  return result;
}

/**
 * The texts read lately and their canonical form. Each event's date is read at least twice on its way in (the
 * body's check, the store's dedupe identity), and a group of requests repeats dates: a hit costs a hash lookup
 * against ~0.7 µs for the round trip below (the receiver's profile, issue 13). Bounded, and emptied when full.
 */
const recent = new Map<string, string | null>();
const RECENT = 1024;

function toCanonical(text: string): string | null {
  // Most dates arrive, and every stored one is, in the canonical form already (each event's date is checked three
  // times on its way in): a round trip through Date proves such a text names a real instant, without the parse.
  if (text.length === 24 && CANONICAL.test(text)) {
    const ms = Date.parse(text);
    if (!Number.isNaN(ms) && new Date(ms).toISOString() === text) return text;
  }
  const m = RFC3339.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const ms = second === 60 ? 999 : Number((m[7] ?? '').slice(0, 3).padEnd(3, '0'));
  const offsetHours = m[10] === undefined ? 0 : Number(m[10]);
  const offsetMinutes = m[11] === undefined ? 0 : Number(m[11]);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 60 || offsetHours > 23 || offsetMinutes > 59) return null;
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, Math.min(second, 59), ms);
  const sign = m[9] === '-' ? -1 : 1;
  const instant = date.getTime() - sign * (offsetHours * 60 + offsetMinutes) * 60_000;
  const utc = new Date(instant);
  const utcYear = utc.getUTCFullYear();
  if (utcYear < 0 || utcYear > 9999) return null;
  return utc.toISOString();
}
