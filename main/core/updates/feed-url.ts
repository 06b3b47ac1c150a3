// The update feed setting: where electron-builder's channel files are published on the site (a web server on the
// LAN, or a shared folder). Checked before it is stored, so a typo is refused at once with a code, never at the
// first daily check.
import { ServiceError } from '../kernel/service-error.js';

export type FeedUrlProblem = 'scheme' | 'credentials' | 'malformed';

const SCHEMES = new Set(['http:', 'https:', 'file:']);

/** 400 UPDATE_FEED_INVALID with params.reason. */
export const feedUrlRefused = (reason: FeedUrlProblem) =>
  new ServiceError(400, 'UPDATE_FEED_INVALID', { params: { reason } });

/**
 * The feed as stored (trimmed, one trailing slash, so relative file names resolve inside it), or null for "updates
 * off" (empty). A user name or password in the address is refused: it would be stored and shown in clear.
 */
export function normaliseFeedUrl(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw feedUrlRefused('malformed');
  }
  if (!SCHEMES.has(url.protocol)) throw feedUrlRefused('scheme');
  if (url.username !== '' || url.password !== '') throw feedUrlRefused('credentials');
  if (url.protocol !== 'file:' && url.hostname === '') throw feedUrlRefused('malformed');
  // A query or fragment has no meaning for a folder of files.
  if (url.search !== '' || url.hash !== '') throw feedUrlRefused('malformed');
  if (!url.pathname.endsWith('/')) url.pathname = `${url.pathname}/`;
  return url.href;
}
