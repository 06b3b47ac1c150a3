// The `errors` catalog keys action-error-text.ts builds at run time (test/i18n checks each exists): the message of
// every code the agent records on an action of its own accord.
import { ACTION_ERROR_CODES } from '../../../../preload/contract/action-errors.js';

export const dynamicKeys = {
  'errors:code.': ACTION_ERROR_CODES,
} satisfies Record<string, readonly string[]>;
