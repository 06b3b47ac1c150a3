// What the HTTP client alone can do on this machine, beside the outbox in bench/outbox-drain.ts: the same
// request bodies posted from memory by one undici Agent (dispatch(), as the outbox's sender) at the outbox's
// window per target, each signed with HMAC-SHA256 as the outbox signs — no store, no queue, nothing recorded.
// It is the ceiling of any queue in this process: the outbox's figure divided by it is what its bookkeeping costs.
// Bodies are turned into bytes before the clock starts, and signed as the outbox signs them (the prefix, then the
// bytes), so a 100-event body costs here what it costs the outbox's sender, and nothing more.
import { createHmac, randomBytes } from 'node:crypto';
import { Agent, type Dispatcher } from 'undici';
import type { BaselineRequest } from './bullmq-baseline.js';

export interface BareClientRun {
  title: string;
  deliveries: number;
  drainMs: number;
  /** CPU time of this process per request, in µs. */
  cpuUsPerDelivery: number;
}

export async function bareClientDrain(
  target: string,
  requests: readonly BaselineRequest[],
  concurrency: number,
  what = '',
): Promise<BareClientRun> {
  const url = new URL(target);
  const agent = new Agent({ connections: concurrency, pipelining: 1 });
  const key = randomBytes(32);
  // Each request its own bytes, as a queue's would be (the batched ceiling posts one sample many times).
  const prepared = requests.map((r) => ({ headers: r.headers, body: Buffer.from(r.body) }));
  const post = (r: { headers: Record<string, string>; body: Buffer }, id: string) =>
    new Promise<number>((resolve, reject) => {
      let status = 0;
      const timestamp = Math.floor(Date.now() / 1000);
      const signature = createHmac('sha256', key)
        .update(`${id}.${timestamp}.`)
        .update(r.body)
        .digest('base64');
      const handler: Dispatcher.DispatchHandler = {
        onRequestStart: () => undefined,
        onResponseData: () => undefined,
        onResponseStart: (_c, s) => {
          status = s;
        },
        onResponseEnd: () => resolve(status),
        onResponseError: (_c, err) => reject(err),
      };
      agent.dispatch(
        {
          origin: url.origin,
          path: url.pathname,
          method: 'POST',
          headers: {
            ...r.headers,
            'webhook-id': id,
            'webhook-timestamp': String(timestamp),
            'webhook-signature': `v1,${signature}`,
          },
          body: r.body,
        },
        handler,
      );
    });
  let next = 0;
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const worker = async () => {
    while (next < prepared.length) {
      const i = next++;
      const status = await post(prepared[i]!, `bare-${i}`);
      if (status !== 200) throw new Error(`The sink answered ${status}.`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const drainMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuStart);
  await agent.close();
  return {
    title: `undici alone from memory${what}, ${concurrency} connections, signed, nothing stored`,
    deliveries: requests.length,
    drainMs,
    cpuUsPerDelivery: Math.round(((cpu.user + cpu.system) / requests.length) * 10) / 10,
  };
}
