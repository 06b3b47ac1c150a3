// Durable outbound delivery to each local callback's own webhook.
export { createOutbox } from './create-outbox.js';
export type { Outbox, OutboxDeps } from './create-outbox.js';
export type { OutboxOptions, BackoffOptions } from './outbox-options.js';
export type { OutboxService, DeliveryListParams } from './outbox-service.js';
export { TEST_VIN } from './fleet-event.js';
export { TEST_MARKER_ATTRIBUTE, TEST_MARKER_HEADER } from './request-builder.js';
