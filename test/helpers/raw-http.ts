// HTTP/1.1 written by hand over a real socket: the request line and headers go out exactly as given (no client
// normalising the path, merging duplicate headers or adding its own Host), which is what an attacker sends.
import { connect } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  json(): Record<string, unknown>;
}

export function rawRequest(
  port: number,
  {
    method = 'GET',
    path,
    headers = [],
    body,
  }: { method?: string; path: string; headers?: [string, string][]; body?: string },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const lines = [
      `${method} ${path} HTTP/1.1`,
      ...headers.map(([k, v]) => `${k}: ${v}`),
      'connection: close',
    ];
    if (body !== undefined) lines.push(`content-length: ${Buffer.byteLength(body)}`);
    socket.setTimeout(10_000, () => socket.destroy(new Error(`no answer to ${method} ${path}`)));
    socket.on('connect', () => socket.write(`${lines.join('\r\n')}\r\n\r\n${body ?? ''}`));
    socket.on('data', (c) => {
      chunks.push(c);
      // An event stream never ends by itself: its head is the answer.
      const seen = Buffer.concat(chunks);
      const end = seen.indexOf('\r\n\r\n');
      if (
        end >= 0 &&
        /\r\ncontent-type: text\/event-stream/i.test(seen.subarray(0, end).toString('latin1'))
      ) {
        socket.destroy();
      }
    });
    socket.on('error', reject);
    socket.on('close', () => {
      const all = Buffer.concat(chunks);
      const split = all.indexOf('\r\n\r\n');
      const head = all.subarray(0, split).toString('latin1').split('\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head[0] ?? '')?.[1] ?? 0);
      const parsed: Record<string, string> = {};
      for (const line of head.slice(1)) {
        const i = line.indexOf(':');
        parsed[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
      }
      let rest = all.subarray(split + 4);
      if (parsed['transfer-encoding'] === 'chunked') {
        const parts: Buffer[] = [];
        for (;;) {
          const nl = rest.indexOf('\r\n');
          const size = parseInt(rest.subarray(0, nl).toString('latin1'), 16);
          if (!size) break;
          parts.push(rest.subarray(nl + 2, nl + 2 + size));
          rest = rest.subarray(nl + 2 + size + 2);
        }
        rest = Buffer.concat(parts);
      }
      const text = rest.toString('utf8');
      resolve({ status, headers: parsed, body: text, json: () => JSON.parse(text) });
    });
  });
}
