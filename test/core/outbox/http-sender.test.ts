// The outbox's HTTP client against real servers on 127.0.0.1: what each kind of answer or failure becomes.
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpSender, type HttpSender } from '../../../main/core/outbox/http-sender.js';
import { resolveOutboxOptions } from '../../../main/core/outbox/outbox-options.js';

const servers: { close(): void }[] = [];
const senders: HttpSender[] = [];

afterEach(async () => {
  for (const s of senders.splice(0)) await s.close(0);
  for (const s of servers.splice(0)) s.close();
});

async function listen(server: Server | ReturnType<typeof createNetServer>): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push({
    close: () => {
      if ('closeAllConnections' in server) server.closeAllConnections();
      server.close();
    },
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function sender(overrides: Parameters<typeof resolveOutboxOptions>[0] = {}): HttpSender {
  const s = createHttpSender(
    resolveOutboxOptions({ requestTimeoutMs: 500, connectTimeoutMs: 500, ...overrides }),
  );
  senders.push(s);
  return s;
}

const call = (origin: string, body = '{"events":[]}') => ({
  origin,
  path: '/hooks?x=1',
  headers: { 'content-type': 'application/json', 'webhook-id': 'd-1' },
  body: Buffer.from(body),
});

describe('the outbox HTTP sender', () => {
  it('posts the body and headers and reports a 2xx answer without a detail', async () => {
    let seen: { method?: string; url?: string; id?: string; body: string } = { body: '' };
    const origin = await listen(
      createServer((req, res) => {
        let body = '';
        req.on('data', (c: Buffer) => (body += c.toString('utf8')));
        req.on('end', () => {
          seen = { method: req.method, url: req.url, id: req.headers['webhook-id'] as string, body };
          res.end('x'.repeat(100_000));
        });
      }),
    );
    const result = await sender().send(call(origin, '{"events":[1]}'));
    expect(result).toMatchObject({ kind: 'answer', status: 200, detail: null, retryAfter: null });
    expect(seen).toEqual({ method: 'POST', url: '/hooks?x=1', id: 'd-1', body: '{"events":[1]}' });
  });

  it('keeps a refusal’s Retry-After and the first 200 characters of its body on one line', async () => {
    const words = `Service   unavailable\n\tpour maintenance — réessayez ${'é'.repeat(400)}`;
    const origin = await listen(
      createServer((req, res) => {
        req.resume();
        req.on('end', () => {
          res.writeHead(503, { 'retry-after': '120', 'content-type': 'text/plain; charset=utf-8' });
          // Written in small pieces, so a multi-byte character is split between chunks.
          const bytes = Buffer.from(words, 'utf8');
          for (let i = 0; i < bytes.length; i += 7) res.write(bytes.subarray(i, i + 7));
          res.end();
        });
      }),
    );
    const result = await sender().send(call(origin));
    expect(result).toMatchObject({ kind: 'answer', status: 503, retryAfter: '120' });
    const detail = result.kind === 'answer' ? result.detail! : '';
    expect(detail).toBe(words.replace(/\s+/g, ' ').slice(0, 200));
    expect(detail).not.toContain('\uFFFD');
  });

  it('tells a target that never answers (timeout) from one that closes the connection (reset)', async () => {
    const silent = await listen(createServer((req) => req.resume()));
    expect(await sender().send(call(silent))).toMatchObject({ kind: 'timeout' });
    const rude = await listen(
      createServer((req) => {
        req.resume();
        req.on('end', () => req.socket.destroy());
      }),
    );
    expect(await sender().send(call(rude))).toMatchObject({ kind: 'reset' });
  });

  it('reports a closed port as unreachable', async () => {
    const probe = createNetServer();
    const origin = await listen(probe);
    probe.close();
    await new Promise((r) => setTimeout(r, 20));
    expect(await sender().send(call(origin))).toMatchObject({ kind: 'unreachable' });
  });

  it('reports a header value the client refuses as a failed call, not an exception', async () => {
    const origin = await listen(createServer((_req, res) => res.end()));
    const result = await sender().send({ ...call(origin), headers: { 'x-bad': 'a\r\nb' } });
    expect(result.kind).toBe('failed');
  });

  it('aborts calls still in the air when close() runs out of grace', async () => {
    const origin = await listen(createServer((req) => req.resume()));
    const s = createHttpSender(resolveOutboxOptions({ requestTimeoutMs: 60_000 }));
    const pending = s.send(call(origin));
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    await s.close(50);
    const result = await pending;
    expect(Date.now() - started).toBeLessThan(2000);
    expect(result.kind).not.toBe('answer');
  });
});
