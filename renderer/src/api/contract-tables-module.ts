// The source of contract-tables.ts as the renderer's production build ships it: the same exports, computed here
// (at build time, in Node) from the contract and written as literals. Used by electron.vite.config.ts and by the
// test that holds it equal to the contract.
import { CHANGE_EVENT_NAMES } from '../../../preload/contract/events.js';
import { OPERATIONS } from '../../../preload/contract/operations/index.js';
import { routesOf } from './http-routes.js';

/** Where the build substitutes the module (an absolute path, as Vite's ids are). */
export const CONTRACT_TABLES_FILE = 'renderer/src/api/contract-tables.ts';

export function contractTablesModule(): string {
  return [
    '// Generated at build time from the contract (renderer/src/api/contract-tables-module.ts).',
    `export const OPERATION_ROUTES = ${JSON.stringify(routesOf(OPERATIONS))};`,
    `export const CHANGE_EVENTS = ${JSON.stringify(CHANGE_EVENT_NAMES)};`,
    '',
  ].join('\n');
}
