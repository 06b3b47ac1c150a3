// The desktop app's preload bridge when present (window.depotRemote), otherwise HTTP + SSE to the agent that
// served this page, taking the answers the page read before its bundle was set up (early-reads.ts). Both implement
// the same contract (preload/contract/client.ts).
import type { DepotRemoteClient } from '../../../preload/contract/client.js';
import { earlyFetch } from './early-reads.js';
import { createHttpClient } from './http-client.js';

declare global {
  interface Window {
    depotRemote?: DepotRemoteClient;
  }
}

export function createClient(onUnauthorized: () => void): DepotRemoteClient {
  const bridge = typeof window !== 'undefined' ? window.depotRemote : undefined;
  if (bridge && bridge.transport === 'bridge') return bridge;
  return createHttpClient({ onUnauthorized, fetchImpl: earlyFetch() });
}
