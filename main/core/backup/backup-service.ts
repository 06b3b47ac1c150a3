// Backups from the running agent (issue 18): the `backups` settings (audited; the passphrase sealed, never
// returned), one scheduled backup a day into the backups folder, "back up now", and the proof an archive would
// restore before the shell is asked to stop, restore and start again. Also, at creation, the audit entry of a
// restore the shell did before this start (restore-marker.ts).
//
// The schedule: at start, then every hour (on the Clock), a backup is due when the newest scheduled archive in
// the folder is 24 h old or more, or there is none. The folder itself is the memory, so a restart never doubles a
// day's backup and a missed day is caught up once. A failure is one log line and the last result; the next hour
// tries again.
//
// Past 300 lines because the settings, the schedule and the restore's proof share one state (the backup being
// written, the last result) that each of them must see; split, they would pass it around.
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type {
  BackupEntryDto,
  BackupKind,
  BackupResultDto,
  BackupSettingsInputDto,
  BackupsOverviewDto,
} from '../../../preload/contract/backups.js';
import type { Repositories, RunUnitOfWork } from '../db/index.js';
import type { EventBus } from '../events/event-bus.js';
import type { AccessGuard } from '../kernel/access-guard.js';
import { who, type Actor } from '../kernel/actor.js';
import { createAuditTrail } from '../kernel/audit-trail.js';
import { ERROR_CODES, type ErrorCode } from '../kernel/error-codes.js';
import { ServiceError } from '../kernel/service-error.js';
import type { Clock, TimerHandle } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';
import type { SecretBox } from '../ports/secret-box.js';
import { BackupError } from './backup-error.js';
import { backupFileName, backupInFolder, listBackups, pruneScheduled } from './backup-files.js';
import {
  asStoredBackupSettings,
  backupSettingsOf,
  BACKUPS_PASSPHRASE_KEY,
  BACKUPS_SETTINGS_KEY,
  defaultBackupFolder,
} from './backup-settings.js';
import { createBackup } from './create-backup.js';
import { proveArchive } from './prove-archive.js';
import { clearRestoreMarker, readRestoreMarker } from './restore-marker.js';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

export interface BackupServiceOptions {
  /** Time between two looks at the schedule. Default one hour. */
  checkEveryMs?: number;
}

export type BackupService = ReturnType<typeof createBackupService>;

/** A refusal of the archive as the API answers it: the file's name only (the folder is the agent's business). */
export function backupErrorParams(error: BackupError): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(error.params)) {
    if (key === 'file') params.name = basename(value);
    else params[key] = value;
  }
  return params;
}

/** The archive's code as an answer's code (every code a running agent can meet is one; any other is INTERNAL). */
function asErrorCode(code: string): ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(code) ? (code as ErrorCode) : 'INTERNAL';
}

/** The HTTP status of an archive's refusal at restore: the archive is the problem (422), or it cannot be read. */
const RESTORE_STATUS: Partial<Record<BackupError['code'], 404 | 422>> = {
  ARCHIVE_UNREADABLE: 404,
};

