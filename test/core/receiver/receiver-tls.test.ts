// For sites that expose the receiver directly: HTTPS from a certificate and key (PEM). The test makes its own
// self-signed certificate with openssl and trusts it as the CA.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp-dir.js';
import { fleetEvent, fleetPayload, type ReceiverHarness, startReceiverHarness } from './receiver-harness.js';

const certDir = tempDir('depot-remote-tls-');
let cert: Buffer;
let key: Buffer;
let h: ReceiverHarness;
let trusting: Agent;

beforeAll(() => {
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
      '-keyout',
      join(certDir.path, 'key.pem'),
      '-out',
      join(certDir.path, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  cert = readFileSync(join(certDir.path, 'cert.pem'));
  key = readFileSync(join(certDir.path, 'key.pem'));
  trusting = new Agent({ connect: { ca: cert } });
});
afterEach(async () => {
  await h?.close();
});
afterAll(async () => {
  await trusting.close();
  certDir.remove();
});

describe('receiver over HTTPS', () => {
  it('serves the webhook over TLS with the given certificate', async () => {
    h = await startReceiverHarness({ receiver: { tls: { cert, key } }, dispatcher: trusting });
    expect(h.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const { remoteActionId: rid } = await h.sendRemote();
    const res = await h.post(
      fleetPayload(fleetEvent(rid, '2026-01-05T08:00:01Z', { type: 'Pending', status: 'Accepted' })),
    );
    expect(res.status).toBe(200);
    expect(h.action(rid).status).toBe('Accepted');
    expect((await h.post({ events: [] }, { secret: 'wrong' })).status).toBe(401);
  });

  it('a client that does not trust the certificate cannot talk to it, and plain HTTP gets nowhere', async () => {
    h = await startReceiverHarness({ receiver: { tls: { cert, key } }, dispatcher: trusting });
    await expect(request(`${h.url}/health`)).rejects.toThrow(/self[- ]signed|certificate/i);
    await expect(
      request(`${h.url.replace('https:', 'http:')}/health`, { headersTimeout: 2000, bodyTimeout: 2000 }).then(
        (r) => r.statusCode,
      ),
    ).rejects.toThrow();
  });
});
