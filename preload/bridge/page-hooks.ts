// What the preload does for the page without the page asking: open the action a notification was clicked for
// (the renderer's router follows the URL hash), and report uncaught errors to the app's log.
import { actionHash, ID_PATTERN, IPC_EVENTS, type NavigateMessage } from '../contract/ipc-channels.js';
import type { RendererLogLevel } from '../contract/ipc.js';
import type { BridgeIpc } from './create-bridge.js';

function isNavigateMessage(value: unknown): value is NavigateMessage {
  const m = value as Partial<NavigateMessage> | null;
  return (
    typeof m === 'object' &&
    m !== null &&
    m.page === 'action' &&
    typeof m.remoteActionId === 'string' &&
    ID_PATTERN.test(m.remoteActionId)
  );
}

/** Main's "open this action": the hash route #/actions/<id>, which the renderer's router listens to. */
export function followNavigation(ipc: BridgeIpc, location: { hash: string }): void {
  ipc.on(IPC_EVENTS.navigate, (_event, message) => {
    if (isNavigateMessage(message)) location.hash = actionHash(message.remoteActionId);
  });
}

function describe(reason: unknown): string {
  try {
    if (reason instanceof Error) return `${reason.name}: ${reason.message}`;
    return String(reason);
  } catch {
    return 'an unreadable value';
  }
}

/** Uncaught errors and unhandled rejections of the page, to the log (main also logs console errors). */
export function forwardPageErrors(
  target: Pick<Window, 'addEventListener'>,
  log: (level: RendererLogLevel, message: string) => void,
): void {
  target.addEventListener('error', (event) => {
    const e = event as ErrorEvent;
    log('error', `uncaught: ${e.message} (${e.filename}:${e.lineno}:${e.colno})`);
  });
  target.addEventListener('unhandledrejection', (event) => {
    log('error', `unhandled rejection: ${describe((event as PromiseRejectionEvent).reason)}`);
  });
}
