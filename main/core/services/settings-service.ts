// Saved settings: kept in the database, the Stellantis password sealed apart; every change audited.
import type { Repositories, RunUnitOfWork } from '../db/index.js';
import type { SettingsInputDto } from '../../../preload/contract/settings.js';
import { SETTINGS_KEY, STELLANTIS_PASSWORD_KEY, type StoredSettings } from '../config/stored-settings.js';
import type { EventBus } from '../events/event-bus.js';
import type { Clock } from '../ports/clock.js';
import type { SecretBox } from '../ports/secret-box.js';
import { who, type Actor } from '../kernel/actor.js';
import { createAuditTrail } from '../kernel/audit-trail.js';

export type SettingsService = ReturnType<typeof createSettingsService>;

export async function readStoredSettings(
  repos: Pick<Repositories, 'settings'>,
  secrets: SecretBox,
): Promise<{ stored: StoredSettings | null; password: string | null }> {
  const stored = repos.settings.get<StoredSettings>(SETTINGS_KEY) ?? null;
  const sealed = repos.settings.get<string>(STELLANTIS_PASSWORD_KEY);
  return { stored, password: sealed ? await secrets.decrypt(sealed) : null };
}

export function createSettingsService(deps: {
  unitOfWork: RunUnitOfWork;
  repos: Repositories;
  secrets: SecretBox;
  clock: Clock;
  bus: EventBus;
}) {
  const { unitOfWork, repos, secrets, clock, bus } = deps;
  const trail = createAuditTrail(repos, bus);
  return {
    load: () => readStoredSettings(repos, secrets),

    /** Stores already-validated settings; an absent or empty password keeps the stored one. */
    async save(input: SettingsInputDto, actor: Actor): Promise<void> {
      const { password, ...stellantis } = input.stellantis;
      // Clients that do not know the wake-up budget yet send none: the saved one stays.
      const wakeUps = input.wakeUps ?? repos.settings.get<StoredSettings>(SETTINGS_KEY)?.wakeUps;
      // …and the queue's expiry likewise.
      const queueExpiryMinutes =
        input.queueExpiryMinutes ?? repos.settings.get<StoredSettings>(SETTINGS_KEY)?.queueExpiryMinutes;
      // …and the routines' settings.
      const routines = input.routines ?? repos.settings.get<StoredSettings>(SETTINGS_KEY)?.routines;
      // …and the retention.
      const saved = repos.settings.get<StoredSettings>(SETTINGS_KEY)?.retention;
      const retention = input.retention
        ? {
            ...input.retention,
            // null is a choice (forever); only an absent value keeps the saved one.
            auditDays:
              input.retention.auditDays === undefined
                ? (saved?.auditDays ?? null)
                : input.retention.auditDays,
          }
        : saved;
      const stored: StoredSettings = {
        ...input,
        stellantis,
        ...(wakeUps ? { wakeUps } : {}),
        ...(queueExpiryMinutes ? { queueExpiryMinutes } : {}),
        ...(routines ? { routines } : {}),
        ...(retention ? { retention } : {}),
      };
      const sealed = password ? await secrets.encrypt(password) : null;
      const now = clock.nowIso();
      unitOfWork((uow) => {
        repos.settings.set(SETTINGS_KEY, stored, now);
        if (sealed) repos.settings.set(STELLANTIS_PASSWORD_KEY, sealed, now);
        uow.afterCommit(
          trail.append({
            at: now,
            ...who(actor),
            action: 'settings.change',
            reason: actor.reason ?? null,
            detail: { connector: input.connector, passwordChanged: sealed !== null },
          }),
        );
      });
    },
  };
}
