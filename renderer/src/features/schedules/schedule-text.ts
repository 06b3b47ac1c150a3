// The words of schedules: their status, their runs' results and why a run could not start, said for the person at
// the screen in the chosen language (the `schedules` catalog). Functions, not maps: the language can change while
// the app runs.
import type { ScheduleRunStatus, ScheduleStatus } from '../../../../preload/contract/vocabulary.js';
import { t } from '../../i18n/index.js';
import { isRunReasonCode } from './run-reasons.js';

export function scheduleStatusLabel(status: ScheduleStatus): string {
  return t(`schedules:status.${status}`);
}

export function scheduleRunLabel(status: ScheduleRunStatus): string {
  return t(`schedules:run.${status}`);
}

export const SCHEDULE_RUN_COLORS: Readonly<Record<ScheduleRunStatus, string>> = {
  ran: 'green',
  missed: 'orange',
  failed: 'red',
};

/** Why a run could not start, from the code the agent recorded; an unknown code is shown as recorded. */
export function runReasonText(code: string | null): string {
  if (!code) return '';
  return isRunReasonCode(code)
    ? t(`schedules:runReason.${code}`)
    : t('schedules:runReason.unknown', { code });
}
