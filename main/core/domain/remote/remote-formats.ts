// Value formats of a `Remote` body: time-of-day durations (`PT22H30M`) and RFC 3339 timestamps. Plain checks, no
// zod: the schemas wrap them with their own messages.

// PT[nH][nM][nS]: an ISO-8601 duration measured from 00:00. The lookahead demands at least one component.
export const TIME_OF_DAY = /^PT(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/;
const SECONDS_PER_DAY = 24 * 60 * 60;

/** Seconds after midnight of a `PT22H30M`-style duration, or undefined if the text is not one. */
export function timeOfDaySeconds(text: string): number | undefined {
  const match = TIME_OF_DAY.exec(text);
  if (!match) return undefined;
  const [, hours = '0', minutes = '0', seconds = '0'] = match;
  return Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
}

export const isTimeOfDay = (text: string): boolean =>
  (timeOfDaySeconds(text) ?? SECONDS_PER_DAY) < SECONDS_PER_DAY;
/** For a refinement after `.regex(TIME_OF_DAY)`: a malformed text is already reported, do not report it twice. */
export const isMalformedOrBeforeMidnight = (text: string): boolean =>
  (timeOfDaySeconds(text) ?? 0) < SECONDS_PER_DAY;

// RFC 3339 `date-time`: seconds required, offset required (Z or ±hh:mm), fraction optional.
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;

/** The regex alone would let 2024-02-30T25:61:00Z through; check the calendar and the clock too. */
export function isRfc3339DateTime(text: string): boolean {
  const match = RFC3339.exec(text);
  if (!match) return false;
  // Absent offset parts (a `Z` offset) count as 0.
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, offsetHour = 0, offsetMinute = 0] =
    match.slice(1).map((part) => Number(part ?? 0));
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 60 && // 60: a leap second, allowed by RFC 3339
    offsetHour <= 23 &&
    offsetMinute <= 59
  );
}
