// The webhook receiver's public API (see create-receiver.ts, notification-inbox.ts and quarantine-service.ts).
export {
  createReceiver,
  DEFAULT_BODY_LIMIT,
  DEFAULT_RATE_LIMIT,
  DEFAULT_RECEIVER_PORT,
  WEBHOOK_PATH,
} from './create-receiver.js';
export type { ReceiverDeps, ReceiverOptions } from './create-receiver.js';
export { createNotificationInbox } from './notification-inbox.js';
export type {
  InboundRequest,
  InboxDeps,
  InboxOptions,
  InboxReceipt,
  InboxStats,
  NotificationInbox,
} from './notification-inbox.js';
export { MAX_KEPT_ERRORS } from './bounded-errors.js';
export { parseNotificationBody, readNotification } from './notification-body.js';
export type { ParsedBody } from './notification-body.js';
export {
  DEFAULT_QUARANTINE_CAP_BYTES,
  QUARANTINE_DROP_ACTION,
  QuarantineFullError,
} from './quarantine-capacity.js';
export type { QuarantineCapacity } from './quarantine-capacity.js';
export { AUTO_REPLAY_OPERATOR, createQuarantineService } from './quarantine-service.js';
export type {
  QuarantineIntake,
  QuarantineOptions,
  QuarantineService,
  QuarantineServiceDeps,
  QuarantineStats,
  ReplayResult,
} from './quarantine-service.js';
export { SECRET_HEADER, SECRET_HEADER_ALIASES } from './receiver-secrets.js';
export type { ReceiverSecretSource, SecretCacheOptions } from './receiver-secrets.js';
