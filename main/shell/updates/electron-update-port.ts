// The desktop's updater (issue 18): electron-updater's generic provider pointed at the feed setting, downloading
// what a check finds (autoDownload), verifying it against the sha512 of the channel file (a mismatch is an error,
// never installed), and installing at the next quit (autoInstallOnAppQuit) or on "Restart now to install". A file://
// feed is served to it by the core's loopback folder server: its HTTP client speaks http(s) only.
import type { AppUpdater, ProgressInfo, UpdateInfo } from 'electron-updater';
import type { UpdateStateDto } from '../../../preload/contract/updates.js';
import type { UpdatePort } from '../../core/operations/ports.js';
import type { Logger } from '../../core/ports/logger.js';
import { channelFileName } from '../../core/updates/channel-file.js';
import { createCheckOnlyPort } from '../../core/updates/check-only-port.js';
import { serveFeedFolder, type FolderFeedServer } from '../../core/updates/folder-server.js';
import { updateErrorCode } from './update-errors.js';

/** Release notes as plain text: electron-updater may give them per version; HTML stays text (never rendered). */
function notesOf(info: UpdateInfo): string | null {
  const notes = info.releaseNotes;
  if (notes === null || notes === undefined) return null;
  if (typeof notes === 'string') return notes;
  return notes.map((n) => `${n.version}\n${n.note ?? ''}`.trim()).join('\n\n');
}

export interface ElectronUpdatePortDeps {
  /** electron-updater's autoUpdater on the desktop; an updater class with a test AppAdapter in tests. */
  updater: AppUpdater;
  logger: Logger;
  /** How a file:// feed is served (default: the core's loopback folder server). */
  serveFolder?: (feedUrl: string) => Promise<FolderFeedServer>;
}

export function createElectronUpdatePort({
  updater,
  logger,
  serveFolder = serveFeedFolder,
}: ElectronUpdatePortDeps): UpdatePort {
  let report: (state: UpdateStateDto) => void = () => {};
  let phase: 'idle' | 'check' | 'download' = 'idle';
  let offered: string | null = null;
  let folder: { feed: string; server: FolderFeedServer } | null = null;

  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = true;
  updater.logger = {
    info: (message: unknown) => logger.debug('updater', { message: String(message) }),
    warn: (message: unknown) => logger.warn('updater', { message: String(message) }),
    error: (message: unknown) => logger.debug('updater error', { message: String(message) }),
  };

  updater.on('update-available', (info: UpdateInfo) => {
    offered = info.version;
    phase = 'download';
    logger.info('update available, downloading', { version: info.version });
    report({
      kind: 'available',
      version: info.version,
      releaseDate: info.releaseDate ?? null,
      notes: notesOf(info),
    });
  });
  updater.on('update-not-available', (info: UpdateInfo) => {
    phase = 'idle';
    report({ kind: 'up-to-date', latest: info.version });
  });
  updater.on('download-progress', (progress: ProgressInfo) => {
    report({
      kind: 'downloading',
      version: offered ?? '',
      percent: Math.max(0, Math.min(100, progress.percent)),
      bytesPerSecond: Math.max(0, progress.bytesPerSecond),
    });
  });
  updater.on('update-downloaded', (info: UpdateInfo) => {
    phase = 'idle';
    report({ kind: 'ready', version: info.version, notes: notesOf(info) });
  });
  updater.on('error', (err: Error) => {
    // A check's failure is reported where checkForUpdates rejects; a download's only arrives here.
    if (phase !== 'download') return;
    phase = 'idle';
    const code = updateErrorCode(err, 'download');
    logger.error('update download failed', {
      code,
      error: err.message,
      errCode: (err as { code?: string }).code,
    });
    report({ kind: 'error', code, params: { version: offered ?? '' } });
  });

  /** The URL electron-updater reads: the feed itself, or the loopback server standing for its folder. */
  async function reachable(feedUrl: string): Promise<string> {
    if (!feedUrl.startsWith('file:')) return feedUrl;
    if (folder?.feed === feedUrl) return folder.server.url;
    await folder?.server.close();
    folder = null;
    const server = await serveFolder(feedUrl);
    folder = { feed: feedUrl, server };
    return server.url;
  }

  return {
    runtime: 'install',
    async check(feedUrl, onState) {
      report = onState;
      phase = 'check';
      let url: string;
      try {
        url = await reachable(feedUrl);
      } catch (err) {
        phase = 'idle';
        onState({ kind: 'error', code: 'UPDATE_FEED_UNREACHABLE', params: { feed: feedUrl } });
        logger.warn('update feed folder cannot be served', { error: (err as Error).message });
        return;
      }
      updater.setFeedURL({ provider: 'generic', url });
      if (!updater.isUpdaterActive()) {
        // Not a packaged app (`npm start`): electron-updater neither checks nor installs there. It still says
        // what the feed offers, as the headless agent does; nothing is downloaded, so nothing becomes ready.
        phase = 'idle';
        logger.info('not a packaged app: the update feed is only read, nothing is downloaded');
        await createCheckOnlyPort({ version: updater.currentVersion.version }).check(url, onState);
        return;
      }
      try {
        const result = await updater.checkForUpdates();
        // The download goes on; its end (or failure) arrives as events.
        void result?.downloadPromise?.catch(() => {});
      } catch (err) {
        if (phase !== 'check') return;
        phase = 'idle';
        const code = updateErrorCode(err, 'check');
        onState({
          kind: 'error',
          code,
          params: code === 'UPDATE_FEED_NOT_A_FEED' ? { file: channelFileName() } : { feed: feedUrl },
        });
      }
    },
    install() {
      // Quits now (windows closed first), installs, and starts the new version.
      updater.quitAndInstall(false, true);
    },
    async close() {
      await folder?.server.close();
      folder = null;
    },
  };
}