export function createBackupService(
  deps: {
    dataDir: string;
    unitOfWork: RunUnitOfWork;
    repos: Repositories;
    secrets: SecretBox;
    clock: Clock;
    bus: EventBus;
    logger: Logger;
    access: AccessGuard;
    appVersion: string;
  },
  { checkEveryMs = HOUR_MS }: BackupServiceOptions = {},
) {
  const { dataDir, unitOfWork, repos, secrets, clock, bus, logger, access, appVersion } = deps;
  const trail = createAuditTrail(repos, bus);
  let timer: TimerHandle | null = null;
  let stopped = true;
  let running: Promise<BackupEntryDto> | null = null;
  let lastResult: BackupResultDto | null = null;

  const stored = () => asStoredBackupSettings(repos.settings.get(BACKUPS_SETTINGS_KEY));
  const sealedPassphrase = () => repos.settings.get<string | null>(BACKUPS_PASSPHRASE_KEY) ?? null;
  const settings = () => backupSettingsOf(stored(), dataDir, sealedPassphrase() !== null);

  async function passphrase(): Promise<string | null> {
    const sealed = sealedPassphrase();
    if (sealed === null) return null;
    try {
      return await secrets.decrypt(sealed);
    } catch (error) {
      throw new BackupError('BACKUP_PASSPHRASE_UNREADABLE', {}, { cause: error });
    }
  }

  async function write(kind: BackupKind): Promise<BackupEntryDto> {
    const { folder, keep } = settings();
    const now = clock.now();
    try {
      // The default folder is the agent's to make; a folder a person chose must exist (a missing mount is a fault).
      if (folder === defaultBackupFolder(dataDir)) mkdirSync(folder, { recursive: true, mode: 0o700 });
      const name = backupFileName(kind, now);
      const result = await createBackup({
        dataDir,
        archive: join(folder, name),
        passphrase: await passphrase(),
        appVersion,
        now,
      });
      if (kind === 'scheduled') {
        const removed = pruneScheduled(folder, keep);
        if (removed.length > 0)
          logger.info('backup: older scheduled backups removed', { count: removed.length });
      }
      lastResult = { at: clock.nowIso(), kind, ok: true, name, code: null, params: {} };
      logger.info('backup written', { name, bytes: result.bytes, encrypted: result.encrypted });
      return {
        name,
        createdAt: now.toISOString(),
        bytes: result.bytes,
        encrypted: result.encrypted,
        kind,
      };
    } catch (error) {
      const known = error instanceof BackupError;
      const code = known ? error.code : 'INTERNAL';
      const params = known ? { ...backupErrorParams(error), folder } : { folder };
      lastResult = { at: clock.nowIso(), kind, ok: false, name: null, code, params };
      // One line; never the passphrase (it is in no param).
      logger.warn(`backup failed: ${code}`, known ? params : { folder, error: (error as Error).message });
      throw error;
    }
  }

  /** Runs one backup; refuses (409) when one is being written. */
  function run(kind: BackupKind): Promise<BackupEntryDto> {
    if (running) throw new ServiceError(409, 'BACKUP_RUNNING');
    running = write(kind).finally(() => {
      running = null;
    });
    return running;
  }

  function due(): boolean {
    const newest = listBackups(settings().folder).find((entry) => entry.kind === 'scheduled');
    return !newest || clock.now().getTime() - Date.parse(newest.createdAt) >= DAY_MS;
  }

  async function check(): Promise<void> {
    if (!settings().enabled || running || !due()) return;
    await run('scheduled').catch(() => undefined);
  }

  function auditRestoreMarker(): void {
    const marker = readRestoreMarker(dataDir);
    if (!marker) return;
    const now = clock.nowIso();
    unitOfWork((uow) => {
      uow.afterCommit(
        trail.append({
          at: now,
          operator: marker.actor.name,
          actor: marker.actor,
          action: 'backup.restore',
          reason: marker.reason,
          detail: {
            archive: marker.archive,
            restoredAt: marker.at,
            ok: marker.ok,
            code: marker.code,
            backupCreatedAt: marker.createdAt,
            schemaVersion: marker.schemaVersion,
            keptAside: marker.keptAside,
          },
        }),
      );
    });
    clearRestoreMarker(dataDir);
    logger.info(marker.ok ? 'restore audited' : 'failed restore audited', { archive: marker.archive });
  }

  try {
    auditRestoreMarker();
  } catch (error) {
    // A full disk: the marker stays for the next start.
    logger.warn('the last restore could not be audited yet', { error: (error as Error).message });
  }

  return {
    settings,

    overview(actor: Actor): BackupsOverviewDto {
      access.require(actor, 'admin', 'backups.read');
      const current = settings();
      return {
        settings: current,
        lastResult,
        running: running !== null,
        backups: listBackups(current.folder),
      };
    },

    async saveSettings(input: BackupSettingsInputDto, actor: Actor): Promise<BackupsOverviewDto> {
      access.require(actor, 'admin', 'backups.write');
      const before = stored();
      const next = {
        ...before,
        ...(input.folder !== undefined ? { folder: input.folder } : {}),
        ...(input.keep !== undefined ? { keep: input.keep } : {}),
        ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
      };
      const sealed = input.passphrase ? await secrets.encrypt(input.passphrase) : null;
      const clear = input.clearPassphrase === true && !sealed;
      const now = clock.nowIso();
      unitOfWork((uow) => {
        repos.settings.set(BACKUPS_SETTINGS_KEY, next, now);
        if (sealed) repos.settings.set(BACKUPS_PASSPHRASE_KEY, sealed, now);
        if (clear) repos.settings.set(BACKUPS_PASSPHRASE_KEY, null, now);
        uow.afterCommit(
          trail.append({
            at: now,
            ...who(actor),
            action: 'backup.settings-change',
            reason: actor.reason ?? null,
            detail: {
              folder: backupSettingsOf(next, dataDir, false).folder,
              keep: backupSettingsOf(next, dataDir, false).keep,
              enabled: backupSettingsOf(next, dataDir, false).enabled,
              passphraseChanged: sealed !== null,
              passphraseCleared: clear,
            },
          }),
        );
      });
      return this.overview(actor);
    },

    /** "Back up now": into the folder, audited; 409 while one is written, 503 with the code when it fails. */
    async backupNow(actor: Actor): Promise<BackupEntryDto> {
      access.require(actor, 'admin', 'backups.write');
      let entry: BackupEntryDto;
      try {
        entry = await run('manual');
      } catch (error) {
        if (error instanceof BackupError) {
          throw new ServiceError(503, asErrorCode(error.code), {
            params: { ...backupErrorParams(error), folder: settings().folder },
          });
        }
        throw error;
      }
      const now = clock.nowIso();
      unitOfWork((uow) => {
        uow.afterCommit(
          trail.append({
            at: now,
            ...who(actor),
            action: 'backup.create',
            reason: actor.reason ?? null,
            detail: { name: entry.name, bytes: entry.bytes, encrypted: entry.encrypted },
          }),
        );
      });
      return entry;
    },

    /**
     * Finds `name` in the folder and proves it would restore, changing nothing. 404 BACKUP_NOT_FOUND for any name
     * that is not one of the folder's listed archives (paths, `..`, other files), 422 with the archive's code.
     */
    async prepareRestore(
      name: string,
      given: string | null,
      actor: Actor,
    ): Promise<{ archive: string; manifest: Awaited<ReturnType<typeof proveArchive>>['manifest'] }> {
      access.require(actor, 'admin', 'backups.restore');
      const archive = backupInFolder(settings().folder, name);
      if (!archive) throw new ServiceError(404, 'BACKUP_NOT_FOUND');
      if (running) throw new ServiceError(409, 'BACKUP_RUNNING');
      try {
        const { manifest } = await proveArchive(archive, given, dataDir);
        return { archive, manifest };
      } catch (error) {
        if (error instanceof BackupError) {
          throw new ServiceError(RESTORE_STATUS[error.code] ?? 422, asErrorCode(error.code), {
            params: backupErrorParams(error),
          });
        }
        throw error;
      }
    },

    /** Resolves once a backup being written has ended (tests, the restart). */
    async idle(): Promise<void> {
      await running?.catch(() => undefined);
    },

    /** Looks at the schedule now (on the timer; tests call it too). */
    check,

    start() {
      if (!stopped) return;
      stopped = false;
      const tick = () => {
        timer = null;
        void check().finally(() => {
          if (!stopped) timer = clock.setTimeout(tick, checkEveryMs);
        });
      };
      // Not on the start's path: the first look happens as soon as the agent is up.
      timer = clock.setTimeout(tick, 0);
    },

    async stop() {
      stopped = true;
      if (timer) clock.clearTimeout(timer);
      timer = null;
      await running?.catch(() => undefined);
    },
  };
}
