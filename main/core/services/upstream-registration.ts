// Each local callback has a twin on the vehicle network: it points the network at this agent's own
// receiver (<receiver URL>/webhooks/stellantis/<local id>) with the callback's receiver secret, so
// notifications arrive here and the outbox forwards them as the local callback says.
import type { Connector, UpstreamCallback } from '../connector/connector.js';
import type { CallbackStatus, CallbackSubscribe } from '../domain/callback/callback-model.js';

/**
 * What the twin takes from the local callback: its label and remote types. Where the network delivers, how it
 * retries and how it authenticates are the agent's own (its receiver), so the built-in callback, which has no
 * webhook, is registered the same way as a site system's.
 */
export type UpstreamSource = Pick<CallbackSubscribe, 'label' | 'remoteTypes'>;
import { asConnectorError, connectorFailure } from './connector-errors.js';

/** Toward our own receiver: retry every minute for the network's whole 3-day window. */
export const UPSTREAM_RETRY = { policy: 'Bounded', retryNumber: 4320, retryDelay: 60 } as const;
export const RECEIVER_SECRET_HEADER = 'x-depot-secret';

export function receiverTarget(baseUrl: string, callbackId: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/webhooks/stellantis/${encodeURIComponent(callbackId)}`;
}

export function upstreamCallback(
  baseUrl: string,
  callbackId: string,
  subscribe: UpstreamSource,
  receiverSecret: string,
): UpstreamCallback {
  return {
    ...(subscribe.label ? { label: subscribe.label } : {}),
    callback: {
      webhook: {
        target: receiverTarget(baseUrl, callbackId),
        name: `depot-remote-${callbackId}`,
        attributes: [{ type: 'Header', key: RECEIVER_SECRET_HEADER, value: receiverSecret }],
      },
    },
    retryPolicy: { ...UPSTREAM_RETRY },
    remoteTypes: [...subscribe.remoteTypes],
  };
}

export interface UpstreamDeps {
  connector: Connector;
  /** Where the network can reach this agent's receiver; null when it cannot (then nothing is registered). */
  receiverBaseUrl: () => string | null;
}

export type UpstreamRegistrar = ReturnType<typeof createUpstreamRegistrar>;

export function createUpstreamRegistrar({ connector, receiverBaseUrl }: UpstreamDeps) {
  async function call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw connectorFailure(asConnectorError(err));
    }
  }

  return {
    /** Registers the twin; null when no receiver URL is known. Throws a ServiceError the API can answer. */
    async register(callbackId: string, subscribe: UpstreamSource, secret: string): Promise<string | null> {
      const base = receiverBaseUrl();
      if (!base) return null;
      const { upstreamId } = await call(() =>
        connector.registerCallback(upstreamCallback(base, callbackId, subscribe, secret)),
      );
      return upstreamId;
    },

    /** Replaces the twin (whole object); registers it anew if the network no longer knows it. */
    async update(
      upstreamId: string | null,
      callbackId: string,
      subscribe: UpstreamSource,
      secret: string,
    ): Promise<string | null> {
      const base = receiverBaseUrl();
      if (!base) return upstreamId;
      if (!upstreamId) return this.register(callbackId, subscribe, secret);
      const body = upstreamCallback(base, callbackId, subscribe, secret);
      try {
        await connector.updateCallback(upstreamId, body);
        return upstreamId;
      } catch (err) {
        const e = asConnectorError(err);
        if (e.kind !== 'refused' && e.kind !== 'invalid') throw connectorFailure(e);
        return (await call(() => connector.registerCallback(body))).upstreamId;
      }
    },

    async setStatus(upstreamId: string | null, status: CallbackStatus): Promise<void> {
      if (upstreamId && status !== 'Failed')
        await call(() => connector.setCallbackStatus(upstreamId, status));
    },

    async remove(upstreamId: string | null): Promise<void> {
      if (upstreamId) await call(() => connector.deleteCallback(upstreamId));
    },
  };
}
