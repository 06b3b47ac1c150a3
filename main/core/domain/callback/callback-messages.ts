// How the callback schemas word their issues. Every message is written for a depot technician: zod's default
// English never reaches the user.

type RawIssue = { code?: string; input?: unknown };

/** Quotes a received value in a message without dumping a whole object into it. */
export function show(value: unknown): string {
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : typeof value;
}

/** Error map for a required field: one message when it is missing, another when it has the wrong type. */
export const required = (missing: string, wrong: string) => (iss: RawIssue) =>
  iss.input === undefined ? missing : wrong;

/**
 * Error map for a strict object. `unrecognized_keys` gets the list of allowed fields; parse-callback.ts turns it
 * into one error per unknown key, each naming the key.
 */
export const strict = (allowed: readonly string[], missing: string, wrong: string) => (iss: RawIssue) => {
  if (iss.code === 'unrecognized_keys') return `Allowed fields here: ${allowed.join(', ')}.`;
  return iss.input === undefined ? missing : wrong;
};
