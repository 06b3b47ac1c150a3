// Change events (the core's change feed, after each commit) pushed to the windows that asked for them — the bridge's
// subscribe() — and only while they still show our page.
import type { WebContents } from 'electron';
import { IPC_EVENTS } from '../../../preload/contract/ipc-channels.js';
import type { ChangeFeed } from '../../core/events/change-feed.js';
import { isAppUrl } from '../app-protocol.js';

export function createEventPush(changes: Pick<ChangeFeed, 'subscribe'>) {
  const subscribers = new Map<number, WebContents>();
  const off = changes.subscribe((event) => {
    for (const [id, contents] of subscribers) {
      if (contents.isDestroyed()) {
        subscribers.delete(id);
        continue;
      }
      if (isAppUrl(contents.getURL())) contents.send(IPC_EVENTS.change, event);
    }
  });
  return {
    add(contents: WebContents) {
      if (subscribers.has(contents.id)) return;
      subscribers.set(contents.id, contents);
      contents.once('destroyed', () => subscribers.delete(contents.id));
    },
    remove(contents: WebContents) {
      subscribers.delete(contents.id);
    },
    count: () => subscribers.size,
    close() {
      off();
      subscribers.clear();
    },
  };
}
export type EventPush = ReturnType<typeof createEventPush>;
