// The `errors` catalog keys the edges build at run time (test/i18n/catalogs.test.ts checks each exists): an error
// code's message, a field rule's message and a remote feature's name.
import { FIELD_RULES } from '../domain/field-rules.js';
import { REMOTE_TYPES } from '../domain/remote-type.js';
import { ERROR_CODES } from './error-codes.js';

export const dynamicKeys = {
  'errors:code.': ERROR_CODES,
  'errors:rule.': FIELD_RULES,
  'errors:feature.': REMOTE_TYPES,
} satisfies Record<string, readonly string[]>;
