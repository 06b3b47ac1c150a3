// The application window's life: created on demand, hidden (not closed) when the user closes it so the agent keeps
// running in the tray, really closed only when the app quits; it can be brought forward on an action's page.
import type { BrowserWindow, WebContents } from 'electron';
import {
  actionHash,
  ID_PATTERN,
  IPC_EVENTS,
  type NavigateMessage,
} from '../../preload/contract/ipc-channels.js';
import type { Logger } from '../core/ports/logger.js';
import { APP_ENTRY_URL } from './app-protocol.js';
import { watchRendererErrors } from './logging.js';
import { createMainWindow } from './window.js';

export interface WindowControllerDeps {
  preload: string;
  icon?: string;
  logger: Logger;
  /** True once quitting: closing the window then really closes it. */
  isQuitting(): boolean;
  /** Told the first time the window is hidden instead of closed (to say the app keeps running). */
  onFirstHide?(): void;
  entryUrl?: string;
}

export function createWindowController(deps: WindowControllerDeps) {
  const entryUrl = deps.entryUrl ?? APP_ENTRY_URL;
  let win: BrowserWindow | null = null;
  let loaded = false;
  let pendingAction: string | null = null;
  let hiddenOnce = false;

  function navigate(target: BrowserWindow, remoteActionId: string) {
    const message: NavigateMessage = { page: 'action', remoteActionId };
    target.webContents.send(IPC_EVENTS.navigate, message);
  }

  function ensure(): BrowserWindow {
    if (win && !win.isDestroyed()) return win;
    const created = createMainWindow({ preload: deps.preload, ...(deps.icon ? { icon: deps.icon } : {}) });
    win = created;
    loaded = false;
    watchRendererErrors(created.webContents, deps.logger);
    created.on('close', (event) => {
      if (deps.isQuitting()) return;
      event.preventDefault();
      created.hide();
      if (!hiddenOnce) {
        hiddenOnce = true;
        deps.onFirstHide?.();
      }
    });
    created.on('closed', () => {
      if (win === created) win = null;
    });
    created.once('ready-to-show', () => created.show());
    created.webContents.on('did-finish-load', () => {
      loaded = true;
      if (pendingAction) {
        navigate(created, pendingAction);
        pendingAction = null;
      }
    });
    created.loadURL(entryUrl).catch((err: unknown) => {
      deps.logger.error('the window could not load the app', { error: (err as Error).message });
    });
    return created;
  }

  function show(): BrowserWindow {
    const target = ensure();
    if (target.isMinimized()) target.restore();
    target.show();
    target.focus();
    return target;
  }

  return {
    show,
    /** Brings the window forward on an action's page (#/actions/<id>). */
    openAction(remoteActionId: string) {
      if (!ID_PATTERN.test(remoteActionId)) return;
      const target = show();
      if (loaded) navigate(target, remoteActionId);
      else pendingAction = remoteActionId;
    },
    /** Whether a web contents is our window's (the IPC sender check). */
    owns(contents: WebContents): boolean {
      return win !== null && !win.isDestroyed() && win.webContents.id === contents.id;
    },
    window: () => win,
    /** For tests and logs: the URL the window opens for an action. */
    actionUrl: (remoteActionId: string) => `${entryUrl}${actionHash(remoteActionId)}`,
    destroy() {
      if (win && !win.isDestroyed()) win.destroy();
      win = null;
    },
  };
}
export type WindowController = ReturnType<typeof createWindowController>;
