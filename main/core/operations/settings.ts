// Settings and the connection check: ports the agent plugs in (it knows how it was started and what it talks to).
import { ServiceError } from '../kernel/service-error.js';
import type { AccessGuard } from '../kernel/access-guard.js';
import type { ConnectionPort, OperationHandlers, SettingsPort } from './ports.js';

/** A core built without the agent around it (tests, tools) keeps no settings: said as a 404 the UI understands. */
const noSettings = () => new ServiceError(404, 'SETTINGS_UNAVAILABLE');

/** Nothing to check: the simulator. */
export const NO_CONNECTION: ConnectionPort = { check: async () => null, rateLimit: () => null };

export function settingsHandlers(
  access: AccessGuard,
  settings: SettingsPort | undefined,
): Pick<OperationHandlers, 'getSettings' | 'putSettings'> {
  return {
    getSettings: () => {
      if (!settings) throw noSettings();
      return settings.get();
    },
    putSettings: ({ body }, { actor }) => {
      access.require(actor, 'admin', 'settings.write');
      if (!settings) throw noSettings();
      return settings.put(body, actor);
    },
  };
}

export function connectionHandlers(
  access: AccessGuard,
  connection: ConnectionPort,
): Pick<OperationHandlers, 'checkConnection' | 'connectionRateLimit'> {
  return {
    checkConnection: (_input, { actor }) => {
      // It calls the vehicle network with the site's credentials: an admin's diagnosis.
      access.require(actor, 'admin', 'connection.check');
      return connection.check();
    },
    connectionRateLimit: () => ({ budget: connection.rateLimit() }),
  };
}
