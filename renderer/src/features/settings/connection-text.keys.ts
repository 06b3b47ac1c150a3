// The settings keys built at run time: each connection check's name and status, and each sentence the agent's
// connection test can send (the contract's CONNECTION_MESSAGE_CODES).
import { CONNECTION_MESSAGE_CODES } from '../../../../preload/contract/connection-messages.js';
import {
  CONNECTION_CHECK_NAMES,
  CONNECTION_CHECK_STATUSES,
} from '../../../../preload/contract/connection.js';

export const dynamicKeys = {
  'settings:connection.check.': CONNECTION_CHECK_NAMES,
  'settings:connection.status.': CONNECTION_CHECK_STATUSES,
  'settings:connection.says.': CONNECTION_MESSAGE_CODES,
} satisfies Record<string, readonly string[]>;
