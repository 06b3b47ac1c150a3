// Off loopback the API needs TLS or the site's explicit acceptance of clear text. Over TLS the session cookie is
// Secure. A real agent started in-process on real sockets, with a throwaway PKI.
import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAgentOptions, type AgentOptions } from '../../main/core/config/agent-options.js';
import type { Logger } from '../../main/core/ports/logger.js';
import { AgentStartError, startAgent } from '../../main/headless/start-agent.js';
import { createTestPki, type TestPki } from '../fakes/stellantis-server/pki.js';
import { tempDir } from '../helpers/temp-dir.js';

let pki: TestPki;
beforeAll(() => {
  pki = createTestPki();
});
afterAll(() => pki.remove());

function options(dataDir: string, args: string[]): AgentOptions {
  const parsed = parseAgentOptions(
    ['--data-dir', dataDir, '--api-port', '0', '--receiver-port', '0', '--sim-speed', '100', ...args],
    {},
  );
  if (parsed.help) throw new Error('unexpected help');
  return parsed.options;
}

function recordingLogger() {
  const lines: string[] = [];
  const logger: Logger = {
    debug() {},
    info: (m) => lines.push(`info ${m}`),
    warn: (m) => lines.push(`warn ${m}`),
    error: (m) => lines.push(`error ${m}`),
  };
  return { logger, lines };
}

function httpsCall(port: number, path: string, init: { method?: string; body?: string; host?: string } = {}) {
  return new Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: string;
  }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: init.method ?? 'GET',
        ca: pki.ca.cert,
        servername: 'localhost',
        headers: {
          host: init.host ?? `localhost:${port}`,
          ...(init.body ? { 'content-type': 'application/json' } : {}),
        },
      },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

describe('binding the API off loopback', () => {
  it('refuses clear text on a non-loopback address unless --allow-insecure-lan, naming the fix', async () => {
    const dir = tempDir();
    try {
      await expect(
        startAgent(options(dir.path, ['--bind', '0.0.0.0']), recordingLogger().logger),
      ).rejects.toThrow(AgentStartError);
      await expect(
        startAgent(options(dir.path, ['--bind', '0.0.0.0']), recordingLogger().logger),
      ).rejects.toThrow(/--api-tls-cert and --api-tls-key, or add --allow-insecure-lan/);
    } finally {
      dir.remove();
    }
  });

  it('with --allow-insecure-lan it starts and says in its log that traffic is not encrypted', async () => {
    const dir = tempDir();
    const { logger, lines } = recordingLogger();
    const agent = await startAgent(options(dir.path, ['--bind', '0.0.0.0', '--allow-insecure-lan']), logger);
    try {
      expect(lines.some((l) => l.startsWith('warn') && /WITHOUT encryption/.test(l))).toBe(true);
      // …and the UI is told (health, with the token), so it can say so on every page.
      const health = await fetch(`${agent.url.replace('0.0.0.0', '127.0.0.1')}/api/v1/health`, {
        headers: { authorization: `Bearer ${agent.token.token}` },
      });
      expect(await health.json()).toMatchObject({ status: 'ok', insecureLan: true });
    } finally {
      await agent.stop();
      dir.remove();
    }
  });

  it('serves HTTPS with --api-tls-cert/--api-tls-key, and the session cookie is Secure', async () => {
    const dir = tempDir();
    const agent = await startAgent(
      options(dir.path, [
        '--bind',
        '0.0.0.0',
        '--api-tls-cert',
        pki.server.certFile,
        '--api-tls-key',
        pki.server.keyFile,
      ]),
      recordingLogger().logger,
    );
    try {
      expect(agent.url.startsWith('https://')).toBe(true);
      const health = await httpsCall(agent.port, '/api/v1/health');
      expect(health.status).toBe(200);
      const login = await httpsCall(agent.port, '/api/v1/session', {
        method: 'POST',
        body: JSON.stringify({ token: agent.token.token }),
      });
      expect(login.status).toBe(200);
      const cookie = String(login.headers['set-cookie']);
      expect(cookie).toMatch(/depot_session=/);
      expect(cookie).toMatch(/; Secure/);
      expect(cookie).toMatch(/; HttpOnly/);
      expect(cookie).toMatch(/; SameSite=Strict/);
      const rebound = await httpsCall(agent.port, '/api/v1/health', { host: `evil.example:${agent.port}` });
      expect(rebound.status).toBe(421);
    } finally {
      await agent.stop();
      dir.remove();
    }
  });

  it('an unreadable API certificate is refused with a line naming the file', async () => {
    const dir = tempDir();
    try {
      await expect(
        startAgent(
          options(dir.path, ['--api-tls-cert', '/nonexistent/cert.pem', '--api-tls-key', pki.server.keyFile]),
          recordingLogger().logger,
        ),
      ).rejects.toThrow(/API's TLS certificate \/nonexistent\/cert\.pem cannot be read/);
    } finally {
      dir.remove();
    }
  });
});
