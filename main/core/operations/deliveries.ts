// The outbox: deliveries, their targets, replays and test notifications.
import type { OutboxService } from '../outbox/outbox-service.js';
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

export function deliveryHandlers(deliveries: DeliveryService): Pick<OperationHandlers, DeliveryOperations> {
  return {
    listDeliveries: ({ callback, ...filter }) => deliveries.list({ callbackId: callback, ...filter }),
    getDelivery: ({ id }) => deliveries.get(id),
    listDeliveryTargets: () => deliveries.targets(),
    retryDelivery: ({ id }, { actor }) => deliveries.retry(id, actor),
    retryCallbackDeliveries: ({ cbid }, { actor }) => deliveries.retryCallback(cbid, actor),
    sendTestNotification: ({ cbid }, { actor }) => deliveries.sendTest(cbid, actor),
  };
}
