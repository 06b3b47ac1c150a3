import type { FieldError } from '../domain/field-error.js';

/** A refusal as data: the HTTP layer and IPC turn it into `{code, message, errors}`. */
export class ServiceError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 422 | 429 | 502 | 503,
    readonly code: string,
    message: string,
    readonly errors: FieldError[] = [],
    /** For 429: seconds until a retry can succeed (the Retry-After header). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

export const invalid = (message: string, errors: FieldError[]) =>
  new ServiceError(400, 'VALIDATION_FAILED', message, errors);
export const notFound = (code: string, message: string) => new ServiceError(404, code, message);

/** Past the failure limiter's bound (api/security/failure-limiter.ts): 429 with the seconds to wait. */
export const tooManyWrongTokens = (wait: number) =>
  new ServiceError(
    429,
    'TOO_MANY_FAILED_LOGINS',
    `Too many wrong tokens from this address: wait ${wait} s. The token is in <data-dir>/api-token.`,
    [],
    wait,
  );
