// electron-updater's failures as the codes the panel words (errors:code.<CODE>): its own error codes where it
// gives one (builder-util-runtime's newError), the network's errno otherwise.
import type { UpdateErrorCode } from '../../../preload/contract/updates.js';

const NOT_A_FEED = new Set([
  'ERR_UPDATER_INVALID_UPDATE_INFO',
  'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND',
  'ERR_UPDATER_NO_FILES_PROVIDED',
  'ERR_UPDATER_NO_CHECKSUM',
  'ERR_UPDATER_INVALID_VERSION',
]);

/** The code for an error electron-updater raised while checking (`phase: check`) or downloading. */
export function updateErrorCode(err: unknown, phase: 'check' | 'download'): UpdateErrorCode {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'ERR_CHECKSUM_MISMATCH') return 'UPDATE_CHECKSUM_MISMATCH';
  if (typeof code === 'string' && NOT_A_FEED.has(code)) return 'UPDATE_FEED_NOT_A_FEED';
  return phase === 'download' ? 'UPDATE_DOWNLOAD_FAILED' : 'UPDATE_FEED_UNREACHABLE';
}
