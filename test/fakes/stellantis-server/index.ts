// The fake Stellantis fleet API and what tests need around it.
export * from './fake-server.js';
export * from './fake-fleet.js';
export type { DeliveryRecord, DeliverySwitches, FleetEvent } from './fake-notifier.js';
export * from './pki.js';
export * from './receiver-stand-in.js';
