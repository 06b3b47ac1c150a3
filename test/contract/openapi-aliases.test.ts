// The declared request schema admits what the agent accepts: a callback body written with the Stellantis
// documentation's aliases validates against the OpenAPI document (JSON Schema 2020-12, checked by Ajv) and the
// agent takes it; a body the agent refuses for a missing field is refused by the schema too.
import Ajv2020 from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callbackBody, type Harness, startHarness } from '../helpers/api-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

const aliasBody = () => {
  const { remoteTypes, retryPolicy: _r, callback: cb, ...rest } = callbackBody();
  return {
    ...rest,
    notificationTypes: remoteTypes,
    retryPolicy: { policy: 'Always', retryDelay: 60 },
    batchNotify: { size: 0 },
    callback: {
      webhook: { target: cb.webhook.target, name: cb.webhook.name, attributres: cb.webhook.attributes },
    },
  };
};

describe('callback aliases in the OpenAPI document', () => {
  it('validate against the declared createCallback body and are accepted by the agent', async () => {
    const doc = (await h.call({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const schema = doc.paths['/api/v1/callbacks'].post.requestBody.content['application/json'].schema;
    const validate = new Ajv2020({ strict: false }).compile(schema);

    const body = aliasBody();
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(callbackBody())).toBe(true);
    const res = await h.call({ method: 'POST', url: '/api/v1/callbacks', payload: body });
    expect(res.statusCode).toBe(201);
    expect(res.json().subscribe.remoteTypes).toEqual(callbackBody().remoteTypes);

    const { notificationTypes: _n, ...withoutTypes } = body;
    expect(validate(withoutTypes)).toBe(false);
    expect(
      (await h.call({ method: 'POST', url: '/api/v1/callbacks', payload: withoutTypes })).statusCode,
    ).toBe(400);
    // The aliases are marked deprecated: answers always use the spec's names.
    expect(schema.properties.notificationTypes.deprecated).toBe(true);
  });
});
