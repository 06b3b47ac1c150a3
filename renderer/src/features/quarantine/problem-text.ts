// A quarantined request's problem in the reader's language (issue 17): a rule and its values, worded from the
// `errors` catalog; a problem stored before the rules keeps the English message it was stored with.
import {
  isNotificationRule,
  type NotificationProblemDto,
} from '../../../../preload/contract/notification-rules.js';
import { t } from '../../i18n/index.js';

export function problemText(problem: NotificationProblemDto): string {
  if (problem.message !== undefined) return problem.message;
  if (problem.rule !== undefined && isNotificationRule(problem.rule))
    return t(`errors:rule.${problem.rule}`, problem.params ?? {});
  // A rule a newer agent records: its code is all this build can show.
  return problem.rule ?? '';
}
