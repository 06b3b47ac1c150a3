// Why a schedule's run could not start, as the agent records it (schedule_runs.reason): its creator as they are at
// the time of the run (main/core/services/schedule-creator.ts), the run itself (schedule-runner.ts), or the error
// code the bulk command was refused with. A plain list (no words here), so the catalog test can import it; a code
// not in it is shown as recorded.
export const RUN_REASON_CODES = [
  // The creator, read again at the run.
  'CREATOR_DELETED',
  'CREATOR_DISABLED',
  'CREATOR_TOKEN_REVOKED',
  'CREATOR_TOKEN_EXPIRED',
  'CREATOR_ROLE_TOO_LOW',
  'CREATOR_UNKNOWN',
  // The run.
  'RUN_FAILED',
  'RUN_INTERRUPTED',
  // The bulk command's refusal.
  'FORBIDDEN',
  'OPERATOR_DISABLED',
  'OPERATOR_NOT_FOUND',
  'GROUP_NOT_FOUND',
  'GROUP_EMPTY',
  'VEHICLE_NOT_FOUND',
  'CALLBACK_NOT_FOUND',
  'CALLBACK_PAUSED',
  'REMOTE_TYPE_NOT_SUBSCRIBED',
  'VALIDATION_FAILED',
  'NOT_SCHEDULABLE',
] as const;
export type RunReasonCode = (typeof RUN_REASON_CODES)[number];

export function isRunReasonCode(code: string): code is RunReasonCode {
  return (RUN_REASON_CODES as readonly string[]).includes(code);
}
