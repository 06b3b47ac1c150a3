// Small pieces of the HTTP client: URLs (client_id always, credentials never sent to another origin), the
// Basic header, and reading Retry-After / X-RateLimit-Reset.
import { describe, expect, it } from 'vitest';
import {
  createRateLimitTracker,
  retryAfterSeconds,
} from '../../../main/core/connector/stellantis/rate-limit.js';
import type { StellantisConfig } from '../../../main/core/connector/stellantis/stellantis-config.js';
import {
  basicAuthorization,
  createStellantisHttp,
} from '../../../main/core/connector/stellantis/stellantis-http.js';
import { manualClock } from '../../../main/core/ports/clock.js';
import { silentLogger } from '../../../main/core/ports/logger.js';

const config: StellantisConfig = {
  baseUrl: 'https://api.example/connectedcar/v3/',
  fleetId: 'f1',
  clientId: 'app-1',
  user: 'MZP',
  password: 'pw',
  cert: '',
  key: '',
  ca: '',
  timeoutMs: 1_000,
};

describe('request URLs', () => {
  const http = createStellantisHttp(config, { clock: manualClock(), logger: silentLogger });

  it('puts paths under the base URL, with the query and client_id', () => {
    expect(
      http.url('/fleets/f1/vehicles', { pageSize: 60, extension: ['onboardCapabilities', 'branding'] }).href,
    ).toBe(
      'https://api.example/connectedcar/v3/fleets/f1/vehicles?pageSize=60&extension=onboardCapabilities&extension=branding&client_id=app-1',
    );
  });

  it('follows a same-origin HAL link as given, adding client_id', () => {
    expect(http.url('https://api.example/connectedcar/v3/fleets/f1/vehicles?pageToken=abc').href).toBe(
      'https://api.example/connectedcar/v3/fleets/f1/vehicles?pageToken=abc&client_id=app-1',
    );
    expect(http.url('/connectedcar/v3/fleets/f1/vehicles?pageToken=abc').href).toBe(
      'https://api.example/connectedcar/v3/fleets/f1/vehicles?pageToken=abc&client_id=app-1',
    );
  });

  it('re-roots a link to another origin on the base URL, so credentials stay with the configured server', () => {
    expect(
      http.url('https://internal.gateway:8443/connectedcar/v3/fleets/f1/vehicles?pageToken=abc').href,
    ).toBe('https://api.example/connectedcar/v3/fleets/f1/vehicles?pageToken=abc&client_id=app-1');
  });

  it('replaces a client_id already in a link', () => {
    expect(
      http.url('https://api.example/connectedcar/v3/fleets?client_id=other').searchParams.getAll('client_id'),
    ).toEqual(['app-1']);
  });
});

describe('headers', () => {
  it('encodes Basic authentication in UTF-8', () => {
    expect(basicAuthorization('MZP', 'pässword')).toBe(
      `Basic ${Buffer.from('MZP:pässword').toString('base64')}`,
    );
  });

  it('reads Retry-After as seconds or an HTTP date, and takes the larger of it and X-RateLimit-Reset', () => {
    const now = new Date('2026-01-05T08:00:00.000Z');
    expect(retryAfterSeconds({ 'retry-after': '30' }, now)).toBe(30);
    expect(retryAfterSeconds({ 'retry-after': 'Mon, 05 Jan 2026 08:02:00 GMT' }, now)).toBe(120);
    expect(retryAfterSeconds({ 'retry-after': '5', 'x-ratelimit-reset': '60' }, now)).toBe(60);
    expect(retryAfterSeconds({ 'retry-after': 'soon' }, now)).toBeUndefined();
    expect(retryAfterSeconds({}, now)).toBeUndefined();
  });

  it('records the budgets and keeps the last known value when a header is missing', () => {
    const clock = manualClock();
    const t = createRateLimitTracker(clock);
    t.record({
      'x-ratelimit-limit-1': '100000',
      'x-ratelimit-remaining-1': '99999',
      'x-ratelimit-limit-2': '100',
      'x-ratelimit-remaining-2': '99',
    });
    clock.advance(1_000);
    t.record({ 'x-ratelimit-remaining-1': '99998', 'x-ratelimit-remaining-2': 'n/a' });
    expect(t.state()).toEqual({
      daily: { limit: 100000, remaining: 99998 },
      burst: { limit: 100, remaining: 99 },
      updatedAt: '2026-01-05T08:00:01.000Z',
      blockedUntil: null,
    });
    t.block(2);
    expect(t.waitSeconds()).toBe(2);
    clock.advance(1_500);
    expect(t.waitSeconds()).toBe(1);
    clock.advance(500);
    expect(t.waitSeconds()).toBe(0);
    expect(t.state().blockedUntil).toBeNull();
  });
});
