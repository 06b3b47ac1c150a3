// A real core (real SQLite file in a temp dir, in-process fleet, key-file secrets) behind the real API,
// driven by a manual clock so lifecycles complete without sleeping.
import { REMOTE_TYPES } from '../../main/core/domain/remote-type.js';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { createApi, type ApiDeps } from '../../main/core/api/create-api.js';
import type { Connector } from '../../main/core/connector/connector.js';
import { createInProcessFleet } from './in-process-fleet.js';
import { createCore, type Core } from '../../main/core/create-core.js';
import type { RemoteAction } from '../../main/core/domain/action.js';
import { manualClock, type ManualClock } from '../../main/core/ports/clock.js';
import { silentLogger } from '../../main/core/ports/logger.js';
import { createKeyFileSecretBox } from '../../main/core/secrets/key-file-secret-box.js';
import { tempDir } from './temp-dir.js';

export const TOKEN = 'test-token-0123456789abcdefghijklmnop';

type HarnessApiOptions = Partial<Omit<ApiDeps, 'core' | 'token' | 'logger'>>;

export interface Harness {
  app: FastifyInstance;
  core: Core;
  clock: ManualClock;
  dataDir: string;
  completed: RemoteAction[];
  /** inject() with the bearer token (unless headers.authorization is given). */
  call(opts: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function startHarness(
  opts: {
    dataDir?: string;
    keepDir?: boolean;
    connector?: (clock: ManualClock) => Connector;
    receiverBaseUrl?: string | null;
    /** The fleet id the core is built with (the fleet API mirror's `{fid}`); none by default. */
    fleetId?: string;
    /**
     * Extra API options (allowed hosts, TLS, a renderer folder, a clock for the failure limiter…), or a function of
     * the core that gives them (for options built from it: a settings port, the operation handlers).
     */
    api?: HarnessApiOptions | ((core: Core) => HarnessApiOptions);
  } = {},
): Promise<Harness> {
  const dir = opts.dataDir ? { path: opts.dataDir, remove() {} } : tempDir();
  const clock = manualClock();
  const completed: RemoteAction[] = [];
  const core = await createCore({
    dataDir: dir.path,
    connector: opts.connector ? opts.connector(clock) : createInProcessFleet({ clock, stepMs: 1000 }),
    notifier: { actionCompleted: (a) => completed.push(a) },
    secrets: createKeyFileSecretBox(dir.path),
    logger: silentLogger,
    clock,
    receiverBaseUrl: () => opts.receiverBaseUrl ?? null,
    fleetId: () => opts.fleetId ?? null,
  });
  await core.start();
  const app = await createApi({
    core,
    token: TOKEN,
    logger: silentLogger,
    version: '0.0.0-test',
    ...(typeof opts.api === 'function' ? opts.api(core) : opts.api),
  });
  await app.ready();
  return {
    app,
    core,
    clock,
    dataDir: dir.path,
    completed,
    call: (o) =>
      app.inject({
        ...o,
        headers: { authorization: `Bearer ${TOKEN}`, ...(o.headers ?? {}) },
      } as InjectOptions),
    async close() {
      await app.close();
      await core.close();
      if (!opts.keepDir) dir.remove();
    },
  };
}

/** A valid callback body (the fleet API's RemoteCallbackSubscribe) subscribing every remote type. */
export function callbackBody(overrides: Record<string, unknown> = {}) {
  return {
    label: 'depot-42',
    callback: {
      webhook: {
        target: 'http://127.0.0.1:9/depot42/events',
        name: 'depot42',
        attributes: [{ type: 'Header', key: 'X-Vin', value: '$vin' }],
      },
    },
    retryPolicy: { policy: 'Bounded', retryNumber: 5, retryDelay: 60 },
    remoteTypes: [...REMOTE_TYPES],
    ...overrides,
  };
}
