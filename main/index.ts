// Desktop entry (Electron main process). The hardened shell — tray, IPC over the contract, encrypted
// secrets, packaging — is its own piece of work; until it lands this entry runs the same agent as
// `npm run agent` and shows its address, so the desktop build never diverges from the headless core.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, shell } from 'electron';
import { parseAgentOptions } from './core/config/agent-options.js';
import { createElectronLogLogger } from './headless/electron-log-logger.js';
import { startAgent } from './headless/start-agent.js';

if (!app.requestSingleInstanceLock()) app.quit();

app.whenReady().then(async () => {
  const parsed = parseAgentOptions([], { ...process.env, DEPOT_REMOTE_DATA_DIR: app.getPath('userData') });
  if (parsed.help) return;
  const logger = createElectronLogLogger(parsed.options.dataDir);
  const agent = await startAgent(parsed.options, logger);
  const win = new BrowserWindow({
    width: 1200,
    height: 800,
    webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false },
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  await win.loadFile(join(fileURLToPath(new URL('.', import.meta.url)), '../renderer/index.html'));
  logger.info(`agent API on ${agent.url}`);
  app.on('before-quit', () => void agent.stop());
});
