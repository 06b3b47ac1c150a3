// The pseudo-locale keeps every ICU argument and changes only text, so a pseudo catalog formats like English.
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { pseudoLocalize } from '../../renderer/src/i18n/pseudo.js';

describe('pseudoLocalize', () => {
  it('accents and brackets the text, keeping arguments, plurals and selects', () => {
    const message =
      '{count, plural, one {# vehicle} other {# vehicles}} for {name}: {kind, select, a {yes} other {no}}';
    const pseudo = pseudoLocalize(message);
    expect(pseudo.startsWith('[') && pseudo.endsWith(']')).toBe(true);
    const values = { count: 3, name: 'Ann', kind: 'a' };
    expect(new IntlMessageFormat(pseudo, 'en').format(values)).toBe('[3 ṽéĥíçļéŝ ƒóŕ Ann: ýéŝ]');
    expect(new IntlMessageFormat(message, 'en').format(values)).toBe('3 vehicles for Ann: yes');
  });

  it('leaves quoted ICU syntax as it is', () => {
    expect(pseudoLocalize("a '{'b'}'")).toBe("[á '{'ƀ'}']");
  });
});
