// The receiver's quarantine: list, read one, replay, resolve.
import type { QuarantineService } from '../receiver/quarantine-service.js';
import type { OperationHandlers } from './ports.js';

type QuarantineOperations = 'listQuarantine' | 'getQuarantine' | 'replayQuarantine' | 'resolveQuarantine';

export function quarantineHandlers(
  quarantine: QuarantineService,
): Pick<OperationHandlers, QuarantineOperations> {
  return {
    listQuarantine: (query) => quarantine.list(query),
    getQuarantine: ({ id }) => quarantine.get(id),
    replayQuarantine: ({ id }, { actor }) => quarantine.replay(id, actor),
    resolveQuarantine: ({ id }, { actor }) => quarantine.resolve(id, actor),
  };
}
