// Issue 17: an error answer is worded in the language of the request's Accept-Language, from the `errors` catalog;
// its code, its fields, their rules and the values stay the same whatever the language (clients key on them).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../../preload/contract/dto.js';
import { callbackBody, type Harness, startHarness } from '../../helpers/api-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const inLanguage = async (language: string | undefined, request: Parameters<Harness['call']>[0]) => {
  const headers = { ...request.headers, ...(language ? { 'accept-language': language } : {}) };
  const res = await h.call({ ...request, headers });
  return { status: res.statusCode, body: res.json<ErrorBody>() };
};

describe('error messages by Accept-Language', () => {
  it('words a service refusal in French, with the same code and values as in English', async () => {
    const request = { method: 'GET' as const, url: '/api/v1/deliveries/nope' };
    const en = await inLanguage(undefined, request);
    const fr = await inLanguage('fr-FR,fr;q=0.9,en;q=0.5', request);
    expect(en).toEqual({
      status: 404,
      body: {
        code: 'DELIVERY_NOT_FOUND',
        message: 'No delivery with id nope.',
        params: { id: 'nope' },
        errors: [],
      },
    });
    expect(fr).toEqual({ status: 404, body: { ...en.body, message: 'Aucun envoi avec l’id nope.' } });
  });

  it('words each field of a refused form in French, with the same fields, rules and values', async () => {
    const payload = {
      ...callbackBody(),
      retryPolicy: { policy: 'Sometimes' },
      batchNotify: { size: 0, timeWindow: 2 },
    };
    const request = { method: 'POST' as const, url: '/api/v1/callbacks', payload };
    const en = await inLanguage('en-GB', request);
    const fr = await inLanguage('fr-FR', request);
    expect(en.status).toBe(400);
    expect(fr.status).toBe(400);
    expect(en.body.message).toBe('The callback is not valid.');
    expect(fr.body.message).toBe('Le callback n’est pas valide.');
    const shape = (body: ErrorBody) => body.errors.map(({ message: _words, ...rest }) => rest);
    expect(shape(fr.body)).toEqual(shape(en.body));
    expect(shape(en.body)).toContainEqual({
      field: 'retryPolicy.policy',
      rule: 'callback.retry.policy',
      params: { got: '"Sometimes"' },
    });
    const policy = (body: ErrorBody) => body.errors.find((e) => e.field === 'retryPolicy.policy')?.message;
    expect(policy(en.body)).toBe(
      'The retry policy must be None (a single try) or Bounded (a limited number of tries), not "Sometimes".',
    );
    expect(policy(fr.body)).toBe(
      'La politique de nouvelle tentative doit être None (un seul essai) ou Bounded (un nombre limité d’essais), pas "Sometimes".',
    );
  });

  it('renders the terms a rule names (field, description, list) in the reader’s language', async () => {
    const created = await h.call({ method: 'POST', url: '/api/v1/callbacks', payload: callbackBody() });
    const callbackId = created.json<{ id: string }>().id;
    const request = {
      method: 'POST' as const,
      url: `/api/v1/vehicles/veh-e208-01/callbacks/${callbackId}/remotes`,
      headers: { 'x-depot-reason': 'Testing the wording of errors' },
      payload: { charging: { preferences: { level: 'Level9' } }, horn: { state: 'Activated' } },
    };
    const de = await inLanguage('de', request);
    expect(de.body.code).toBe('VALIDATION_FAILED');
    const byField = Object.fromEntries(de.body.errors.map((e) => [e.field, e]));
    expect(byField['']).toMatchObject({
      rule: 'remote.tooManyActions',
      params: { foundAndList: 'charging\nhorn' },
      message: 'Nur eine Aktion pro Anfrage: gefunden charging und horn.',
    });
    expect(byField['charging.preferences.level']).toMatchObject({
      rule: 'mustBe',
      params: { fieldKey: 'errors:field.level', whatKey: 'errors:what.chargeLevel', got: '"Level9"' },
      message: 'Das Level muss eines von Level1 bis Level5 sein (erhalten: "Level9").',
    });
  });

  it('falls back to English for a language it does not have, and words its own refusals too', async () => {
    const res = await inLanguage('ja-JP', { method: 'GET', url: '/api/v1/nothing-here' });
    expect(res.body).toMatchObject({
      code: 'ROUTE_NOT_FOUND',
      message: 'No route GET /api/v1/nothing-here.',
    });
    const es = await inLanguage('es', { method: 'GET', url: '/api/v1/nothing-here' });
    expect(es.body).toMatchObject({
      code: 'ROUTE_NOT_FOUND',
      message: 'No hay ninguna ruta GET /api/v1/nothing-here.',
    });
  });
});
