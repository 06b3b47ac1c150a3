// Why an action ended without being carried out, as recorded on it (`error`) and shown to people (issue 17): the
// agent's own reasons are codes with values, worded by the clients from the `errors` catalog (`code.<CODE>`); a
// refusal by the network keeps the network's code, its own words (`params.detail`, quoted as they came) and its
// reference. Actions recorded before carry an English `message` instead of `params`: it is shown as it is.
import type { z } from 'zod';
import type { actionErrorSchema } from './dto.js';

/** The codes the agent records on an action of its own accord (each has `errors:code.<CODE>`). */
export const ACTION_ERROR_CODES = [
  'NOT_SENT_AFTER_STOP',
  'SEND_INTERRUPTED',
  'SEND_NOT_RECORDED',
  'SEND_UNCERTAIN',
  'UPSTREAM_ID_CONFLICT',
  'UPSTREAM_ID_MISSING',
  'WAKE_UP_FAILED',
] as const;

export type ActionErrorCode = (typeof ACTION_ERROR_CODES)[number];

export const isActionErrorCode = (code: string): code is ActionErrorCode =>
  (ACTION_ERROR_CODES as readonly string[]).includes(code);

/** An action's recorded error, as it crosses the boundary (`code`, `params`, `reference`; `message` on older rows). */
export type ActionError = z.infer<typeof actionErrorSchema>;

/** The words shown for an error whose code is not the agent's: the network's, or an older row's message. */
export const quotedWords = (error: ActionError): string =>
  error.message ?? (typeof error.params?.detail === 'string' ? error.params.detail : '');
