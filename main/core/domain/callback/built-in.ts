// The built-in callback, "This workstation" (issue 14): every data folder has it (migration 008), so a command can
// be sent before anyone has set up a site system. Its notifications stay on this workstation — the history, the
// UI and the tray, which every stored event reaches anyway — so it has no webhook, and none of what describes
// delivering to one (retries, batching, signing secret, authentication). The fleet API requires a webhook target;
// upstream it has one, since it is registered like any other callback pointing at this agent's own receiver.
import { REMOTE_TYPES, type RemoteType } from '../remote-type.js';

/** Fixed, so that every data folder names it the same way (URLs, logs, support). Site callbacks get UUIDs. */
export const BUILT_IN_CALLBACK_ID = 'workstation';
export const BUILT_IN_CALLBACK_LABEL = 'This workstation';

/** What the built-in callback stores and shows as `subscribe`: its name and the remote types, nothing to deliver. */
export interface BuiltInSubscribe {
  label: string;
  remoteTypes: RemoteType[];
}

export const builtInSubscribe = (label: string = BUILT_IN_CALLBACK_LABEL): BuiltInSubscribe => ({
  label,
  remoteTypes: [...REMOTE_TYPES],
});

/** What a request may ask of a callback and the built-in refuses. */
export type BuiltInRefusedOperation = 'replace' | 'delete' | 'test-notification';

/** The code every refusal of the built-in answers with, and its words (one line: what, and what to do instead). */
export const CALLBACK_BUILT_IN = 'CALLBACK_BUILT_IN';

export function builtInRefusalMessage(operation: BuiltInRefusedOperation, label: string): string {
  switch (operation) {
    case 'replace':
      return `${label} is built in and has no webhook: only its name can change (pause or resume it with its status). Add a callback for a site system's webhook.`;
    case 'delete':
      return `${label} is built in and cannot be deleted: pause it if commands should not be sent through it.`;
    case 'test-notification':
      return `${label} is built in and has no webhook to test: its notifications appear on this workstation (history, notifications, tray).`;
  }
}
