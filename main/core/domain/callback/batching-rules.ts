// Whether a callback's notifications are batched, and how (api-b2b.yaml `CallbackSubscribe.batchNotify`,
// `RemoteAttribute`; stellantis-api-notes.md N7). The outbox and the simulated network decide with this one
// rule.
import type { BatchNotify, CallbackAttribute } from './callback-model.js';
import { DEFAULT_BATCH_WINDOW } from './delivery-schema.js';

/**
 * A Query attribute whose value is exactly `$vin` gives each vehicle its own URL, so it turns batching off (the
 * spec's disclaimer on the variable "vin used as a query parameter"). A longer value holding "$vin" is a literal
 * (attribute-values.ts) and changes nothing.
 */
export const turnsBatchingOff = (a: CallbackAttribute): boolean => a.type === 'Query' && a.value === '$vin';

/** The parts of a subscription batching depends on; loose, as a registration read from upstream may be. */
export interface BatchingSource {
  batchNotify?: { size: number; timeWindow?: number | null } | null;
  callback: { webhook: { attributes?: readonly CallbackAttribute[] } };
}

/**
 * The batching in force: `size` events per notification at most, sent when `size` wait or `timeWindow` seconds
 * after the first (60 when absent, the spec's default). null when each notification carries one event: no
 * `batchNotify`, a size below 1 (the docs' example `size: 0` reads as "no batching", T7), or a `$vin` Query
 * attribute.
 */
export function batchingOf(subscribe: BatchingSource): BatchNotify | null {
  const batch = subscribe.batchNotify;
  if (!batch || !(batch.size >= 1)) return null;
  if ((subscribe.callback.webhook.attributes ?? []).some(turnsBatchingOff)) return null;
  return { size: batch.size, timeWindow: batch.timeWindow ?? DEFAULT_BATCH_WINDOW };
}
