import type { RemoteAction } from '../domain/action.js';

/** Told when an action completes. The tray implements it on the desktop; headless, it logs. */
export interface Notifier {
  actionCompleted(action: RemoteAction): void;
}
