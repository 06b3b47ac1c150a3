import { initial } from './001-initial.js';
import { outbox } from './002-outbox.js';
import { quarantine } from './003-quarantine.js';
import { quarantineBounds } from './004-quarantine-bounds.js';
import { sealedHeaderValues } from './005-sealed-header-values.js';
import { upstreamActionIds } from './006-upstream-action-ids.js';
import { deliveryPayloads } from './007-delivery-payloads.js';
import { builtInCallback } from './008-built-in-callback.js';
import { operators } from './009-operators.js';
import { actionQueue } from './010-action-queue.js';
import { routines } from './011-routines.js';
import { auditRetention } from './012-audit-retention.js';
import type { Migration } from './migration.js';

export type { Migration } from './migration.js';

/** Every migration, oldest first. Append new ones; never reorder, edit or remove a released one. */
export const MIGRATIONS: readonly Migration[] = [
  initial,
  outbox,
  quarantine,
  quarantineBounds,
  sealedHeaderValues,
  upstreamActionIds,
  deliveryPayloads,
  builtInCallback,
  operators,
  actionQueue,
  routines,
  auditRetention,
];
