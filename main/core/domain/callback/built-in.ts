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

/** The code every refusal of the built-in answers with (kernel/built-in-refusal.ts; worded by the edges). */
export const CALLBACK_BUILT_IN = 'CALLBACK_BUILT_IN';
