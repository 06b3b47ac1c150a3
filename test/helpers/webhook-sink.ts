// A real HTTP server on 127.0.0.1 standing in for a depot's own system: it records every request and can
// be slowed down, made to fail, or started on a port chosen in advance (to come back after an outage).
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SinkRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  json: Record<string, unknown>;
  at: number;
}

export interface WebhookSink {
  url: string;
  port: number;
  requests: SinkRequest[];
  /** Status to answer (default 200) and a delay before answering. */
  respond: { status: number; delayMs: number };
  close(): Promise<void>;
}

export async function startSink(port = 0): Promise<WebhookSink> {
  const sink: WebhookSink = {
    url: '',
    port: 0,
    requests: [],
    respond: { status: 200, delayMs: 0 },
    close: async () => {},
  };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      let json: Record<string, unknown> = {};
      try {
        json = JSON.parse(body) as Record<string, unknown>;
      } catch {
        // recorded as text
      }
      sink.requests.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body,
        json,
        at: Date.now(),
      });
      setTimeout(() => {
        res.writeHead(sink.respond.status, { 'content-type': 'application/json' });
        res.end('{}');
      }, sink.respond.delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  sink.port = (server.address() as AddressInfo).port;
  sink.url = `http://127.0.0.1:${sink.port}`;
  sink.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return sink;
}

/** A port nothing listens on (for now): bound once by the OS, then released. */
export async function freePort(): Promise<number> {
  const s = await startSink();
  const port = s.port;
  await s.close();
  return port;
}

export async function waitFor<T>(
  what: string,
  fn: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
