// The desktop bridge's contract beyond the wire (ipc-channels.ts): what window.depotRemote is, and the check of the
// one call that is not an operation, `log`. Operation calls are checked against their registry entry's input
// (operations/input-schema.ts): bridge, client and registry agree by construction.
import { z } from 'zod';
import type { DepotRemoteClient } from './client.js';

export * from './ipc-channels.js';

export const LOG_LEVELS = ['error', 'warn', 'info'] as const;
export type RendererLogLevel = (typeof LOG_LEVELS)[number];

/** log(level, message): the renderer's errors for the app's log. */
export const logArgumentsSchema = z.tuple([z.enum(LOG_LEVELS), z.string().max(8000)]);

/** The bridge window.depotRemote: the client contract, plus the renderer's error log. */
export interface DesktopBridge extends DepotRemoteClient {
  readonly transport: 'bridge';
  log(level: RendererLogLevel, message: string): void;
}
