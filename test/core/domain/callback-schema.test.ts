import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import type { CallbackSubscribe } from '../../../main/core/domain/callback/index.js';
import { worded } from '../../helpers/field-errors.js';
import {
  batchingDisabled,
  callbackBodySchema,
  callbackStatusSetterSchema,
  callbackSubscribeSchema,
  generateSigningSecret,
  isSigningSecret,
  maskSecret,
  parseCallbackInput,
  parseCallbackStatusInput,
} from '../../../main/core/domain/callback/index.js';

const subscribe = (
  attributes: CallbackSubscribe['callback']['webhook']['attributes'],
): CallbackSubscribe => ({
  callback: { webhook: { target: 'https://depot.example.net/events', name: 'depot', attributes } },
  retryPolicy: { policy: 'None' },
  remoteTypes: ['Doors'],
});

describe('callback schemas for OpenAPI', () => {
  it('convert to JSON Schema in input mode', () => {
    for (const schema of [callbackSubscribeSchema, callbackBodySchema, callbackStatusSetterSchema]) {
      expect(() => z.toJSONSchema(schema, { io: 'input' })).not.toThrow();
    }
  });

  it('document the spec form: required fields, enums, limits and defaults', () => {
    const json = z.toJSONSchema(callbackSubscribeSchema, { io: 'input' }) as {
      required: string[];
      additionalProperties: boolean;
      properties: Record<string, { properties?: Record<string, Record<string, unknown>>; default?: unknown }>;
    };
    expect(json.required.sort()).toEqual(['callback', 'remoteTypes']);
    expect(json.additionalProperties).toBe(false);
    expect(Object.keys(json.properties)).toEqual([
      'label',
      'callback',
      'retryPolicy',
      'batchNotify',
      'remoteTypes',
    ]);
    const retry = json.properties.retryPolicy!;
    expect(retry.default).toEqual({ policy: 'Bounded', retryNumber: 3, retryDelay: 10 });
    expect(retry.properties!.policy!.enum).toEqual(['None', 'Bounded']);
    expect(retry.properties!.retryNumber).toMatchObject({ type: 'integer', minimum: 1, default: 3 });
    expect(json.properties.batchNotify!.properties!.timeWindow).toMatchObject({ minimum: 5, default: 60 });
  });

  it('validate a spec body on their own (the fake server can reuse them)', () => {
    const body = subscribe([{ type: 'Query', key: 'vin', value: '$vin' }]);
    expect(callbackSubscribeSchema.safeParse(body).success).toBe(true);
    expect(callbackSubscribeSchema.safeParse({ ...body, signingSecret: null }).success).toBe(false);
    expect(callbackBodySchema.safeParse({ ...body, signingSecret: null }).success).toBe(true);
  });
});

describe('callback status setter', () => {
  it('accepts Running and Paused only', () => {
    expect(parseCallbackStatusInput({ status: 'Paused' })).toEqual({ ok: true, value: { status: 'Paused' } });
    expect(parseCallbackStatusInput({ status: 'Running' })).toEqual({
      ok: true,
      value: { status: 'Running' },
    });
    // The core names the rule and the value; the words are the catalog's (rendered here in English).
    const failed = parseCallbackStatusInput({ status: 'Failed' });
    expect(failed).toEqual({
      ok: false,
      errors: [{ field: 'status', rule: 'callback.status.invalid', params: { got: '"Failed"' } }],
    });
    expect(failed.ok ? [] : worded(failed.errors)).toEqual([
      { field: 'status', message: 'The status must be Running or Paused, not "Failed".' },
    ]);
    const missing = parseCallbackStatusInput({});
    expect(missing).toEqual({ ok: false, errors: [{ field: 'status', rule: 'callback.status.missing' }] });
    expect(missing.ok ? [] : worded(missing.errors)).toEqual([
      { field: 'status', message: 'Give the status: Running or Paused.' },
    ]);
    const extra = parseCallbackStatusInput({ status: 'Paused', reason: 'x' });
    expect(extra.ok ? [] : extra.errors.map((e) => e.field)).toEqual(['reason']);
  });
});

describe('signing secrets', () => {
  it('generates Standard Webhooks secrets of 32 random bytes that validate', () => {
    const a = generateSigningSecret();
    const b = generateSigningSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(a.slice(6), 'base64')).toHaveLength(32);
    expect(a).not.toBe(b);
    expect(isSigningSecret(a)).toBe(true);
    expect(parseCallbackInput({ ...subscribe(undefined), signingSecret: a }).ok).toBe(true);
  });

  it('accepts 24 to 64 bytes', () => {
    expect(isSigningSecret(`whsec_${Buffer.alloc(24, 1).toString('base64')}`)).toBe(true);
    expect(isSigningSecret(`whsec_${Buffer.alloc(64, 1).toString('base64')}`)).toBe(true);
    expect(isSigningSecret(`whsec_${Buffer.alloc(23, 1).toString('base64')}`)).toBe(false);
    expect(isSigningSecret(`whsec_${Buffer.alloc(65, 1).toString('base64')}`)).toBe(false);
    expect(isSigningSecret(`whsec_${Buffer.alloc(32, 1).toString('base64url')}`)).toBe(false);
  });

  it('masks secrets down to their last 4 characters', () => {
    const secret = generateSigningSecret();
    expect(maskSecret(secret)).toBe(`whsec_****${secret.slice(-4)}`);
    expect(maskSecret('a-long-bearer-token-abcd')).toBe('****abcd');
    // Too short for 4 characters to be harmless.
    expect(maskSecret('hunter22')).toBe('****');
    expect(maskSecret('')).toBe('****');
  });
});

describe('batchingDisabled', () => {
  it('is true only with a $vin Query attribute (N7)', () => {
    expect(batchingDisabled(subscribe([{ type: 'Query', key: 'vin', value: '$vin' }]))).toBe(true);
    expect(batchingDisabled(subscribe([{ type: 'Header', key: 'X-Vin', value: '$vin' }]))).toBe(false);
    expect(batchingDisabled(subscribe([{ type: 'Query', key: 'fleet', value: '$fleetID' }]))).toBe(false);
    expect(batchingDisabled(subscribe(undefined))).toBe(false);
  });
});
