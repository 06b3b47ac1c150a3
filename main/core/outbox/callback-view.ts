// A callback as the dispatcher needs it: where to send, how, and its retry and batch policy, computed once per
// change of the callback rather than per delivery.
import type { CallbackRecord } from '../db/index.js';
import { batchingOf } from '../domain/callback/batching-rules.js';
import type { BatchNotify, CallbackAttribute, CallbackStatus } from '../domain/callback/callback-model.js';

/**
 * The callback's status as deliveries see it. NeedsSecrets: --forget-secrets cleared its secrets, so nothing can
 * be sent as it was defined (no signature, no authentication, "••••" headers); its deliveries are held, like a
 * paused callback's, until a PUT enters them again.
 */
export type DeliveryStatus = CallbackStatus | 'NeedsSecrets';

export interface CallbackView {
  id: string;
  label: string | null;
  /** The built-in callback ("This workstation"): no webhook, so nothing is ever queued for it. */
  builtIn: boolean;
  status: DeliveryStatus;
  deleted: boolean;
  updatedAt: string;
  target: string;
  /** scheme://host:port, the unit of reachability and throttling; null if the target is not a usable URL. */
  origin: string | null;
  /** The target's path and query, without Query attributes (null when it cannot be parsed). */
  url: URL | null;
  /** Header attributes in order; sealed literal values are "••••" here and opened by the request builder. */
  headers: CallbackAttribute[];
  query: CallbackAttribute[];
  body: CallbackAttribute[];
  /** null when events are sent one per call (domain/callback/batching-rules.ts); timeWindow defaulted. */
  batch: BatchNotify | null;
  policy: 'None' | 'Bounded';
  maxAttempts: number;
  retryDelayMs: number;
  remoteTypes: string[];
}

export function toCallbackView(record: CallbackRecord): CallbackView {
  if (record.builtIn) {
    return {
      id: record.id,
      label: record.label,
      builtIn: true,
      status: record.status,
      deleted: record.deletedAt !== null,
      updatedAt: record.updatedAt,
      target: '',
      origin: null,
      url: null,
      headers: [],
      query: [],
      body: [],
      batch: null,
      policy: 'None',
      maxAttempts: 1,
      retryDelayMs: 0,
      remoteTypes: [...record.subscribe.remoteTypes],
    };
  }
  const webhook = record.subscribe.callback.webhook;
  const attributes = webhook.attributes ?? [];
  let url: URL | null;
  try {
    url = new URL(webhook.target);
  } catch {
    url = null;
  }
  const query = attributes.filter((a) => a.type === 'Query');
  const policy = record.subscribe.retryPolicy;
  return {
    id: record.id,
    label: record.label,
    builtIn: false,
    status: record.secretsLost && record.status === 'Running' ? 'NeedsSecrets' : record.status,
    deleted: record.deletedAt !== null,
    updatedAt: record.updatedAt,
    target: webhook.target,
    origin: url && (url.protocol === 'http:' || url.protocol === 'https:') ? url.origin : null,
    url,
    headers: attributes.filter((a) => a.type === 'Header'),
    query,
    body: attributes.filter((a) => a.type === 'Body'),
    batch: batchingOf(record.subscribe),
    policy: policy.policy,
    maxAttempts: policy.policy === 'None' ? 1 : policy.retryNumber,
    retryDelayMs: policy.policy === 'None' ? 0 : policy.retryDelay * 1000,
    remoteTypes: [...record.subscribe.remoteTypes],
  };
}
