// Reads the settings saved from the UI before the agent starts, so they can fill in what no flag or
// environment variable says.
import { existsSync } from 'node:fs';
import type { StoredSettings } from '../core/config/stored-settings.js';
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
    return await readStoredSettings(createRepositories(db), secrets);
  } finally {
    db.close();
  }
}
