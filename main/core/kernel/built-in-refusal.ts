// What the built-in callback ("This workstation") refuses, as the API answers it: the stable code
// CALLBACK_BUILT_IN, 422 for a body it cannot take (with a field error for each thing it cannot have), 409 for an
// act it cannot undergo (delete, a test notification to a webhook it does not have).
import {
  BUILT_IN_CALLBACK_LABEL,
  CALLBACK_BUILT_IN,
  type BuiltInRefusedOperation,
} from '../domain/callback/built-in.js';
import type { ErrorKey, FieldError } from '../domain/field-error.js';
import { ServiceError } from './service-error.js';

export function builtInRefusal(
  operation: BuiltInRefusedOperation,
  label: string | null,
  errors: FieldError[] = [],
): ServiceError {
  const status = operation === 'replace' ? 422 : 409;
  return new ServiceError(status, CALLBACK_BUILT_IN, {
    params: { label: label ?? BUILT_IN_CALLBACK_LABEL },
    errors,
    key: REFUSAL_KEYS[operation],
  });
}

/** One line each: what the built-in refuses, and what to do instead. */
const REFUSAL_KEYS: Record<BuiltInRefusedOperation, ErrorKey> = {
  replace: 'errors:code.CALLBACK_BUILT_IN',
  delete: 'errors:code.CALLBACK_BUILT_IN.delete',
  'test-notification': 'errors:code.CALLBACK_BUILT_IN.testNotification',
};
