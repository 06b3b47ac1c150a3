// A schedule as its form holds it, the checks the form makes itself (at the paths the API names, so its messages
// and the agent's sit under the same fields), the body it sends, and its times in words in the site's time zone.
import type { ScheduleBodyDto, ScheduleDto } from '../../../../preload/contract/routines.js';
import {
  NAME_MAX_LENGTH,
  UNSCHEDULABLE_REMOTE_TYPES,
  WEEKDAYS,
  type Weekday,
} from '../../../../preload/contract/vocabulary.js';
import type { FieldError } from '../../components/field-errors.js';
import { FEATURE_ORDER, type RemoteType } from '../remotes/features.js';
import { type Drafts, initialDrafts, localErrors, remoteBody } from '../remotes/models/remote-draft.js';

/** The features a schedule may send: a theft or an immobilization is a person's decision, made at the time. */
export const SCHEDULABLE_TYPES: readonly RemoteType[] = FEATURE_ORDER.filter(
  (t) => !UNSCHEDULABLE_REMOTE_TYPES.includes(t),
);

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

export interface ScheduleDraft {
  name: string;
  type: RemoteType;
  drafts: Drafts;
  label: string;
  callbackId: string | null;
  /**
   * Editing: the command as saved, kept unless the person chooses to change it (a saved body cannot be turned back
   * into the feature forms' drafts). Null: the forms' command.
   */
  savedRemote: Record<string, unknown> | null;
  target: 'group' | 'vehicles';
  groupId: string | null;
  vehicleIds: string[];
  days: Weekday[];
  time: string;
}

export function newScheduleDraft(selected: readonly string[]): ScheduleDraft {
  return {
    name: '',
    type: 'Doors',
    drafts: initialDrafts(),
    label: '',
    callbackId: null,
    savedRemote: null,
    target: selected.length > 0 ? 'vehicles' : 'group',
    groupId: null,
    vehicleIds: [...selected],
    days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'],
    time: '18:00',
  };
}

export function draftOf(schedule: ScheduleDto): ScheduleDraft {
  return {
    name: schedule.name,
    type: schedule.type,
    drafts: initialDrafts(),
    label: '',
    callbackId: schedule.callbackId,
    savedRemote: schedule.remote,
    target: schedule.groupId ? 'group' : 'vehicles',
    groupId: schedule.groupId,
    vehicleIds: schedule.vehicleIds ?? [],
    days: WEEKDAYS.filter((d) => schedule.rule.days.includes(d)),
    time: schedule.rule.time,
  };
}

export function scheduleErrors(draft: ScheduleDraft): FieldError[] {
  const errors: FieldError[] = [];
  const name = draft.name.trim();
  if (!name) errors.push({ field: 'name', message: 'Give the schedule a name.' });
  else if (name.length > NAME_MAX_LENGTH)
    errors.push({ field: 'name', message: `At most ${NAME_MAX_LENGTH} characters.` });
  if (draft.days.length === 0) errors.push({ field: 'rule.days', message: 'Choose at least one day.' });
  if (!CLOCK.test(draft.time.trim()))
    errors.push({ field: 'rule.time', message: 'Give a time as HH:MM, e.g. 06:30.' });
  if (draft.target === 'group' && !draft.groupId)
    errors.push({ field: 'groupId', message: 'Choose a group.' });
  if (draft.target === 'vehicles' && draft.vehicleIds.length === 0)
    errors.push({
      field: 'vehicleIds',
      message: 'No vehicle: tick vehicles in the fleet list first, or choose a group.',
    });
  if (!draft.savedRemote) {
    if (UNSCHEDULABLE_REMOTE_TYPES.includes(draft.type))
      errors.push({ field: 'remote', message: 'Immobilization and Stolen cannot be scheduled.' });
    for (const e of localErrors(draft.type, draft.drafts[draft.type]))
      errors.push({ ...e, field: `remote.${e.field}` });
  }
  return errors;
}

export function scheduleBody(draft: ScheduleDraft): ScheduleBodyDto {
  return {
    name: draft.name.trim(),
    remote: draft.savedRemote ?? remoteBody(draft.type, draft.drafts[draft.type], draft.label),
    ...(draft.callbackId ? { callbackId: draft.callbackId } : {}),
    ...(draft.target === 'group' && draft.groupId
      ? { groupId: draft.groupId }
      : { vehicleIds: draft.vehicleIds }),
    rule: { days: WEEKDAYS.filter((d) => draft.days.includes(d)), time: draft.time.trim() },
  };
}

/** "Every day", "Weekdays", "Weekends", or the days: "Mon, Wed, Fri". */
export function daysText(days: readonly Weekday[]): string {
  const set = new Set(days);
  if (set.size === 7) return 'Every day';
  if (set.size === 5 && WEEKDAYS.slice(0, 5).every((d) => set.has(d))) return 'Weekdays';
  if (set.size === 2 && set.has('Sat') && set.has('Sun')) return 'Weekends';
  return WEEKDAYS.filter((d) => set.has(d)).join(', ');
}

/** An instant as the site's clock shows it: "Mon 12 Jan, 18:00 CET" (the zone said, as it may not be this PC's). */
export function siteTimeText(iso: string | null, timeZone: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(undefined, {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      // The same 24-hour clock as the rule's HH:MM.
      hourCycle: 'h23',
      timeZoneName: 'short',
    }).format(date);
  } catch {
    // A zone this browser does not know: the local clock, which says its own zone.
    return date.toLocaleString(undefined, { timeZoneName: 'short' });
  }
}
