// Reads the settings saved from the UI before the agent starts, so they can fill in what no flag or
// environment variable says.
import { existsSync } from 'node:fs';
import type { StoredSettings } from '../core/config/stored-settings.js';
import { SETTINGS_KEY } from '../core/config/stored-settings.js';
import { databaseFile } from '../core/create-core.js';
import { createRepositories, openDatabase } from '../core/db/index.js';
import type { SecretBox } from '../core/ports/secret-box.js';
import { readStoredSettings } from '../core/services/settings-service.js';

export async function loadSavedSettings(
  dataDir: string,
  secrets: SecretBox,
): Promise<{ stored: StoredSettings | null; password: string | null }> {
  const file = databaseFile(dataDir);
  if (!existsSync(file)) return { stored: null, password: null };
  const db = openDatabase(file);
  try {
    const repos = createRepositories(db);
    try {
      return await readStoredSettings(repos, secrets);
    } catch {
      // The sealed password does not open (key lost or another one): the start-up key check, which runs next,
      // refuses with the words for it, or clears it with --forget-secrets. Failing here would say less, or wrongly
      // blame the connector's configuration.
      return { stored: repos.settings.get<StoredSettings>(SETTINGS_KEY) ?? null, password: null };
    }
  } finally {
    db.close();
  }
}
