// The outbox: deliveries, their targets, replays and test notifications.
import type { OutboxService } from '../outbox/outbox-service.js';
import type { AccessGuard } from '../kernel/access-guard.js';
import type { OperationHandlers } from './ports.js';

export type DeliveryService = Pick<
  OutboxService,
  'list' | 'get' | 'retry' | 'retryCallback' | 'sendTest' | 'targets'
>;

type DeliveryOperations =
  | 'listDeliveries'
  | 'getDelivery'
  | 'listDeliveryTargets'
  | 'retryDelivery'
  | 'retryCallbackDeliveries'
  | 'sendTestNotification';

// Sending a held notification again is routine (technicians); a test notification writes to a site system's
// webhook on the callback's behalf, which is callback administration (admins). These operations have no other
// path than this registry, so this is their one check.
export function deliveryHandlers(
  access: AccessGuard,
  deliveries: DeliveryService,
): Pick<OperationHandlers, DeliveryOperations> {
  return {
    listDeliveries: ({ callback, ...filter }) => deliveries.list({ callbackId: callback, ...filter }),
    getDelivery: ({ id }) => deliveries.get(id),
    listDeliveryTargets: () => deliveries.targets(),
    retryDelivery: ({ id }, { actor }) => {
      access.require(actor, 'technician', 'deliveries.retry');
      return deliveries.retry(id, actor);
    },
    retryCallbackDeliveries: ({ cbid }, { actor }) => {
      access.require(actor, 'technician', 'deliveries.retry', { callbackId: cbid });
      return deliveries.retryCallback(cbid, actor);
    },
    sendTestNotification: ({ cbid }, { actor }) => {
      access.require(actor, 'admin', 'callbacks.test-notification', { callbackId: cbid });
      return deliveries.sendTest(cbid, actor);
    },
  };
}
