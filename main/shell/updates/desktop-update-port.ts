// electron-updater's autoUpdater, loaded at the first check only: building it reads the packaged app's
// app-update.yml and Electron's app, which a start without a feed (and the shell's tests) never needs.
import { createRequire } from 'node:module';
import type * as ElectronUpdater from 'electron-updater';
import type { UpdatePort } from '../../core/operations/ports.js';
import type { Logger } from '../../core/ports/logger.js';
import { createElectronUpdatePort } from './electron-update-port.js';

export function createDesktopUpdatePort(logger: Logger): UpdatePort {
  let port: UpdatePort | null = null;
  const real = (): UpdatePort => {
    if (!port) {
      // CommonJS, with autoUpdater a getter that builds the platform's updater on first access.
      const updaterModule = createRequire(import.meta.url)('electron-updater') as typeof ElectronUpdater;
      port = createElectronUpdatePort({ updater: updaterModule.autoUpdater, logger });
    }
    return port;
  };
  return {
    runtime: 'install',
    check: (feedUrl, report) => real().check(feedUrl, report),
    install: () => real().install(),
    close: async () => {
      await port?.close();
    },
  };
}
