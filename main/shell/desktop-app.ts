// The desktop composition: the same agent as `npm run agent` (core, webhook receiver, local API, connector, built by
// startAgent) with the shell's adapters plugged in — safeStorage secrets, native notifications — plus the window
// served from app://, the IPC bridge, and the tray. Closing the window keeps it all running in the tray; quitting
// stops it cleanly (tray and bridge first, then the receiver and API closed and the outbox leases released).
// Past 300 lines: the start and the ordered stop (quit, restore-and-relaunch) share the session's parts.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app, dialog, ipcMain, Notification, session } from 'electron';
import { OptionsError, parseAgentOptions } from '../core/config/agent-options.js';
import { systemClock } from '../core/ports/clock.js';
import { pickLanguage } from '../../preload/contract/locales.js';
import type { Logger } from '../core/ports/logger.js';
import { resolveAgentOptions } from '../headless/resolve-options.js';
import { startAgent } from '../headless/start-agent.js';
import { backUpBeforeMigrating } from '../headless/pre-migration-backup.js';
import { RESTORE_AFTER_MS, restoreInPlace, type RestoreRequest } from '../headless/restore-in-place.js';
import { registerAppScheme, serveAppProtocol } from './app-protocol.js';
import { applySessionSecurity } from './content-security.js';
import { agentArgsFrom, desktopEnv } from './desktop-options.js';
import type { DesktopPaths } from './desktop-paths.js';
import { createEventPush } from './ipc/event-push.js';
import { registerIpc } from './ipc/register-ipc.js';
import { createSenderCheck } from './ipc/sender-check.js';
import { createRendererLog, createShellLogger, type MainLog } from './logging.js';
import { createDesktopNotifier } from './notifier.js';
import { createDesktopUpdatePort } from './updates/desktop-update-port.js';
import { chooseSecretBox, type SecretStorageChoice } from './safe-storage-secret-box.js';
import { claimSingleInstance } from './single-instance.js';
import { createTrayController, type TrayController } from './tray.js';
import { readTrayFacts } from './tray-facts.js';
import { hardenWebContents } from './window.js';
import { createWindowController, type WindowController } from './window-controller.js';
import { STARTUP_FAULT_EXIT_CODE, startupFaultText } from '../headless/startup-fault.js';
import { createDesktopSession } from './ipc/desktop-session.js';

export interface DesktopOptions {
  /** electron-log/main (loaded by main/index.ts only: it needs a real Electron). */
  log: MainLog;
  paths: DesktopPaths;
  argv?: readonly string[];
  env?: NodeJS.ProcessEnv;
  /** How long a quit may wait for the agent to stop before the process exits anyway. */
  stopTimeoutMs?: number;
}

type Agent = Awaited<ReturnType<typeof startAgent>>;

export const ELECTRON_LOG_CHANNELS = ['__ELECTRON_LOG__'];
/** electron-builder.yml's appId. */
export const APP_USER_MODEL_ID = 'com.depotremote.app';

export interface DesktopSession {
  agent: Agent;
  windows: WindowController;
  tray: TrayController;
  secrets: SecretStorageChoice;
  logger: Logger;
}

/** A logger whose target is swapped once the data folder (and so the log file) is known. */
function swappableLogger(initial: Logger) {
  let target = initial;
  const logger: Logger = {
    debug: (m, f) => target.debug(m, f),
    info: (m, f) => target.info(m, f),
    warn: (m, f) => target.warn(m, f),
    error: (m, f) => target.error(m, f),
  };
  return { logger, use: (next: Logger) => (target = next) };
}

const consoleLogger: Logger = {
  debug: () => {},
  info: (m) => console.log(m),
  warn: (m, f) => console.warn(m, f ?? ''),
  error: (m, f) => console.error(m, f ?? ''),
};

/**
 * Starts the desktop app. Returns null when another instance already runs (it is brought forward instead and
 * this one quits).
 */
