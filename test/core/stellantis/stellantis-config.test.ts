// The connector's settings from the environment: every problem named after its variable, in plain words,
// and no secret ever repeated.
import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_BASE_URL,
  parseStellantisConfig,
} from '../../../main/core/connector/stellantis/stellantis-config.js';
import { createTestPki, type TestPki } from '../../fakes/stellantis-server/index.js';

let pki: TestPki;
beforeAll(() => {
  pki = createTestPki();
});
afterAll(() => pki.remove());

const env = (overrides: Record<string, string | undefined> = {}) => ({
  DEPOT_REMOTE_STELLANTIS_FLEET_ID: 'fleet-1',
  DEPOT_REMOTE_STELLANTIS_CLIENT_ID: 'client-1',
  DEPOT_REMOTE_STELLANTIS_USER: 'MZP-PARTNER',
  DEPOT_REMOTE_STELLANTIS_PASSWORD: 's3cret-pass',
  DEPOT_REMOTE_STELLANTIS_CERT: pki.client.certFile,
  DEPOT_REMOTE_STELLANTIS_KEY: pki.client.keyFile,
  DEPOT_REMOTE_STELLANTIS_CA: pki.ca.certFile,
  ...overrides,
});

function errors(overrides: Record<string, string | undefined>) {
  const r = parseStellantisConfig(env(overrides), readFileSync);
  if (r.ok) throw new Error('expected errors');
  expect(JSON.stringify(r.errors)).not.toContain('s3cret-pass');
  return r.errors;
}

