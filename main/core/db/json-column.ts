// JSON columns are TEXT with CHECK(json_valid(...)). These helpers make a non-serialisable value fail here,
// with the column's name, instead of as an opaque constraint error (or silently as the string "undefined").

export function toJson(value: unknown, column: string): string {
  const text = JSON.stringify(value);
  if (text === undefined) throw new TypeError(`${column}: value is not JSON-serialisable (${typeof value}).`);
  return text;
}

export function toJsonOrNull(value: unknown, column: string): string | null {
  return value === null || value === undefined ? null : toJson(value, column);
}

export function fromJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

export function fromJsonOrNull<T>(text: string | null): T | null {
  return text === null ? null : (JSON.parse(text) as T);
}
