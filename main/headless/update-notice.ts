// What the headless agent says when its update feed offers a newer version (issue 18): it never installs itself,
// so one log line tells whoever runs it the version, where it is and the steps.
import type { UpdateOffer } from '../core/updates/index.js';
import { createCheckOnlyPort } from '../core/updates/index.js';
import type { UpdatePort } from '../core/operations/ports.js';
import type { Logger } from '../core/ports/logger.js';

/** The steps, in one line (the README's "Updating an offline site" says the same). */
export function updateSteps(offer: Pick<UpdateOffer, 'version'>, feedUrl: string): string {
  return (
    `Depot Remote ${offer.version} is available at ${feedUrl}. To update this agent: stop it, install the new ` +
    'build (replace its folder with the new one, or for a source install check out the new version and run ' +
    '`npm ci`), then start it again; its database is backed up and migrated at its first start.'
  );
}

/** The agent's check-only updater, logging the steps when the feed has something newer. */
export function createAgentUpdatePort(version: string, logger: Logger): UpdatePort {
  return createCheckOnlyPort({
    version,
    onAvailable: (offer, feedUrl) => logger.warn(updateSteps(offer, feedUrl), { version: offer.version }),
  });
}
