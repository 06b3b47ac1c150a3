// The connection test in words (the `settings` catalog): each check's name, status and sentences — sent by the
// agent as codes with their values, worded here in the reader's language —, the verdict, and the request budget.
import { CONNECTION_MESSAGE_CODES } from '../../../../preload/contract/connection-messages.js';
import type {
  ConnectionCheckDto,
  ConnectionReportDto,
  ConnectionSentenceDto,
  RateLimitBudgetDto,
} from '../../../../preload/contract/connection.js';
import { formatDate } from '../../i18n/format.js';
import { t } from '../../i18n/index.js';

const STATUS_COLORS: Record<ConnectionCheckDto['status'], string> = {
  ok: 'green',
  warning: 'orange',
  problem: 'red',
  skipped: 'gray',
};

export function checkStatus(status: ConnectionCheckDto['status']): { label: string; color: string } {
  return { label: t(`settings:connection.status.${status}`), color: STATUS_COLORS[status] };
}

/** What a check looks at, e.g. "Client certificate validity". */
export const checkTitle = (check: ConnectionCheckDto): string => t(`settings:connection.check.${check.name}`);

const isKnownCode = (code: string): code is ConnectionSentenceDto['code'] =>
  (CONNECTION_MESSAGE_CODES as readonly string[]).includes(code);

/** One sentence in words; an instant (`date`) in the reader's format, every other value as the agent sent it. */
function sentenceText({ code, params }: ConnectionSentenceDto): string | null {
  if (!isKnownCode(code)) return null;
  const values = typeof params.date === 'string' ? { ...params, date: formatDate(params.date) } : params;
  return t(`settings:connection.says.${code}`, values);
}

/**
 * What the check found, and for a problem what to do: its sentences one after the other. An agent that sent no
 * codes (an older version), or a code this interface does not know, is shown in the agent's own words.
 */
export function checkMessage(check: ConnectionCheckDto): string {
  const sentences = (check.sentences ?? []).map(sentenceText);
  if (sentences.length === 0 || sentences.some((s) => s === null)) return check.message;
  return sentences.join(' ');
}

export function verdictText(report: ConnectionReportDto): { title: string; color: string } {
  const problems = report.checks.filter((c) => c.status === 'problem').length;
  const warnings = report.checks.filter((c) => c.status === 'warning').length;
  if (problems > 0)
    return { title: t('settings:connection.verdict.problems', { count: problems }), color: 'red' };
  if (warnings > 0)
    return { title: t('settings:connection.verdict.warnings', { count: warnings }), color: 'orange' };
  return { title: t('settings:connection.verdict.ok'), color: 'green' };
}

/** "1,234 of 5,000 left", "limit 5,000", "1,234 left", or null when nothing was reported. */
export function windowText(window: RateLimitBudgetDto['daily']): string | null {
  const { remaining, limit } = window;
  if (remaining === null && limit === null) return null;
  if (limit === null) return t('settings:budget.left', { remaining: remaining! });
  if (remaining === null) return t('settings:budget.limit', { limit });
  return t('settings:budget.leftOf', { remaining, limit });
}
