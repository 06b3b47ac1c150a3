// Which header values are sealed, how the mask is told from a value, and how a request's mask finds the stored
// value it stands for.
import { describe, expect, it } from 'vitest';
import {
  type CallbackSubscribe,
  openHeaderValues,
  parseCallbackInput,
  resolveMaskedHeaders,
  revealHeadersSetBy,
  SEALED_MASK,
  sealHeaderValues,
} from '../../../main/core/domain/callback/index.js';

type Attr = { type: 'Header' | 'Body' | 'Query'; key: string; value: string };

const subscribe = (attributes: Attr[]): CallbackSubscribe => ({
  callback: { webhook: { target: 'https://depot.example.net/events', name: 'depot', attributes } },
  retryPolicy: { policy: 'None' },
  remoteTypes: ['Doors'],
});
const attrs = (s: CallbackSubscribe) => s.callback.webhook.attributes;

describe('sealed header values', () => {
  it('seals Header literals only: $variables, Body and Query values stay as they are', () => {
    const { stored, headerValues } = sealHeaderValues(
      subscribe([
        { type: 'Header', key: 'X-Vin', value: '$vin' },
        { type: 'Header', key: 'X-Api-Key', value: 'k-1' },
        { type: 'Body', key: 'site', value: 'depot' },
        { type: 'Query', key: 'token', value: 'q' },
      ]),
    );
    expect(attrs(stored)!.map((a) => a.value)).toEqual(['$vin', SEALED_MASK, 'depot', 'q']);
    expect(headerValues).toEqual([null, 'k-1']);
    expect(openHeaderValues(attrs(stored)!.slice(0, 2), headerValues)).toEqual({
      headers: [
        { type: 'Header', key: 'X-Vin', value: '$vin' },
        { type: 'Header', key: 'X-Api-Key', value: 'k-1' },
      ],
      missing: [],
    });
    expect(openHeaderValues(attrs(stored)!.slice(0, 2), undefined).missing).toEqual(['X-Api-Key']);
  });

  it('accepts the exact mask as a Header value (it means "keep"); anything else outside Latin-1 is still refused', () => {
    const body = (value: string) => ({
      ...subscribe([{ type: 'Header', key: 'X-Api-Key', value }]),
      retryPolicy: { policy: 'None' },
    });
    expect(parseCallbackInput(body(SEALED_MASK)).ok).toBe(true);
    for (const value of ['•••', `${SEALED_MASK}x`]) {
      const result = parseCallbackInput(body(value));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors[0]!.field).toBe('callback.webhook.attributes[0].value');
    }
  });

  it('finds the stored value by header name (any case) and occurrence, wherever the header moved', () => {
    const stored = sealHeaderValues(
      subscribe([
        { type: 'Header', key: 'X-Key', value: 'first' },
        { type: 'Header', key: 'X-Other', value: '$vin' },
        { type: 'Header', key: 'X-Key', value: 'second' },
      ]),
    );
    const resolved = resolveMaskedHeaders(
      subscribe([
        { type: 'Header', key: 'x-key', value: SEALED_MASK },
        { type: 'Body', key: 'b', value: SEALED_MASK },
        { type: 'Header', key: 'X-KEY', value: SEALED_MASK },
      ]),
      stored.stored,
      stored.headerValues,
    );
    expect(resolved.ok && attrs(resolved.value)!.map((a) => a.value)).toEqual([
      'first',
      SEALED_MASK,
      'second',
    ]);

    const third = resolveMaskedHeaders(
      subscribe([
        { type: 'Header', key: 'X-Key', value: 'new' },
        { type: 'Header', key: 'X-Key', value: 'newer' },
        { type: 'Header', key: 'X-Key', value: SEALED_MASK },
      ]),
      stored.stored,
      stored.headerValues,
    );
    expect(third).toEqual({
      ok: false,
      errors: [
        {
          field: 'callback.webhook.attributes[2].value',
          rule: 'callback.header.maskWithoutValue',
          params: { mask: SEALED_MASK, key: 'X-Key' },
        },
      ],
    });
  });

  it('shows in clear only what the request itself set', () => {
    const request = subscribe([
      { type: 'Header', key: 'A', value: SEALED_MASK },
      { type: 'Header', key: 'B', value: 'set-now' },
    ]);
    const stored = subscribe([
      { type: 'Header', key: 'A', value: SEALED_MASK },
      { type: 'Header', key: 'B', value: SEALED_MASK },
    ]);
    expect(attrs(revealHeadersSetBy(stored, request))!.map((a) => a.value)).toEqual([SEALED_MASK, 'set-now']);
  });
});
