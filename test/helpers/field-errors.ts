// The core's field errors as a reader sees them: each rule rendered in English (or another language) by the API's
// own renderer (main/core/api/api-error.ts), so tests can keep asserting the words a technician reads.
import { renderFieldError } from '../../main/core/api/api-error.js';
import type { FieldError } from '../../main/core/domain/field-error.js';
import type { Language } from '../../preload/contract/locales.js';

export const worded = (errors: readonly FieldError[], language: Language = 'en') =>
  errors.map((e) => ({ field: e.field, message: renderFieldError(language, e).message }));
