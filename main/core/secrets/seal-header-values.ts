// The one-time step that completes migration 005: literal Header attribute values stored in clear (before they
// were sealed) move into the callback's sealed secrets, `subscribe` keeping the mask. It runs at every start,
// after the migrations and the key check, and does nothing once done: a masked value is already sealed, so only
// callbacks still holding a clear literal are touched. It is not in the migration itself because sealing goes
// through the SecretBox, which is async, and a migration runs synchronously in one transaction.
import type { Db, Repositories } from '../db/index.js';
import type { CallbackSecrets } from '../domain/callback/callback-model.js';
import { hasClearHeaderLiterals, sealHeaderValues } from '../domain/callback/sealed-headers.js';
import type { SecretBox } from '../ports/secret-box.js';

const NO_SECRETS: CallbackSecrets = {
  signingSecret: null,
  previousSigningSecret: null,
  authentication: null,
};

/** Seals the clear header literals of every callback (deleted ones too); returns how many callbacks changed. */
export async function sealStoredHeaderValues(
  db: Db,
  repos: Repositories,
  secrets: SecretBox,
): Promise<number> {
  let changed = 0;
  // Runs while the core is being built: nothing else reads or writes callbacks yet.
  for (const c of repos.callbacks.listAll()) {
    // The built-in callback has no webhook, so no header to seal.
    if (c.builtIn || !hasClearHeaderLiterals(c.subscribe)) continue;
    const current = c.secrets
      ? (JSON.parse(await secrets.decrypt(c.secrets)) as CallbackSecrets)
      : NO_SECRETS;
    const { stored, headerValues } = sealHeaderValues(c.subscribe, current.headerValues ?? []);
    const blob = await secrets.encrypt(JSON.stringify({ ...current, headerValues }));
    db.transaction(() => repos.callbacks.reseal(c.id, stored, blob));
    changed += 1;
  }
  return changed;
}
