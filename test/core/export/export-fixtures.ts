// Rows written straight into the harness's database (a second connection to its file, as WAL allows): years of
// audit and history in seconds, without sending as many commands.
import { databaseFile } from '../../../main/core/create-core.js';
import { createRepositories, openDatabase, type NewAuditEntry } from '../../../main/core/db/index.js';
import type { Harness } from '../../helpers/api-harness.js';
import { remoteAction } from '../../helpers/remote-action.js';
import type { RemoteAction } from '../../../main/core/domain/action.js';

export function withStore<T>(h: Harness, write: (repos: ReturnType<typeof createRepositories>) => T): T {
  const db = openDatabase(databaseFile(h.dataDir));
  try {
    return db.raw.transaction(() => write(createRepositories(db)))();
  } finally {
    db.close();
  }
}

export function addAudit(h: Harness, entries: readonly NewAuditEntry[]): void {
  withStore(h, (repos) => {
    for (const entry of entries) repos.audit.append(entry);
  });
}

export function addActions(h: Harness, actions: readonly Partial<RemoteAction>[]): void {
  withStore(h, (repos) => {
    for (const action of actions) {
      repos.actions.insert(remoteAction({ updatedAt: action.createdAt, ...action }));
    }
  });
}