describe('parseStellantisConfig', () => {
  it('reads a complete configuration, with the pre-production base URL by default', () => {
    const r = parseStellantisConfig(env(), readFileSync);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({
      baseUrl: DEFAULT_BASE_URL,
      fleetId: 'fleet-1',
      clientId: 'client-1',
      user: 'MZP-PARTNER',
      password: 's3cret-pass',
      timeoutMs: 30_000,
      files: { cert: pki.client.certFile, key: pki.client.keyFile, ca: pki.ca.certFile },
    });
    expect(r.value.cert).toContain('BEGIN CERTIFICATE');
    expect(r.value.key).toContain('PRIVATE KEY');
  });

  it('takes a base URL without its trailing slash, and a timeout in seconds', () => {
    const r = parseStellantisConfig(
      env({
        DEPOT_REMOTE_STELLANTIS_BASE_URL: 'https://api.example/connectedcar/v3/',
        DEPOT_REMOTE_STELLANTIS_TIMEOUT_SECONDS: '12',
      }),
      readFileSync,
    );
    expect(r.ok && r.value).toMatchObject({
      baseUrl: 'https://api.example/connectedcar/v3',
      timeoutMs: 12_000,
    });
  });

  it('names every missing variable', () => {
    const r = parseStellantisConfig({}, readFileSync);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.field)).toEqual([
      'DEPOT_REMOTE_STELLANTIS_FLEET_ID',
      'DEPOT_REMOTE_STELLANTIS_CLIENT_ID',
      'DEPOT_REMOTE_STELLANTIS_USER',
      'DEPOT_REMOTE_STELLANTIS_PASSWORD',
      'DEPOT_REMOTE_STELLANTIS_CERT',
      'DEPOT_REMOTE_STELLANTIS_KEY',
      'DEPOT_REMOTE_STELLANTIS_CA',
    ]);
    expect(r.errors[0]!.message).toBe(
      'Set DEPOT_REMOTE_STELLANTIS_FLEET_ID to the fleet id Stellantis gave you (e.g. 0a123bc5d1e8…).',
    );
  });

  it('refuses a base URL that is not https, and a bad timeout', () => {
    expect(
      errors({
        DEPOT_REMOTE_STELLANTIS_BASE_URL: 'http://api.example/v3',
        DEPOT_REMOTE_STELLANTIS_TIMEOUT_SECONDS: '0',
      }),
    ).toEqual([
      {
        field: 'DEPOT_REMOTE_STELLANTIS_BASE_URL',
        message: 'DEPOT_REMOTE_STELLANTIS_BASE_URL: it must start with https:// (got http://).',
        rule: 'env.baseUrl.notHttps',
        params: { env: 'DEPOT_REMOTE_STELLANTIS_BASE_URL', protocol: 'http:' },
      },
      {
        field: 'DEPOT_REMOTE_STELLANTIS_TIMEOUT_SECONDS',
        message:
          'DEPOT_REMOTE_STELLANTIS_TIMEOUT_SECONDS must be a number of seconds between 1 and 600, got "0".',
        rule: 'env.timeout.range',
        params: { env: 'DEPOT_REMOTE_STELLANTIS_TIMEOUT_SECONDS', value: '0' },
      },
    ]);
  });

  it('names a file that does not exist, and a folder', () => {
    expect(
      errors({ DEPOT_REMOTE_STELLANTIS_CERT: '/nope/client.crt', DEPOT_REMOTE_STELLANTIS_CA: pki.dir }),
    ).toEqual([
      {
        field: 'DEPOT_REMOTE_STELLANTIS_CERT',
        message: 'DEPOT_REMOTE_STELLANTIS_CERT: cannot use /nope/client.crt: there is no such file.',
        rule: 'env.file.missing',
        params: { env: 'DEPOT_REMOTE_STELLANTIS_CERT', path: '/nope/client.crt' },
      },
      {
        field: 'DEPOT_REMOTE_STELLANTIS_CA',
        message: `DEPOT_REMOTE_STELLANTIS_CA: cannot use ${pki.dir}: it is a folder, not a file.`,
        rule: 'env.file.folder',
        params: { env: 'DEPOT_REMOTE_STELLANTIS_CA', path: pki.dir },
      },
    ]);
  });

  it('notices swapped certificate and key files', () => {
    const e = errors({
      DEPOT_REMOTE_STELLANTIS_CERT: pki.client.keyFile,
      DEPOT_REMOTE_STELLANTIS_KEY: pki.client.certFile,
    });
    expect(e.map((x) => x.message)).toEqual([
      `DEPOT_REMOTE_STELLANTIS_CERT: ${pki.client.keyFile}: it holds a private key, not a certificate (were the certificate and key swapped?).`,
      `DEPOT_REMOTE_STELLANTIS_KEY: ${pki.client.certFile}: it holds a certificate, not a private key (were the certificate and key swapped?).`,
    ]);
    // The same problems as codes, for the connection test to word in its reader's language.
    expect(e.map((x) => x.rule)).toEqual(['env.certificate.holdsKey', 'env.key.holdsCertificate']);
  });

  it('names a file that is not PEM, and a damaged certificate block', () => {
    const der = pki.writeFile('client.der', 'MIIB…binary');
    const damaged = pki.writeFile(
      'damaged.crt',
      '-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n',
    );
    expect(
      errors({ DEPOT_REMOTE_STELLANTIS_CA: der, DEPOT_REMOTE_STELLANTIS_CERT: damaged }).map(
        (e) => e.message,
      ),
    ).toEqual([
      `DEPOT_REMOTE_STELLANTIS_CERT: ${damaged}: its "-----BEGIN CERTIFICATE-----" block is damaged and cannot be read.`,
      `DEPOT_REMOTE_STELLANTIS_CA: ${der}: it is not a PEM certificate (expected a "-----BEGIN CERTIFICATE-----" block).`,
    ]);
  });

  it('notices a key that does not belong to the certificate', () => {
    expect(errors({ DEPOT_REMOTE_STELLANTIS_KEY: pki.server.keyFile })).toEqual([
      {
        field: 'DEPOT_REMOTE_STELLANTIS_KEY',
        message: `DEPOT_REMOTE_STELLANTIS_KEY: ${pki.server.keyFile} is not the private key of the certificate in ${pki.client.certFile}.`,
        rule: 'env.keyMismatch',
        params: {
          env: 'DEPOT_REMOTE_STELLANTIS_KEY',
          path: pki.server.keyFile,
          certPath: pki.client.certFile,
        },
      },
    ]);
  });

  it('opens a passphrase-protected key with its passphrase, and says when it is missing or wrong', () => {
    const encrypted = createPrivateKey(pki.client.key).export({
      format: 'pem',
      type: 'pkcs8',
      cipher: 'aes-256-cbc',
      passphrase: 'open sesame',
    });
    const file = pki.writeFile('encrypted.key', encrypted as string);
    expect(errors({ DEPOT_REMOTE_STELLANTIS_KEY: file })[0]!.message).toBe(
      `DEPOT_REMOTE_STELLANTIS_KEY: ${file}: the key is protected by a passphrase: set DEPOT_REMOTE_STELLANTIS_KEY_PASSPHRASE.`,
    );
    const wrong = errors({
      DEPOT_REMOTE_STELLANTIS_KEY: file,
      DEPOT_REMOTE_STELLANTIS_KEY_PASSPHRASE: 'guess',
    });
    expect(wrong[0]!.message).toBe(
      `DEPOT_REMOTE_STELLANTIS_KEY: ${file}: the key cannot be opened with the passphrase in DEPOT_REMOTE_STELLANTIS_KEY_PASSPHRASE.`,
    );
    expect(JSON.stringify(wrong)).not.toContain('guess');
    const r = parseStellantisConfig(
      env({ DEPOT_REMOTE_STELLANTIS_KEY: file, DEPOT_REMOTE_STELLANTIS_KEY_PASSPHRASE: 'open sesame' }),
      readFileSync,
    );
    expect(r.ok && r.value.keyPassphrase).toBe('open sesame');
  });

  it('refuses a user name with a colon (Basic authentication cannot carry it)', () => {
    expect(errors({ DEPOT_REMOTE_STELLANTIS_USER: 'a:b' })[0]!.field).toBe('DEPOT_REMOTE_STELLANTIS_USER');
  });
});
