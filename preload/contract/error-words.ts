// How a client words an error answer (ErrorBody) from its code, rule and values, with the `errors` catalog
// (resources/locales/<lang>/errors.json): `errors:code.<code>` for the message, `errors:rule.<rule>` for a field.
// Shared by the agent's edges (main/core/api/api-error.ts) and the renderer (renderer/src/components/field-errors.ts),
// so that both read the values alike. Pure: the caller brings its translate and list functions.
import type { MessageParams } from './dto.js';

export type Translate = (key: string, values: Record<string, string | number>) => string;
export type FormatList = (items: readonly string[], type: 'conjunction' | 'disjunction') => string;

/** What separates the items of a `…OrList` / `…AndList` value (main/core/domain/coded-issue.ts writes them). */
const LIST_SEPARATOR = '\n';

export const codeKey = (code: string) => `errors:code.${code}`;
export const ruleKey = (rule: string) => `errors:rule.${rule}`;

/**
 * The values a message is rendered with. A value named `<x>OrList` / `<x>AndList` is a list, joined with the
 * reader's "or" / "and" and passed as `<x>`; a value named `<x>Key` is a catalog key (a field's name, a
 * description, a feature), translated with the same values and passed as `<x>`.
 */
export function messageValues(
  params: MessageParams | undefined,
  translate: Translate,
  formatList: FormatList,
): Record<string, string | number> {
  const values: Record<string, string | number> = { ...params };
  for (const [name, value] of Object.entries(params ?? {})) {
    if (typeof value !== 'string') continue;
    if (name.endsWith('OrList'))
      values[name.slice(0, -6)] = formatList(value.split(LIST_SEPARATOR), 'disjunction');
    if (name.endsWith('AndList'))
      values[name.slice(0, -7)] = formatList(value.split(LIST_SEPARATOR), 'conjunction');
  }
  for (const [name, value] of Object.entries(params ?? {})) {
    if (name.endsWith('Key') && typeof value === 'string')
      values[name.slice(0, -3)] = translate(value, values);
  }
  return values;
}
