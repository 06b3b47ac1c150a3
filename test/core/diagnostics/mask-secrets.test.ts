// The masks of the support bundle on their own: secrets we know, by any fragment and encoding; secrets we do not
// know, by their shape (the desktop's keychain-sealed values cannot be opened by the command, for one).
import { describe, expect, it } from 'vitest';
import {
  knownSecretsMasker,
  maskSecretShapes,
  REMOVED,
} from '../../../main/core/diagnostics/mask-secrets.js';
import { settingsSummary } from '../../../main/core/diagnostics/settings-summary.js';

describe('masking the secrets we know', () => {
  const mask = knownSecretsMasker(['correct-horse-battery-staple', 'short1']);

  it('hides the secret, its base64 and hex forms and any 12-character piece of it', () => {
    const secret = 'correct-horse-battery-staple';
    const line = [
      secret,
      Buffer.from(secret).toString('base64'),
      Buffer.from(secret).toString('hex'),
      `prefix ${secret.slice(3, 18)} suffix`,
    ].join(' | ');
    expect(mask(line)).toBe(`${REMOVED} | ${REMOVED} | ${REMOVED} | prefix ${REMOVED} suffix`);
  });

  it('hides a short secret only whole, and leaves other text alone', () => {
    expect(mask('pin short1, shorter, sh')).toBe(`pin ${REMOVED}, shorter, sh`);
    expect(mask('nothing to hide here')).toBe('nothing to hide here');
  });
});

describe('masking the shapes of secrets we do not know', () => {
  it.each([
    ['Authorization: Bearer abcdefgh12345678', `Authorization: ${REMOVED}`],
    ['sent Basic ZGVwb3Q6aHVudGVyMg==', `sent Basic ${REMOVED}`],
    ['{"clientSecret":"x9!y"}', `{"clientSecret":"${REMOVED}"}`],
    ['url ?api_key=abc123&vin=VR3', `url ?api_key=${REMOVED}&vin=VR3`],
    ['key whsec_AbCdEf0123', `key ${REMOVED}`],
    ['blob Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MEFCQ0RFRg==', `blob ${REMOVED}`],
    ['-----BEGIN PRIVATE KEY-----MIIEvQIBADANBg-----END PRIVATE KEY-----', REMOVED],
  ])('%s', (line, masked) => {
    expect(maskSecretShapes(line)).toBe(masked);
  });

  it('keeps what support reads: ids, VINs, paths and kebab-case names', () => {
    const line =
      'remote 3f1c2a9e-5b7d-4e21-9a0b-6c8d7e9f0a1b VR3UPHNKSKT101603 /tmp/tmp.i8YKswS3RJ/data/api-token basic setup, token: in';
    expect(maskSecretShapes(line)).toBe(line);
  });
});

describe('the settings allow-list', () => {
  it('copies the allowed plain fields and shows every other field, and sealed values, as removed', () => {
    const shown = settingsSummary([
      {
        key: 'agent',
        value: {
          connector: 'stellantis',
          stellantis: { fleetId: 'f1', clientId: 'c1', user: 'u1', password: 'p1', certFile: 'kf1:abcd' },
          receiver: { port: 1, bind: '0.0.0.0', tls: { certFile: '/c', keyFile: '/k', keyPem: 'x' } },
          futureSecret: 'y',
        },
        updatedAt: 't',
      },
      { key: 'another.thing', value: { token: 'z' }, updatedAt: 't' },
      { key: 'unset.thing', value: null, updatedAt: 't' },
    ]);
    expect(shown).toEqual({
      agent: {
        value: {
          connector: 'stellantis',
          stellantis: {
            fleetId: 'f1',
            clientId: REMOVED,
            user: REMOVED,
            password: REMOVED,
            certFile: REMOVED,
          },
          receiver: { port: 1, bind: '0.0.0.0', tls: { certFile: '/c', keyFile: '/k', keyPem: REMOVED } },
          futureSecret: REMOVED,
        },
        updatedAt: 't',
      },
      'another.thing': { value: REMOVED, updatedAt: 't' },
      'unset.thing': { value: null, updatedAt: 't' },
    });
  });

  it('shows the backups (not their passphrase) and the update feed', () => {
    const shown = settingsSummary([
      { key: 'backups', value: { folder: '/mnt/backups', keep: 7, enabled: true }, updatedAt: 't' },
      { key: 'backups.passphrase', value: 'kf1:sealed', updatedAt: 't' },
      { key: 'updates.feed', value: 'http://10.0.0.5/depot-remote/', updatedAt: 't' },
    ]);
    expect(shown).toEqual({
      backups: { value: { folder: '/mnt/backups', keep: 7, enabled: true }, updatedAt: 't' },
      'backups.passphrase': { value: REMOVED, updatedAt: 't' },
      'updates.feed': { value: 'http://10.0.0.5/depot-remote/', updatedAt: 't' },
    });
  });
});
