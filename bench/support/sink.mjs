// The webhook target of bench/outbox-drain.ts, run in its own process (node:child_process fork): a bare
// node:http server on 127.0.0.1 that reads every body and answers 200 on a keep-alive connection. It counts
// what it received and talks to the bench over the IPC channel:
//   → {type: 'stats'}           ← {type: 'stats', requests, bytes, signed, sample} (sample: the first request
//                                  since the previous 'stats', for autocannon to replay)
//   → {type: 'notify', at: n}   ← {type: 'reached', requests} once n requests were answered in all
// It exits when the bench goes away (the IPC channel closes).
import { createServer } from 'node:http';

const KEPT_HEADERS = ['content-type', 'user-agent', 'webhook-id', 'webhook-timestamp', 'webhook-signature'];

let requests = 0;
let bytes = 0;
let signed = 0;
let sample = null;
let notifyAt = Infinity;

const server = createServer((req, res) => {
  const keep = sample === null ? [] : null;
  let size = 0;
  req.on('data', (chunk) => {
    size += chunk.length;
    keep?.push(chunk);
  });
  req.on('end', () => {
    requests += 1;
    bytes += size;
    if (req.headers['webhook-signature'] !== undefined) signed += 1;
    if (keep && sample === null) {
      const headers = {};
      for (const [name, value] of Object.entries(req.headers)) {
        if (KEPT_HEADERS.includes(name) || name.startsWith('x-')) headers[name] = String(value);
      }
      sample = { headers, body: Buffer.concat(keep).toString('utf8') };
    }
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '2' });
    res.end('ok');
    if (requests >= notifyAt) {
      notifyAt = Infinity;
      process.send?.({ type: 'reached', requests });
    }
  });
});
server.keepAliveTimeout = 60_000;

process.on('message', (message) => {
  if (message.type === 'stats') {
    process.send?.({ type: 'stats', requests, bytes, signed, sample });
    sample = null;
  } else if (message.type === 'notify') {
    notifyAt = message.at;
    if (requests >= notifyAt) {
      notifyAt = Infinity;
      process.send?.({ type: 'reached', requests });
    }
  }
});
process.on('disconnect', () => {
  server.closeAllConnections();
  server.close();
  process.exit(0);
});

server.listen(0, '127.0.0.1', () => {
  process.send?.({ type: 'listening', port: server.address().port });
});
