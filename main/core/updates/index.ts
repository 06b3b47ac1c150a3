// Updates without internet (issue 18), plain Node: the feed setting, reading a feed, the loopback server for a
// shared folder, and the state every runtime reports through its UpdatePort.
export { channelFileName, parseChannelFile, type UpdateOffer } from './channel-file.js';
export { checkFeed, compareOffer, type FeedCheck } from './check-feed.js';
export { createCheckOnlyPort } from './check-only-port.js';
export { createUpdateFeedService, UPDATE_FEED_KEY, type UpdateFeedService } from './feed-setting.js';
export { normaliseFeedUrl } from './feed-url.js';
export { serveFeedFolder, type FolderFeedServer } from './folder-server.js';
export { readFeed } from './read-feed.js';
export { CHECK_EVERY_MS, createUpdateCenter, type UpdateCenter } from './update-center.js';
export { UpdateError } from './update-error.js';
