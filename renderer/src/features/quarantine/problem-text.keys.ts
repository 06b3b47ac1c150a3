// The `errors` catalog keys the clients build at run time for a quarantined request's problems (test/i18n
// checks each exists): `rule.<rule>` for every rule the receiver records (problem-text.ts words them).
import { NOTIFICATION_RULES } from '../../../../preload/contract/notification-rules.js';

export const dynamicKeys = {
  'errors:rule.': NOTIFICATION_RULES,
} satisfies Record<string, readonly string[]>;
