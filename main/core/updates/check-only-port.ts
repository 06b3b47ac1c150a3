// The headless agent's updater: it reads the feed and says what it found, and never installs anything (an agent
// is updated by whoever runs it: stop, install the new build, start). `onAvailable` is where the agent prints how.
import type { UpdateStateDto } from '../../../preload/contract/updates.js';
import type { UpdatePort } from '../operations/ports.js';
import type { UpdateOffer } from './channel-file.js';
import { checkFeed } from './check-feed.js';
import type { ReadFeedOptions } from './read-feed.js';
import { UpdateError } from './update-error.js';

export interface CheckOnlyPortOptions extends ReadFeedOptions {
  version: string;
  onAvailable?: (offer: UpdateOffer, feedUrl: string) => void;
}

export function createCheckOnlyPort({ version, onAvailable, ...read }: CheckOnlyPortOptions): UpdatePort {
  return {
    runtime: 'tell',
    async check(feedUrl, report: (state: UpdateStateDto) => void) {
      try {
        const found = await checkFeed(feedUrl, version, read);
        if (found.kind === 'up-to-date') {
          report({ kind: 'up-to-date', latest: found.latest });
          return;
        }
        const { offer } = found;
        report({
          kind: 'available',
          version: offer.version,
          releaseDate: offer.releaseDate,
          notes: offer.notes,
        });
        onAvailable?.(offer, feedUrl);
      } catch (err) {
        if (!(err instanceof UpdateError)) throw err;
        report({ kind: 'error', code: err.code, params: err.params });
      }
    },
    install() {
      // Never called: the center refuses an install on a runtime that only tells (UPDATE_CANNOT_INSTALL).
    },
    close: async () => {},
  };
}
