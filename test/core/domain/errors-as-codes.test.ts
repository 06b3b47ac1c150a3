// Issue 17: the core builds no English for a person to read. A refusal is a code with values (ServiceError), a field
// error a rule with values (FieldError); the words are in the `errors` catalog, which has every code and rule.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCallbackInput } from '../../../main/core/domain/callback/index.js';
import { FIELD_RULES } from '../../../main/core/domain/field-rules.js';
import { parseRemote } from '../../../main/core/domain/remote/index.js';
import { ERROR_CODES } from '../../../main/core/kernel/error-codes.js';
import { ServiceError, notFound } from '../../../main/core/kernel/service-error.js';

const english = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../resources/locales/en/errors.json'), 'utf8'),
) as Record<string, string>;

describe('errors in the core are codes with values', () => {
  it('a ServiceError carries its code and values, and no sentence', () => {
    const error = notFound('CALLBACK_NOT_FOUND', { id: 'cb-9' });
    expect(error).toBeInstanceOf(ServiceError);
    expect({ code: error.code, params: error.params, errors: error.errors }).toEqual({
      code: 'CALLBACK_NOT_FOUND',
      params: { id: 'cb-9' },
      errors: [],
    });
    // What a log line or a stack trace shows: the code.
    expect(error.message).toBe('CALLBACK_NOT_FOUND');
  });

  it('the forms report rules with values, never words', () => {
    const remote = parseRemote({ charging: { immediate: 'yes' }, lihgts: {} });
    const callback = parseCallbackInput({ callback: { webhook: { target: 'ftp://x', name: '' } } });
    const errors = [...(remote.ok ? [] : remote.errors), ...(callback.ok ? [] : callback.errors)];
    expect(errors.length).toBeGreaterThan(3);
    for (const error of errors) {
      expect(Object.keys(error).sort()).toEqual(expect.arrayContaining(['field', 'rule']));
      expect(error).not.toHaveProperty('message');
      expect(FIELD_RULES).toContain(error.rule);
      for (const value of Object.values(error.params ?? {})) expect(String(value)).not.toContain('rule:');
    }
  });

  it('every code and every rule has its words in the catalog', () => {
    for (const code of ERROR_CODES) expect(english, code).toHaveProperty([`code.${code}`]);
    for (const rule of FIELD_RULES) expect(english, rule).toHaveProperty([`rule.${rule}`]);
  });
});
