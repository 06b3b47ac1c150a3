import { initial } from './001-initial.js';
import { outbox } from './002-outbox.js';
import { quarantine } from './003-quarantine.js';
import type { Migration } from './migration.js';

export type { Migration } from './migration.js';

/** Every migration, oldest first. Append new ones; never reorder, edit or remove a released one. */
export const MIGRATIONS: readonly Migration[] = [initial, outbox, quarantine];
