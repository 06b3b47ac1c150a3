// A schedule as its form holds it, the checks the form makes itself (at the paths the API names, so its messages
// and the agent's sit under the same fields; worded in the chosen language when checked), the body it sends, and its
// days in words. Its times on the site's clock: ./site-clock.ts.
import type { ScheduleBodyDto, ScheduleDto } from '../../../../preload/contract/routines.js';
import {
  NAME_MAX_LENGTH,
  UNSCHEDULABLE_REMOTE_TYPES,
  WEEKDAYS,
  type Weekday,
} from '../../../../preload/contract/vocabulary.js';
import type { FieldError } from '../../components/field-errors.js';
import { t } from '../../i18n/index.js';
import { FEATURE_ORDER, type RemoteType } from '../remotes/features.js';
import { type Drafts, initialDrafts, localErrors, remoteBody } from '../remotes/models/remote-draft.js';
import { weekdayShort } from './site-clock.js';

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
  if (!name) errors.push({ field: 'name', message: t('schedules:form.error.name') });
  else if (name.length > NAME_MAX_LENGTH)
    errors.push({ field: 'name', message: t('schedules:form.error.nameTooLong', { max: NAME_MAX_LENGTH }) });
  if (draft.days.length === 0) errors.push({ field: 'rule.days', message: t('schedules:form.error.days') });
  if (!CLOCK.test(draft.time.trim()))
    errors.push({ field: 'rule.time', message: t('schedules:form.error.time') });
  if (draft.target === 'group' && !draft.groupId)
    errors.push({ field: 'groupId', message: t('schedules:form.error.group') });
  if (draft.target === 'vehicles' && draft.vehicleIds.length === 0)
    errors.push({
      field: 'vehicleIds',
      message: t('schedules:form.error.vehicles'),
    });
  if (!draft.savedRemote) {
    if (UNSCHEDULABLE_REMOTE_TYPES.includes(draft.type))
      errors.push({ field: 'remote', message: t('schedules:form.error.unschedulable') });
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

/** "Every day", "Weekdays", "Weekends", or the days' short names: "Mon, Wed, Fri". */
export function daysText(days: readonly Weekday[]): string {
  const set = new Set(days);
  if (set.size === 7) return t('schedules:days.every');
  if (set.size === 5 && WEEKDAYS.slice(0, 5).every((d) => set.has(d))) return t('schedules:days.weekdays');
  if (set.size === 2 && set.has('Sat') && set.has('Sun')) return t('schedules:days.weekends');
  return WEEKDAYS.filter((d) => set.has(d))
    .map(weekdayShort)
    .join(', ');
}
