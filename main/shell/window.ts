// The one application window and the guards every web contents gets. The window's webPreferences are written out
// in full (not built elsewhere) so reviewers and the security scan see every setting where it is used.
import { app, BrowserWindow, type WebContents } from 'electron';
import type { Logger } from '../core/ports/logger.js';
import { isAppUrl } from './app-protocol.js';
import { openExternalSafely } from './open-external.js';

export interface MainWindowOptions {
  /** out/preload/index.cjs */
  preload: string;
  /** The app icon (PNG); absent where none was found. */
  icon?: string;
}

export function createMainWindow({ preload, icon }: MainWindowOptions): BrowserWindow {
  return new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Depot Remote',
    backgroundColor: '#f8f9fa',
    autoHideMenuBar: true,
    ...(icon ? { icon } : {}),
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // A middle click would otherwise ask for a new window (refused anyway by the window-open handler).
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  });
}

/**
 * Applied to every web contents the app creates (app 'web-contents-created'): navigation and redirects away from
 * app:// are stopped (an https link opens in the browser instead), new windows are refused, webviews never attach.
 */
export function hardenWebContents(contents: WebContents, logger: Pick<Logger, 'warn'>): void {
  const refuse = (what: string, url: string) => logger.warn(`refused ${what}`, { url: url.slice(0, 500) });

  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    refuse('navigation', event.url);
    openExternalSafely(event.url);
  });
  contents.on('will-frame-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    refuse('frame navigation', event.url);
  });
  contents.on('will-redirect', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    refuse('redirect', event.url);
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (!openExternalSafely(url)) refuse('new window', url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event, _webPreferences, params) => {
    event.preventDefault();
    refuse('webview', params.src ?? '');
  });
}
