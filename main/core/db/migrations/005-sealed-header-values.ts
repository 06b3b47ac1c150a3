import type { Migration } from './migration.js';

// Sealed header values, and callbacks whose secrets were lost.
//
// Literal Header attribute values (API keys for site systems) are now sealed at rest with the callback's other
// secrets, `subscribe` keeping the mask "••••" in their place. Sealing goes through the SecretBox, which is async
// (the desktop's safeStorage API is), while a migration runs synchronously inside one SQLite transaction: so the
// existing values are sealed by a one-time step at start, right after the migrations (core/secrets/
// seal-header-values.ts). That step is idempotent: a masked value is already sealed (the mask cannot be a real
// header value: it is outside Latin-1), a clear literal is not yet.
//
// `secrets_lost` marks a callback whose sealed secrets were cleared by `--forget-secrets` (the key that opened
// them was lost): its signing secret, authentication and sealed header values must be entered again, and its
// deliveries are held until they are.
export const sealedHeaderValues: Migration = {
  version: 5,
  name: 'sealed-header-values',
  up(db) {
    db.exec(
      `ALTER TABLE callbacks ADD COLUMN secrets_lost INTEGER NOT NULL DEFAULT 0 CHECK (secrets_lost IN (0, 1))`,
    );
  },
};
