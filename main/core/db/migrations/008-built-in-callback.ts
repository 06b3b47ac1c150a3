import type { Migration } from './migration.js';

// The built-in callback, "This workstation" (issue 14): every data folder has it, new ones and existing ones, so a
// command can be sent out of the box. Its notifications stay on the workstation (history, UI, tray), so it has no
// webhook: its `subscribe` is only its label and the nine remote types, and it holds no secrets of its own.
//
// Its receiver secret (what the network sends back in x-depot-secret when it delivers to our receiver) is left NULL
// here and sealed at start by the callbacks service (ensureBuiltIn): sealing goes through the SecretBox, which is
// async, while a migration runs synchronously inside one SQLite transaction (the same split as 005). Until then the
// receiver answers 404 for it and it is not registered upstream; both follow at the first start.
//
// The id, label and remote types are written out, as in 001: a released migration describes what it did, whatever
// the domain's constants become (a test checks they match domain/callback/built-in.ts today).

const REMOTE_TYPES = [
  'ElectricBatteryChargingRequest',
  'Stolen',
  'Lights',
  'WakeUp',
  'ThermalPreconditioning',
  'Doors',
  'Horn',
  'Immobilization',
  'Navigation',
];

const SCHEMA = `
ALTER TABLE callbacks ADD COLUMN built_in INTEGER NOT NULL DEFAULT 0
  CONSTRAINT built_in_flag CHECK (built_in IN (0, 1))
  -- The store itself keeps the built-in what it is: no webhook, no sealed secrets of its own, never deleted.
  CONSTRAINT built_in_local_only CHECK (built_in = 0 OR (secrets IS NULL AND deleted_at IS NULL
    AND json_type(subscribe, '$.callback') IS NULL));

-- At most one.
CREATE UNIQUE INDEX callbacks_one_built_in ON callbacks (built_in) WHERE built_in = 1;
`;

const INSERT = `
INSERT INTO callbacks (id, label, subscribe, status, secrets, receiver_secret, upstream_id, secrets_lost,
  created_at, updated_at, deleted_at, built_in)
VALUES ('workstation', 'This workstation', json(@subscribe), 'Running', NULL, NULL, NULL, 0, @now, @now, NULL, 1)
`;

export const builtInCallback: Migration = {
  version: 8,
  name: 'built-in-callback',
  up(db) {
    // A migration has no clock but the wall clock: the row is created when the folder gains it.
    const now = new Date().toISOString();
    const subscribe = JSON.stringify({ label: 'This workstation', remoteTypes: REMOTE_TYPES });
    db.exec(SCHEMA);
    db.prepare(INSERT).run({ subscribe, now });
  },
};