export function runDesktop(options: DesktopOptions): { ready: Promise<DesktopSession | null> } | null {
  const { paths } = options;
  const { logger, use } = swappableLogger(consoleLogger);
  registerAppScheme();

  let current: DesktopSession | null = null;
  if (!claimSingleInstance(() => current?.windows.show())) {
    app.quit();
    return null;
  }

  // electron-log/main listens on its own IPC channel as soon as it is loaded (for renderer logging, unused here):
  // remove it, so the bridge's checked channels are the only ones main answers.
  for (const channel of ELECTRON_LOG_CHANNELS) {
    ipcMain.removeAllListeners(channel);
    ipcMain.removeHandler(channel);
  }
  // Windows shows notifications only for an app with an identity (the installer's shortcut carries the same).
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);

  let quitting = false;
  let phase: 'running' | 'stopping' | 'stopped' = 'running';
  let stopBridge: (() => void) | null = null;

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, logger));
  // The agent keeps running in the tray with no window open.
  app.on('window-all-closed', () => {});
  app.on('activate', () => current?.windows.show());
  app.on('child-process-gone', (_event, details) => {
    if (details.reason !== 'clean-exit') logger.error('a helper process is gone', { ...details });
  });
  process.on('unhandledRejection', (reason) =>
    logger.error('unhandled rejection in main', { error: String((reason as Error)?.stack ?? reason) }),
  );

  async function start(): Promise<DesktopSession> {
    const env = desktopEnv(options.env ?? process.env, app.getPath('userData'));
    const args = agentArgsFrom(options.argv ?? process.argv, Boolean(process.defaultApp));
    const first = parseAgentOptions(args, env);
    if (first.help) throw new OptionsError('--help is not a desktop option.');
    use(createShellLogger(options.log, first.options.dataDir));

    applySessionSecurity(session.defaultSession, (what, url) =>
      logger.warn(`refused ${what}`, { url: url.slice(0, 300) }),
    );
    serveAppProtocol(paths.rendererDir);

    let secrets: SecretStorageChoice | null = null;
    const openSecrets = async (dir: string) => (secrets ??= await chooseSecretBox(dir, logger)).box;
    // Reading the saved settings (next) opens the database, which migrates it: an older one is backed up first.
    await backUpBeforeMigrating(
      first.options.dataDir,
      logger,
      new Date(),
      await openSecrets(first.options.dataDir),
    );
    const resolved = await resolveAgentOptions(args, env, openSecrets);
    if (resolved.help) throw new OptionsError('--help is not a desktop option.');
    const { options: agentOptions, context } = resolved;
    const chosen = secrets ?? (await chooseSecretBox(agentOptions.dataDir, logger));
    if (chosen.fallbackReason) {
      logger.warn(
        `secrets are encrypted with the key file ${join(agentOptions.dataDir, 'secret.key')}, not the system keychain: ${chosen.fallbackReason}`,
      );
    } else {
      logger.info('secrets are encrypted with the system keychain (safeStorage)', {
        backend: chosen.backend,
      });
    }

    // The notifier exists before the agent (the core is built with it) and reaches the agent and window lazily.
    let agent: Agent | null = null;
    let windows: WindowController | null = null;
    const notifier = createDesktopNotifier({
      vehicleName(vehicleId) {
        try {
          return agent?.core.services.vehicles.get(vehicleId).label ?? undefined;
        } catch {
          return undefined;
        }
      },
      openAction: (id) => windows?.openAction(id),
      enabled: async () =>
        (await agent?.core.services.settings.load())?.stored?.notifications.desktop ?? true,
      // The OS's language: a notification is read outside the window, whose language may be another.
      language: pickLanguage(app.getPreferredSystemLanguages()),
      logger,
    });
    const running = await startAgent(agentOptions, logger, systemClock(), context, {
      notifier,
      secrets: chosen.box,
      // electron-updater: downloads from the feed setting, installs at the next restart (issue 18).
      updates: createDesktopUpdatePort(logger),
      lifecycle: { restoreAndRestart: (request) => restoreAndRelaunch(request, agentOptions.dataDir) },
    });
    agent = running;

    try {
      const ownWindows = createWindowController({
        preload: paths.preload,
        ...(existsSync(paths.appIcon) ? { icon: paths.appIcon } : {}),
        logger,
        isQuitting: () => quitting,
        onFirstHide: () => {
          if (!Notification.isSupported()) return;
          new Notification({
            title: 'Depot Remote is still running',
            body: 'Remote actions and deliveries go on. Open it again from the tray icon; quit from its menu.',
            silent: true,
          }).show();
        },
      });
      windows = ownWindows;

      const events = createEventPush(running.core.changes);
      const unregister = registerIpc({
        // The agent's own handlers: the bridge answers exactly what the local API answers.
        handlers: running.handlers,
        session: createDesktopSession({
          identity: running.core.identity,
          operatorsExist: () => running.core.services.operators.any(),
        }),
        isTrustedSender: createSenderCheck((contents) => ownWindows.owns(contents)),
        events,
        rendererLog: createRendererLog(logger),
        logger,
      });
      stopBridge = () => {
        unregister();
        events.close();
      };

      const tray: TrayController = createTrayController({
        iconPath: paths.trayIcon,
        readFacts: () => readTrayFacts(running.core),
        events: running.core.bus,
        logger,
        actions: {
          openWindow: () => ownWindows.show(),
          pauseDeliveries: () => {
            running.core.outbox.pause();
            tray.refresh();
          },
          resumeDeliveries: () => {
            running.core.outbox.resume();
            tray.refresh();
          },
          quit: () => app.quit(),
        },
      });

      ownWindows.show();
      logger.info(`Depot Remote desktop started; local API on ${running.url}`, {
        dataDir: agentOptions.dataDir,
        connector: running.core.connectorName,
      });
      current = { agent: running, windows: ownWindows, tray, secrets: chosen, logger };
      return current;
    } catch (err) {
      stopBridge?.();
      await running.stop();
      throw err;
    }
  }

  function fail(err: unknown): null {
    // The same one line as the headless agent: it names the file or port and the fix.
    const message = startupFaultText(err);
    logger.error(message);
    phase = 'stopped';
    dialog.showErrorBox('Depot Remote could not start', message);
    app.exit(STARTUP_FAULT_EXIT_CODE);
    return null;
  }

  const ready = app.whenReady().then(start).catch(fail);

  /**
   * A restore from Settings (issue 18), once the archive is proved and the 202 sent: stopped like a quit, restored
   * in place (the current files kept aside; put back if it fails), then relaunched: the new process opens the
   * restored data and audits the restore.
   */
  let restoring = false;
  function restoreAndRelaunch(request: RestoreRequest, dataDir: string) {
    if (restoring || phase !== 'running') return false;
    restoring = true;
    setTimeout(() => {
      quitting = true;
      phase = 'stopping';
      shutdown()
        .then(() => restoreInPlace(dataDir, request, logger))
        .catch((err: unknown) => logger.error('restore failed', { error: (err as Error).message }))
        .finally(() => {
          phase = 'stopped';
          app.relaunch();
          app.exit(0);
        });
    }, RESTORE_AFTER_MS);
    return true;
  }

  async function shutdown() {
    const started = await ready;
    started?.tray.destroy();
    stopBridge?.();
    if (!started) return;
    const force = setTimeout(() => {
      logger.error('the agent did not stop in time; exiting');
      app.exit(1);
    }, options.stopTimeoutMs ?? 10_000);
    try {
      await started.agent.stop();
      logger.info('stopped cleanly');
    } finally {
      clearTimeout(force);
    }
  }

  app.on('before-quit', (event) => {
    quitting = true;
    if (phase === 'stopped') return;
    event.preventDefault();
    if (phase === 'stopping') return;
    phase = 'stopping';
    shutdown()
      .catch((err: unknown) => logger.error('stopping failed', { error: (err as Error).message }))
      .finally(() => {
        phase = 'stopped';
        app.quit();
      });
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => app.quit());

  return { ready };
}
