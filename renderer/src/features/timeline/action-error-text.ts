// An action's recorded error in the reader's language (issue 17): the agent's own codes are worded from the
// `errors` catalog with their values; the network's code keeps its own words (params.detail); an action recorded
// before the codes keeps the English message it was stored with.
import {
  isActionErrorCode,
  quotedWords,
  type ActionError,
} from '../../../../preload/contract/action-errors.js';
import { t } from '../../i18n/index.js';

/** What the error says, without its code. */
export function actionErrorWords(error: ActionError): string {
  if (error.message === undefined && isActionErrorCode(error.code))
    return t(`errors:code.${error.code}`, error.params ?? {});
  return quotedWords(error);
}

/** "Network answer: <code> — <words> (reference …)", as the failure panel shows it. */
export function actionErrorText(error: ActionError): string {
  const { code, reference } = error;
  const message = actionErrorWords(error);
  return reference
    ? t('timeline:failure.networkAnswerWithReference', { code, message, reference })
    : t('timeline:failure.networkAnswer', { code, message });
}
