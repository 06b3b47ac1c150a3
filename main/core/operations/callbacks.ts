// The callback resource. Bodies reach the service as sent: its domain parser validates them.
import type { CallbacksService } from '../services/callbacks-service.js';
import type { OperationHandlers } from './ports.js';

type CallbackOperations =
  | 'listCallbacks'
  | 'getCallback'
  | 'createCallback'
  | 'replaceCallback'
  | 'setCallbackStatus'
  | 'deleteCallback';

export function callbackHandlers(callbacks: CallbacksService): Pick<OperationHandlers, CallbackOperations> {
  return {
    listCallbacks: async () => {
      const items = await callbacks.list();
      return { items, total: items.length };
    },
    getCallback: ({ cbid }) => callbacks.get(cbid),
    createCallback: ({ body }, { actor }) => callbacks.create(body, actor),
    replaceCallback: ({ cbid, body }, { actor }) => callbacks.replace(cbid, body, actor),
    setCallbackStatus: ({ cbid, body }, { actor }) => callbacks.setStatus(cbid, body, actor),
    deleteCallback: ({ cbid }, { actor }) => callbacks.remove(cbid, actor),
  };
}
