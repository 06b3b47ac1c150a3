// Between what a technician types (22:30, a date and time) and the formats of the fleet API (PT22H30M, RFC 3339).
// Unreadable input is passed through as typed, so the API's own message explains what is expected.

/** "22:30" → "PT22H30M", "06:00" → "PT6H", "00:00" → "PT0H". */
export function toTimeOfDay(hhmm: string): string {
  const match = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
  if (!match) return hhmm.trim();
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  return `PT${hours}H${minutes > 0 ? `${minutes}M` : ''}`;
}

/** "PT22H30M" → "22:30" (for editing a program back). */
export function fromTimeOfDay(duration: string): string {
  const match = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:\d+S)?$/.exec(duration);
  if (!match) return duration;
  const pad = (n: string | undefined) => String(Number(n ?? 0)).padStart(2, '0');
  return `${pad(match[1])}:${pad(match[2])}`;
}

function offsetText(minutesEast: number): string {
  if (minutesEast === 0) return 'Z';
  const sign = minutesEast > 0 ? '+' : '-';
  const abs = Math.abs(minutesEast);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** A datetime-local value ("2024-05-01T22:30") → RFC 3339 in the browser's time zone ("2024-05-01T22:30:00+02:00"). */
export function toRfc3339(local: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local.trim());
  if (!match) return local.trim();
  const [, y, mo, d, h, mi, s = '00'] = match;
  const date = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  return `${y}-${mo}-${d}T${h}:${mi}:${s}${offsetText(-date.getTimezoneOffset())}`;
}
