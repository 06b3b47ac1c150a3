// A sign-in refusal as the screen says it: a title, and the sentence that names what to do.
import type { ClientFailure } from '../../../../preload/contract/client.js';
import { t } from '../../i18n/index.js';

export function signInFailureText(failure: ClientFailure): { title: string; message: string } {
  switch (failure.code) {
    case 'OPERATOR_LOCKED':
      // The agent's message says how long to wait (Retry-After is not readable here); the words stand alone.
      return {
        title: t('login:lockedOperator.title'),
        message: failure.message || t('login:lockedOperator.text'),
      };
    case 'NOT_ENROLLED':
      return { title: t('login:notEnrolled.title'), message: t('login:notEnrolled.text') };
    default:
      return { title: failure.message, message: '' };
  }
}
