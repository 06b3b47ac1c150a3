// The desktop bridge's argument schemas: main validates every IPC call against these before it reaches the core,
// so a call with bad arguments is refused as a value ({ok: false, error}) and never throws across the bridge.
// Bodies whose rules need domain knowledge (callbacks, remotes) are checked here only as objects; the core's
// domain parsers validate them, as they do behind the HTTP API.
import { z } from 'zod';
import type { DepotRemoteClient } from './client.js';
import { DELIVERY_STATE_NAMES } from './deliveries.js';
import { ID_PATTERN, type IpcMethod } from './ipc-channels.js';
import { settingsInputSchema } from './settings.js';

export * from './ipc-channels.js';

const id = z.string().regex(ID_PATTERN, 'Ids are 1 to 200 letters, digits and - _ . : ~ only.');
const operator = z.string().max(100).optional();
const reason = z.string().max(500).optional();
const limit = z.number().int().min(1).max(500).optional();
const offset = z.number().int().min(0).optional();
/** A fleet API body (RemoteCallbackSubscribe or Remote): an object; the core validates its content. */
const body = z.record(z.string(), z.unknown());

export const LOG_LEVELS = ['error', 'warn', 'info'] as const;
export type RendererLogLevel = (typeof LOG_LEVELS)[number];

export const ipcArgumentSchemas = {
  health: z.tuple([]),
  listVehicles: z.tuple([
    z.strictObject({ search: z.string().max(100).optional(), limit, offset }).optional(),
  ]),
  getVehicle: z.tuple([id]),
  listCallbacks: z.tuple([]),
  getCallback: z.tuple([id]),
  createCallback: z.tuple([body, operator]),
  replaceCallback: z.tuple([id, body, operator]),
  setCallbackStatus: z.tuple([id, z.enum(['Running', 'Paused']), operator]),
  deleteCallback: z.tuple([id, operator]),
  sendTestNotification: z.tuple([id, operator]),
  sendRemote: z.tuple([z.strictObject({ vehicle: id, callbackId: id, body, operator, reason })]),
  listRemotes: z.tuple([
    z
      .strictObject({
        vehicle: id.optional(),
        type: z.string().max(64).optional(),
        phase: z.string().max(32).optional(),
        limit,
        offset,
      })
      .optional(),
  ]),
  getRemote: z.tuple([id]),
  listDeliveries: z.tuple([
    z
      .strictObject({
        callback: id.optional(),
        state: z.enum(DELIVERY_STATE_NAMES).optional(),
        vehicle: id.optional(),
        limit,
        offset,
      })
      .optional(),
  ]),
  getDelivery: z.tuple([id]),
  listDeliveryTargets: z.tuple([]),
  retryDelivery: z.tuple([id, operator]),
  retryCallbackDeliveries: z.tuple([id, operator]),
  listQuarantine: z.tuple([z.strictObject({ unresolved: z.boolean().optional(), limit, offset }).optional()]),
  getSettings: z.tuple([]),
  putSettings: z.tuple([settingsInputSchema]),
  listAudit: z.tuple([
    z
      .strictObject({
        limit,
        beforeSeq: z.number().int().min(1).optional(),
        vin: z.string().max(17).optional(),
        action: z.string().max(50).optional(),
      })
      .optional(),
  ]),
  log: z.tuple([z.enum(LOG_LEVELS), z.string().max(8000)]),
} as const satisfies Record<IpcMethod, z.ZodTuple>;

/** The client contract's methods that cross IPC (the session ones are answered by the preload itself). */
export type ContractIpcMethod = Exclude<IpcMethod, 'log'>;

export type IpcArgs<M extends IpcMethod> = z.output<(typeof ipcArgumentSchemas)[M]>;
export type IpcValue<M extends IpcMethod> = M extends ContractIpcMethod
  ? Awaited<ReturnType<DepotRemoteClient[M]>>
  : void;

/** The bridge window.depotRemote: the client contract, plus the renderer's error log. */
export interface DesktopBridge extends DepotRemoteClient {
  readonly transport: 'bridge';
  log(level: RendererLogLevel, message: string): void;
}

// Compile-time guard against drift between the client contract and these schemas: every argument list the
// contract allows is accepted, and every object argument has exactly the contract's keys (a key added to a query
// type but not to its schema would otherwise be refused at run time only).
type Schemas = typeof ipcArgumentSchemas;
type ObjectKeys<T> = T extends readonly unknown[] ? never : T extends object ? keyof T : never;
type SameKeys<A, B> = [ObjectKeys<NonNullable<A>>] extends [ObjectKeys<NonNullable<B>>]
  ? [ObjectKeys<NonNullable<B>>] extends [ObjectKeys<NonNullable<A>>]
    ? true
    : false
  : false;
type Args<M extends ContractIpcMethod> = Parameters<DepotRemoteClient[M]>;
type Input<M extends ContractIpcMethod> = z.input<Schemas[M]>;
type ArgumentKeysMatch<M extends ContractIpcMethod> = {
  [I in keyof Args<M>]-?: SameKeys<Args<M>[I], I extends keyof Input<M> ? Input<M>[I] : never>;
}[number & keyof Args<M>];
type Check<M extends ContractIpcMethod> =
  Args<M> extends Input<M> ? (false extends ArgumentKeysMatch<M> ? M : true) : M;
type Mismatches = { [M in ContractIpcMethod]: Check<M> }[ContractIpcMethod];
/** Fails to compile with the names of the methods whose schema does not match the contract. */
const everyContractCallMatchesItsSchema: [Mismatches] extends [true] ? true : Exclude<Mismatches, true> =
  true;
void everyContractCallMatchesItsSchema;
