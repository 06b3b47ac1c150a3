// The API's field errors ({field: "charging.schedule.programs[1].slot", message}) placed next to the inputs they
// concern. Paths are the core's, so a form asks for exactly the path its input produces in the body.

export interface FieldError {
  field: string;
  message: string;
}

/** The message(s) for one field, joined; undefined when it has none. */
export function errorAt(errors: readonly FieldError[], path: string): string | undefined {
  const messages = errors.filter((e) => e.field === path).map((e) => e.message);
  return messages.length > 0 ? messages.join(' ') : undefined;
}

/** Messages for a field and everything inside it (`navigation.positions[2]` covers its coordinates). */
export function errorUnder(errors: readonly FieldError[], prefix: string): string | undefined {
  const messages = errors
    .filter((e) => e.field === prefix || e.field.startsWith(`${prefix}.`) || e.field.startsWith(`${prefix}[`))
    .map((e) => e.message);
  return messages.length > 0 ? messages.join(' ') : undefined;
}
