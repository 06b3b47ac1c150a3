// The audit keys built at run time: each kind of entry (the vocabulary's AUDIT_ACTIONS), the fields an entry's
// detail may carry, and the values worded for a person (how someone signed in, what a PIN was checked for).
import { AUDIT_ACTIONS } from '../../../../preload/contract/vocabulary.js';
import { AUDIT_DETAIL_FIELDS, SIGN_IN_HOWS, PIN_PURPOSES } from './audit-detail-fields.js';

export const dynamicKeys = {
  'audit:action.': AUDIT_ACTIONS,
  'audit:detail.field.': AUDIT_DETAIL_FIELDS,
  'audit:detail.how.': SIGN_IN_HOWS,
  'audit:detail.purpose.': PIN_PURPOSES,
} satisfies Record<string, readonly string[]>;
