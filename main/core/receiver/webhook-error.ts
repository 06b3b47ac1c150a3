// The receiver's error answers, in the webhook templates' error shape `{code, debug, message}`
// (stellantis-api-notes.md N5, N8): `code` is the HTTP status followed by two digits, `debug` a stable name
// for logs and support.
export interface WebhookErrorBody {
  code: number;
  debug: string;
  message: string;
}

export type WebhookRejection =
  | 'CALLBACK_NOT_FOUND'
  | 'SECRET_MISSING'
  | 'SECRET_INVALID'
  | 'BODY_TOO_LARGE'
  | 'RATE_LIMITED'
  | 'BAD_REQUEST'
  | 'ROUTE_NOT_FOUND';

/** Answered 500 so that the network retries later; nothing of the request was stored. */
export type WebhookFailure = 'STORE_FAILED' | 'QUARANTINE_FULL' | 'INTERNAL';

const DETAIL: Record<WebhookRejection | WebhookFailure, [number, number]> = {
  CALLBACK_NOT_FOUND: [404, 1],
  ROUTE_NOT_FOUND: [404, 0],
  SECRET_MISSING: [401, 1],
  SECRET_INVALID: [401, 2],
  BODY_TOO_LARGE: [413, 0],
  RATE_LIMITED: [429, 0],
  BAD_REQUEST: [400, 0],
  STORE_FAILED: [500, 1],
  QUARANTINE_FULL: [500, 2],
  INTERNAL: [500, 0],
};

export function webhookError(
  debug: WebhookRejection | WebhookFailure,
  message: string,
): { status: number; body: WebhookErrorBody } {
  const [status, n] = DETAIL[debug];
  return { status, body: { code: status * 100 + n, debug, message } };
}
