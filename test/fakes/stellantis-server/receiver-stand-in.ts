// A plain local HTTP server standing in for the agent's webhook receiver: it records every notification the
// fake Stellantis server posts and answers with the status the test chooses.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FleetEvent } from './fake-notifier.js';

export interface ReceivedNotification {
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: { callbackId: string; attributes: { key: string; value: string }[]; events: FleetEvent[] };
}

export interface ReceiverStandIn {
  /** Base URL, e.g. http://127.0.0.1:1234 */
  url: string;
  received: ReceivedNotification[];
  /** Every event received, in arrival order. */
  events(): FleetEvent[];
  /** The status answered to the next posts (200 by default). */
  status: number;
  close(): Promise<void>;
}

export async function startReceiverStandIn(): Promise<ReceiverStandIn> {
  const received: ReceivedNotification[] = [];
  const stand: ReceiverStandIn = {
    url: '',
    received,
    events: () => received.flatMap((r) => r.body.events),
    status: 200,
    close: async () => {},
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const status = stand.status;
      if (status >= 200 && status < 300) {
        received.push({
          path: url.pathname,
          query: url.searchParams,
          headers: req.headers,
          body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
        });
      }
      res.statusCode = status;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stand.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  stand.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return stand;
}
