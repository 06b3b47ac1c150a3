// A quarantined request's problem as a person reads it, from the `errors` catalog (as the renderer words it), so
// that the core's tests can check the words its rules and values give in English.
import type { NotificationProblem } from '../../../main/core/db/quarantine-repository.js';
import { createTranslator } from '../../../main/core/i18n/translator.js';

const en = createTranslator().for('en') as unknown as (key: string, values: object) => string;

export function problemWords(problem: NotificationProblem | undefined | false): string {
  if (!problem) return '';
  return 'message' in problem ? problem.message : en(`errors:rule.${problem.rule}`, problem.params ?? {});
}
