// One area's operations mounted alone (as the local API mounts them all): the registry entries whose handler a
// test gives, e.g. operationRoutes(operationSubset(deliveryHandlers(outbox.service))).
import type { OperationRoutesOptions } from '../../main/core/api/operation-routes.js';
import type { OperationHandlers } from '../../main/core/operations/ports.js';
import type { OperationRegistry } from '../../preload/contract/operations/define.js';
import { OPERATIONS } from '../../preload/contract/operations/index.js';

export function operationSubset(
  handlers: Partial<OperationHandlers>,
): OperationRoutesOptions<OperationRegistry> {
  const registry = Object.fromEntries(Object.entries(OPERATIONS).filter(([name]) => name in handlers));
  return { registry, handlers } as unknown as OperationRoutesOptions<OperationRegistry>;
}
