export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const WORKDAYS: Weekday[] = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'];
export const MAX_PROGRAMS = 4;

export type Body = Record<string, unknown>;

/** Adds the optional label a technician may give any request. */
export function withLabel(body: Body, label: string): Body {
  return label.trim() ? { label: label.trim(), ...body } : body;
}

/** The first slot (1–4) not used yet. */
export function freeSlot(used: readonly number[]): number {
  for (let slot = 1; slot <= MAX_PROGRAMS; slot += 1) if (!used.includes(slot)) return slot;
  return MAX_PROGRAMS;
}

/** Days in week order, whatever order they were ticked in. */
export function sortDays(days: readonly string[]): Weekday[] {
  return WEEKDAYS.filter((day) => days.includes(day));
}
