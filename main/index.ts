// Desktop entry (Electron main process): the same agent as `npm run agent`, wrapped in the hardened shell
// (main/shell/desktop-app.ts). electron-log's main entry is loaded here, the one place that needs a real Electron.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app } from 'electron';
import log from 'electron-log/main';
import { STARTUP_FAULT_EXIT_CODE, startupFaultText } from './headless/startup-fault.js';
import { runDesktop } from './shell/desktop-app.js';
import { desktopPaths } from './shell/desktop-paths.js';

try {
  runDesktop({
    log,
    paths: desktopPaths(dirname(fileURLToPath(import.meta.url)), app.isPackaged, process.resourcesPath),
  });
} catch (err) {
  // A fault before the app is ready (faults while starting are shown in a dialog by the shell): one line, as the
  // headless agent prints it, not a stack trace.
  process.stderr.write(`${startupFaultText(err)}\n`);
  app.exit(STARTUP_FAULT_EXIT_CODE);
}
