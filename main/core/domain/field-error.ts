/** A validation problem on one field, worded for a technician. `field` is a dotted path, e.g. `charging.schedule.programs[1].slot`. */
export interface FieldError {
  field: string;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(errors: FieldError[]): Result<T> => ({ ok: false, errors });
