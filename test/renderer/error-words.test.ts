// @vitest-environment jsdom
// Issue 17: the renderer words an error body in the interface's language from its code, rules and values; the
// message received is kept when this build has no words for it, or when it is one of a code's other messages.
import { afterEach, describe, expect, it } from 'vitest';
import { createRequester } from '../../renderer/src/api/http-request.js';
import { errorAt, failureMessage, fieldMessage } from '../../renderer/src/components/field-errors.js';
import { chooseLanguage } from '../../renderer/src/i18n/index.js';

afterEach(async () => {
  await chooseLanguage('en');
});

const ruleError = {
  field: 'retryPolicy.policy',
  message:
    'The retry policy must be None (a single try) or Bounded (a limited number of tries), not "Sometimes".',
  rule: 'callback.retry.policy',
  params: { got: '"Sometimes"' },
};

describe('error bodies in the interface language', () => {
  it('words a field rule in French, with the values and the terms it names', async () => {
    await chooseLanguage('fr');
    expect(fieldMessage(ruleError)).toBe(
      'La politique de nouvelle tentative doit être None (un seul essai) ou Bounded (un nombre limité d’essais), pas "Sometimes".',
    );
    const level = {
      field: 'charging.preferences.level',
      message: 'Level must be one of Level1 to Level5 (got "Level9").',
      rule: 'mustBe',
      params: { fieldKey: 'errors:field.level', whatKey: 'errors:what.chargeLevel', got: '"Level9"' },
    };
    expect(errorAt([level], 'charging.preferences.level')).toBe(
      'Le niveau doit être l’un de Level1 à Level5 (reçu : "Level9").',
    );
  });

  it('keeps the message received for a rule it has no words for, and in English', async () => {
    expect(fieldMessage({ field: 'x', message: 'As sent.', rule: 'no.such.rule' })).toBe('As sent.');
    expect(fieldMessage(ruleError)).toBe(ruleError.message);
  });

  it('words a code’s own English message (from the desktop bridge) in the language shown, but not its others', async () => {
    await chooseLanguage('de');
    const failure = {
      code: 'OPERATOR_NAME_TAKEN',
      message: 'An operator named Ana already exists.',
      params: { name: 'Ana' },
    };
    expect(failureMessage(failure)).toBe('Ein Bediener namens Ana existiert bereits.');
    // VALIDATION_FAILED with another of its messages, and a message already in German: kept as received.
    expect(failureMessage({ code: 'VALIDATION_FAILED', message: 'The callback is not valid.' })).toBe(
      'The callback is not valid.',
    );
    expect(failureMessage({ ...failure, message: 'Ein Bediener namens Ana existiert bereits.' })).toBe(
      'Ein Bediener namens Ana existiert bereits.',
    );
  });

  it('asks the agent for the language shown', async () => {
    await chooseLanguage('it');
    const seen: Headers[] = [];
    const request = createRequester(
      'http://agent',
      () => {},
      async (_url, init) => {
        seen.push(new Headers(init?.headers));
        return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
      },
    );
    await request('/health');
    expect(seen[0]?.get('accept-language')).toBe('it');
  });
});
