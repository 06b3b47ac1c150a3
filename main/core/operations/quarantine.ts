// The receiver's quarantine: list, read one, replay, resolve.
import type { QuarantineService } from '../receiver/quarantine-service.js';
import type { AccessGuard } from '../kernel/access-guard.js';
import type { OperationHandlers } from './ports.js';

type QuarantineOperations = 'listQuarantine' | 'getQuarantine' | 'replayQuarantine' | 'resolveQuarantine';

// Replaying or resolving changes what the history holds: an admin's (the "quarantine replay → admin").
// These operations have no other path than this registry (no mirror route), so this is their one check.
export function quarantineHandlers(
  access: AccessGuard,
  quarantine: QuarantineService,
): Pick<OperationHandlers, QuarantineOperations> {
  return {
    listQuarantine: (query) => quarantine.list(query),
    getQuarantine: ({ id }) => quarantine.get(id),
    replayQuarantine: ({ id }, { actor }) => {
      access.require(actor, 'admin', 'quarantine.replay');
      return quarantine.replay(id, actor);
    },
    resolveQuarantine: ({ id }, { actor }) => {
      access.require(actor, 'admin', 'quarantine.resolve');
      return quarantine.resolve(id, actor);
    },
  };
}
