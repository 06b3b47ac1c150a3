// A refusal as data: a stable code, the values its message names and the field errors; no words (issue 17). The
// edges word it from the `errors` catalog: the HTTP API in the request's Accept-Language (api/api-error.ts), the
// desktop bridge in English with the code and values for the renderer to word itself (shell/ipc/register-ipc.ts).
import type { ErrorKey, FieldError, MessageParams } from '../domain/field-error.js';
import type { ErrorCode } from './error-codes.js';

export interface ServiceErrorOptions {
  params?: MessageParams;
  errors?: FieldError[];
  /** For 429: seconds until a retry can succeed (the Retry-After header). */
  retryAfterSeconds?: number;
  /** The catalog message when the code has more than one: by default `errors:code.<code>`. */
  key?: ErrorKey;
}

export class ServiceError extends Error {
  readonly params: MessageParams;
  readonly errors: FieldError[];
  readonly retryAfterSeconds?: number;
  readonly key: ErrorKey | null;

  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 422 | 429 | 502 | 503,
    readonly code: ErrorCode,
    options: ServiceErrorOptions = {},
  ) {
    // The code, not a sentence: what a log line or a stack trace shows.
    super(code);
    this.name = 'ServiceError';
    this.params = options.params ?? {};
    this.errors = options.errors ?? [];
    if (options.retryAfterSeconds !== undefined) this.retryAfterSeconds = options.retryAfterSeconds;
    this.key = options.key ?? null;
  }
}

/** 400 VALIDATION_FAILED; `key` says what was not valid (e.g. `errors:invalid.callback`). */
export const invalid = (key: ErrorKey, errors: FieldError[], params?: MessageParams) =>
  new ServiceError(400, 'VALIDATION_FAILED', { key, errors, ...(params && { params }) });

export const notFound = (code: ErrorCode, params?: MessageParams, key?: ErrorKey) =>
  new ServiceError(404, code, { ...(params && { params }), ...(key && { key }) });

/** Past the failure limiter's bound (api/security/failure-limiter.ts): 429 with the seconds to wait. */
export const tooManyWrongTokens = (wait: number) =>
  new ServiceError(429, 'TOO_MANY_FAILED_LOGINS', { params: { wait }, retryAfterSeconds: wait });
