// Is there something newer than what runs? semver decides (1.10.0 is newer than 1.9.0; a pre-release is older than
// its release), as electron-updater does on the desktop.
import { gt } from 'semver';
import type { UpdateOffer } from './channel-file.js';
import { readFeed, type ReadFeedOptions } from './read-feed.js';

export type FeedCheck = { kind: 'available'; offer: UpdateOffer } | { kind: 'up-to-date'; latest: string };

export function compareOffer(offer: UpdateOffer, currentVersion: string): FeedCheck {
  return gt(offer.version, currentVersion)
    ? { kind: 'available', offer }
    : { kind: 'up-to-date', latest: offer.version };
}

/** Reads the feed and compares; throws UpdateError (unreachable, not a feed). */
export async function checkFeed(
  feed: string,
  currentVersion: string,
  options: ReadFeedOptions = {},
): Promise<FeedCheck> {
  return compareOffer(await readFeed(feed, options), currentVersion);
}
