// The refusals the interface makes itself (no answer from the agent, an empty token, a session that ended, a bulk
// answer of the wrong kind): their codes are worded from the `errors` catalog like the agent's (field-errors.ts).
export const CLIENT_ERROR_CODES = [
  'AGENT_UNREACHABLE',
  'TOKEN_MISSING',
  'SESSION_ENDED',
  'NOT_A_PLAN',
  'NOT_STARTED',
] as const;

export const dynamicKeys = {
  'errors:code.': CLIENT_ERROR_CODES,
  'errors:rule.': ['token.missing'],
} satisfies Record<string, readonly string[]>;
