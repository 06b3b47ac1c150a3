// A fake Stellantis server, a receiver stand-in and the real connector between them, on one manual clock.
import type { RemoteEvent } from '../../../main/core/domain/action.js';
import type { CallbackSubscribe } from '../../../main/core/domain/callback/callback-model.js';
import { REMOTE_TYPES, type RemoteType } from '../../../main/core/domain/remote-type.js';
import { manualClock, type ManualClock } from '../../../main/core/ports/clock.js';
import { silentLogger } from '../../../main/core/ports/logger.js';
import type { StellantisConfig } from '../../../main/core/connector/stellantis/stellantis-config.js';
import {
  createStellantisConnector,
  type StellantisConnector,
  type StellantisConnectorOptions,
} from '../../../main/core/connector/stellantis/stellantis-connector.js';
import { upstreamCallback } from '../../../main/core/services/upstream-registration.js';
import {
  createTestPki,
  startFakeStellantis,
  startReceiverStandIn,
  type FakeStellantis,
  type FakeStellantisOptions,
  type ReceiverStandIn,
  type TestPki,
} from '../../fakes/stellantis-server/index.js';

export const SECRET = 'receiver-secret-0123456789';

export interface World {
  clock: ManualClock;
  pki: TestPki;
  fake: FakeStellantis;
  receiver: ReceiverStandIn;
  config: StellantisConfig;
  connector: StellantisConnector;
  /** Events the connector fed to its sink (the polling path). */
  sunk: RemoteEvent[];
  /** Registers an upstream twin of local callback `localId` exactly as the core does; returns its upstream id. */
  register(localId?: string, types?: RemoteType[]): Promise<string>;
  /** Moves the clock forward in steps, letting notifications and polls finish in between. */
  run(ms: number, stepMs?: number): Promise<void>;
  close(): Promise<void>;
}

export function subscribe(types: RemoteType[] = [...REMOTE_TYPES]): CallbackSubscribe {
  return {
    label: 'depot-42',
    callback: { webhook: { target: 'https://depot42.example.net/events', name: 'depot42' } },
    retryPolicy: { policy: 'Bounded', retryNumber: 5, retryDelay: 60 },
    remoteTypes: types,
  };
}

export async function startWorld(
  opts: {
    pki?: TestPki;
    fake?: Partial<Omit<FakeStellantisOptions, 'clock' | 'pki'>>;
    connector?: StellantisConnectorOptions;
    config?: Partial<StellantisConfig>;
  } = {},
): Promise<World> {
  const clock = manualClock();
  const pki = opts.pki ?? createTestPki();
  const fake = await startFakeStellantis({ clock, pki, ...opts.fake });
  const receiver = await startReceiverStandIn();
  const config: StellantisConfig = {
    baseUrl: fake.baseUrl,
    fleetId: fake.fleetId,
    clientId: fake.clientId,
    user: fake.user,
    password: fake.password,
    cert: pki.client.cert,
    key: pki.client.key,
    ca: pki.ca.cert,
    timeoutMs: 5_000,
    ...opts.config,
  };
  const connector = createStellantisConnector(config, { clock, logger: silentLogger }, opts.connector);
  const sunk: RemoteEvent[] = [];
  await connector.start(async (events) => {
    sunk.push(...events);
  });
  let closed = false;
  const world: World = {
    clock,
    pki,
    fake,
    receiver,
    config,
    connector,
    sunk,
    async register(localId = 'cb-local-1', types) {
      const body = upstreamCallback(receiver.url, localId, subscribe(types), SECRET);
      return (await connector.registerCallback(body)).upstreamId;
    },
    async run(ms, stepMs = 500) {
      for (let t = 0; t < ms; t += stepMs) {
        clock.advance(Math.min(stepMs, ms - t));
        for (let i = 0; i < 3; i += 1) {
          await fake.settle();
          await connector.poller.idle();
        }
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await connector.close();
      await fake.close();
      await receiver.close();
      if (!opts.pki) pki.remove();
    },
  };
  return world;
}

/** Statuses of the events received for one action, in event-date order. */
export function statusesOf(
  events:
    | RemoteEvent[]
    | { remoteActionId: string; eventDate: string; eventStatus: { type: string; status: string } }[],
  id: string,
): string[] {
  return events
    .filter((e) => e.remoteActionId === id)
    .sort((a, b) => a.eventDate.localeCompare(b.eventDate))
    .map((e) => `${e.eventStatus.type}/${e.eventStatus.status}`);
}
