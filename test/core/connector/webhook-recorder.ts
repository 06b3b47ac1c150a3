// A real HTTP server on 127.0.0.1 standing in for the agent's receiver: it records every request and answers
// what the test scripts (200 by default), so delivery is checked on the wire.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { NotificationPayload } from '../../../main/core/connector/simulator/notification-sender.js';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: NotificationPayload;
}

export interface WebhookRecorder {
  url: string;
  requests: RecordedRequest[];
  /** Status codes to answer next, in order; then 200. 'hang' never answers. */
  answers: (number | 'hang')[];
  close(): Promise<void>;
}

/** Plain HTTP, or HTTPS with the given certificate and key (PEM). */
export async function startWebhookRecorder(tls?: { cert: Buffer; key: Buffer }): Promise<WebhookRecorder> {
  const requests: RecordedRequest[] = [];
  const answers: (number | 'hang')[] = [];
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      requests.push({
        method: req.method ?? '',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as NotificationPayload,
      });
      const answer = answers.shift() ?? 200;
      if (answer === 'hang') return;
      res.writeHead(answer, { 'content-type': 'application/json' }).end('{}');
    });
  };
  const server = tls ? createTlsServer(tls, handle) : createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    requests,
    answers,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
