// Updates (issue 18): everyone signed in sees the version and what the feed offers; only an admin changes the feed,
// asks for a check or restarts to install.
import type { AccessGuard } from '../kernel/access-guard.js';
import { ServiceError } from '../kernel/service-error.js';
import type { UpdateCenter } from '../updates/update-center.js';
import type { OperationHandlers } from './ports.js';

type UpdateOperations = 'getUpdates' | 'putUpdateSettings' | 'checkForUpdates' | 'installUpdate';

/** A core built without a runtime around it (tests, tools) has no updater: said as a 404 like the settings. */
const noUpdater = () => new ServiceError(404, 'SETTINGS_UNAVAILABLE');

export function updateHandlers(
  access: AccessGuard,
  updates: UpdateCenter | undefined,
): Pick<OperationHandlers, UpdateOperations> {
  return {
    getUpdates: () => {
      if (!updates) throw noUpdater();
      return updates.status();
    },
    putUpdateSettings: ({ body }, { actor }) => {
      access.require(actor, 'admin', 'updates.settings');
      if (!updates) throw noUpdater();
      return updates.setFeed(body.feedUrl, actor);
    },
    checkForUpdates: (_input, { actor }) => {
      access.require(actor, 'admin', 'updates.check');
      if (!updates) throw noUpdater();
      return updates.check();
    },
    installUpdate: (_input, { actor }) => {
      access.require(actor, 'admin', 'updates.install');
      if (!updates) throw noUpdater();
      return updates.install(actor);
    },
  };
}
