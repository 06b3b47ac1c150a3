// The connection test in words: each check's status, the verdict, and the network's request budget.
import type {
  ConnectionCheckDto,
  ConnectionReportDto,
  RateLimitBudgetDto,
} from '../../../../preload/contract/connection.js';

export const CHECK_STATUS: Record<ConnectionCheckDto['status'], { label: string; color: string }> = {
  ok: { label: 'OK', color: 'green' },
  warning: { label: 'Warning', color: 'orange' },
  problem: { label: 'Problem', color: 'red' },
  skipped: { label: 'Not checked', color: 'gray' },
};

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function verdictText(report: ConnectionReportDto): { title: string; color: string } {
  const problems = report.checks.filter((c) => c.status === 'problem').length;
  const warnings = report.checks.filter((c) => c.status === 'warning').length;
  if (problems > 0)
    return {
      title: `${count(problems, 'problem', 'problems')} found: the vehicle network cannot be reached as configured`,
      color: 'red',
    };
  if (warnings > 0)
    return { title: `The connection works, with ${count(warnings, 'warning', 'warnings')}`, color: 'orange' };
  return { title: 'The connection works', color: 'green' };
}

/** "1,234 of 5,000 left", "5,000 a day (none reported left)", or null when nothing was reported. */
export function windowText(window: RateLimitBudgetDto['daily']): string | null {
  if (window.remaining === null && window.limit === null) return null;
  if (window.limit === null) return `${window.remaining!.toLocaleString()} left`;
  if (window.remaining === null) return `limit ${window.limit.toLocaleString()}`;
  return `${window.remaining.toLocaleString()} of ${window.limit.toLocaleString()} left`;
}
