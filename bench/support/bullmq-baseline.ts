// The outbox's baseline in bench/outbox-drain.ts: the same backlog drained by BullMQ on Redis, the usual way a
// Node service queues webhooks. Debian's redis-server is started here, on a free loopback port with a temp dir
// (AOF on, appendfsync everysec: durable to within a second, where the outbox commits every outcome), the bodies
// are enqueued with addBulk (not timed), then one Worker at concurrency 50 posts each body with undici to the same
// sink and completes its job. Redis, the worker and the connections are stopped at the end, also on failure.
// Never part of npm test: only bench/outbox-drain.ts imports this.
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { delimiter, join } from 'node:path';
import { Agent, request } from 'undici';
import { tempDir } from '../../test/helpers/temp-dir.js';
import { type CpuShare, measureCpu } from './machine-cpu.js';

export const BULLMQ_CONCURRENCY = 50;
const ENQUEUE_CHUNK = 1_000;
const QUEUE_NAME = 'webhooks';

export interface BaselineRequest {
  headers: Record<string, string>;
  body: string;
}

export interface BullmqDrain {
  title: string;
  deliveries: number;
  bodyBytes: number;
  enqueueMs: number;
  drainMs: number;
  /** Where the machine's CPU went during the drain (Redis's own process included). */
  cpu: CpuShare;
}

/** The line printed instead of the baseline where Debian's redis-server is not installed. */
export const REDIS_MISSING =
  'BullMQ baseline skipped: redis-server is not installed (apt-get install redis-server)';

export function redisServerPath(): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, 'redis-server');
    if (dir && existsSync(candidate)) return candidate;
  }
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** One PING over a raw socket: true once the server answers +PONG. */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let answer = '';
    const finish = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => finish(false));
    socket.once('error', () => finish(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
      if (answer.includes('\r\n')) finish(answer.startsWith('+PONG'));
    });
  });
}

interface RedisProcess {
  port: number;
  pid: number | undefined;
  stop(): Promise<void>;
}

async function startRedis(executable: string): Promise<RedisProcess> {
  const dir = tempDir('depot-remote-bench-redis-');
  const port = await freePort();
  const child: ChildProcess = spawn(
    executable,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir.path,
      '--appendonly',
      'yes',
      '--appendfsync',
      'everysec',
      '--save',
      '',
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Killed by its own pid, even if the bench dies without reaching the finally below.
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  process.once('exit', kill);
  const stop = async () => {
    kill();
    await exited;
    process.off('exit', kill);
    dir.remove();
  };
  try {
    const deadline = Date.now() + 10_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`redis-server exited (${child.exitCode}).`);
      if (await ping(port)) break;
      if (Date.now() > deadline) throw new Error(`redis-server did not answer PING on 127.0.0.1:${port}.`);
      await new Promise((r) => setTimeout(r, 50));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { port, pid: child.pid, stop };
}

/**
 * Enqueues `requests` (not timed), then times one Worker at concurrency 50 posting each to `target` until every
 * job is completed. Returns null, after printing one line, where redis-server is not installed.
 */
export async function bullmqDrain(
  target: string,
  requests: readonly BaselineRequest[],
  /** Other processes whose CPU time the drain's window reports (machine-cpu.ts), beside Redis. */
  helpers: Record<string, number | undefined> = {},
): Promise<BullmqDrain | null> {
  const executable = redisServerPath();
  if (!executable) {
    console.log(REDIS_MISSING);
    return null;
  }
  const redis = await startRedis(executable);
  const connections: Redis[] = [];
  // BullMQ's workers block on Redis: no retry limit per request, as its documentation asks.
  const connect = () => {
    const c = new Redis({ host: '127.0.0.1', port: redis.port, maxRetriesPerRequest: null });
    connections.push(c);
    return c;
  };
  const agent = new Agent({ keepAliveTimeout: 60_000 });
  let queue: Queue | null = null;
  let worker: Worker | null = null;
  try {
    queue = new Queue(QUEUE_NAME, { connection: connect() });
    const enqueueStart = performance.now();
    for (let i = 0; i < requests.length; i += ENQUEUE_CHUNK) {
      await queue.addBulk(requests.slice(i, i + ENQUEUE_CHUNK).map((r) => ({ name: 'deliver', data: r })));
    }
    const enqueueMs = performance.now() - enqueueStart;

    let completed = 0;
    let bytes = 0;
    let failure: Error | null = null;
    let finished: () => void = () => {};
    const allDone = new Promise<void>((resolve) => (finished = resolve));
    const w = new Worker<BaselineRequest>(
      QUEUE_NAME,
      async (job) => {
        const { statusCode, body } = await request(target, {
          method: 'POST',
          headers: job.data.headers,
          body: job.data.body,
          dispatcher: agent,
        });
        await body.dump();
        if (statusCode !== 200) throw new Error(`The sink answered ${statusCode}.`);
        bytes += Buffer.byteLength(job.data.body);
      },
      { connection: connect(), concurrency: BULLMQ_CONCURRENCY, autorun: false },
    );
    worker = w;
    w.on('completed', () => {
      completed += 1;
      if (completed === requests.length) finished();
    });
    w.on('failed', (_job, error) => {
      failure ??= error;
      finished();
    });
    await w.waitUntilReady();
    const drainStart = performance.now();
    const machine = measureCpu({ ...helpers, 'redis-server': redis.pid });
    const running = w.run();
    await allDone;
    const drainMs = performance.now() - drainStart;
    const cpu = machine.stop();
    if (failure) throw failure;
    const counts = await queue.getJobCounts('completed', 'failed', 'waiting', 'active');
    if (counts.completed !== requests.length) {
      throw new Error(
        `BullMQ: expected ${requests.length} completed jobs; Redis says ${JSON.stringify(counts)}.`,
      );
    }
    await w.close();
    await running;
    return {
      title: `BullMQ + Redis, 1 worker at concurrency ${BULLMQ_CONCURRENCY}`,
      deliveries: requests.length,
      bodyBytes: Math.round(bytes / requests.length),
      enqueueMs,
      drainMs,
      cpu,
    };
  } finally {
    await worker?.close(true).catch(() => {});
    await queue?.close().catch(() => {});
    for (const c of connections) c.disconnect();
    await agent.close().catch(() => {});
    await redis.stop();
  }
}
