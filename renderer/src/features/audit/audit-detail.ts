// An audit entry's detail (any JSON the core recorded) as lines a person reads: "Role: Technician → Supervisor",
// "Expires: 3 Dec, 14:02:55". Field names and the values the product words (roles, policy keys, yes/no, how someone
// signed in) come from the catalogs; instants and numbers take the reader's format; any other value (an id, a code,
// a name) shows as recorded. Nested objects (a request body, counts) read as "name: value" pairs.
import { isRole } from '../../../../preload/contract/vocabulary.js';
import { shortClockText } from '../../components/time-text.js';
import { formatList, formatNumber } from '../../i18n/format.js';
import { t } from '../../i18n/index.js';
import { roleLabel } from '../access/access-text.js';
import { isPolicyKey, policyKeyLabel } from '../policy/policy-text.js';
import {
  AUDIT_DETAIL_FIELDS,
  type AuditDetailField,
  PIN_PURPOSES,
  SIGN_IN_HOWS,
} from './audit-detail-fields.js';

export interface DetailLine {
  field: string;
  label: string;
  value: string;
}

/** Shown in the entry's own columns already. */
const OWN_COLUMNS = new Set(['vin']);
/** Fields whose value is a role (or a policy rule's before and after). */
const ROLE_FIELDS = new Set(['role', 'needed', 'from', 'to']);
/** A value longer than this is cut: the detail must not push the reason out of sight. */
const MAX_VALUE = 160;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

const isKnownField = (field: string): field is AuditDetailField =>
  (AUDIT_DETAIL_FIELDS as readonly string[]).includes(field);
const oneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function fieldLabel(field: string): string {
  return isKnownField(field) ? t(`audit:detail.field.${field}`) : field;
}

function textOf(field: string, value: string): string {
  if (ISO_INSTANT.test(value)) return shortClockText(value);
  if (ROLE_FIELDS.has(field) && isRole(value)) return roleLabel(value);
  if (field === 'key' && isPolicyKey(value)) return policyKeyLabel(value);
  if (field === 'how' && oneOf(SIGN_IN_HOWS, value)) return t(`audit:detail.how.${value}`);
  if (field === 'purpose' && oneOf(PIN_PURPOSES, value)) return t(`audit:detail.purpose.${value}`);
  return value;
}

/** A value in words; `field` is the name it was recorded under (what it means depends on it). */
export function valueText(field: string, value: unknown): string {
  if (value === null || value === undefined) return t('audit:detail.none');
  if (typeof value === 'boolean') return value ? t('audit:detail.yes') : t('audit:detail.no');
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return textOf(field, value);
  if (Array.isArray(value)) {
    // A change recorded as [before, after] (a role, the idle lock).
    if ((field === 'role' || field === 'idleLockMinutes') && value.length === 2)
      return t('audit:detail.change', { from: valueText(field, value[0]), to: valueText(field, value[1]) });
    if (value.every((v) => !isObject(v) && !Array.isArray(v)))
      return formatList(value.map((v) => valueText(field, v)));
    return value.map((v) => valueText(field, v)).join('; ');
  }
  if (isObject(value)) {
    // A policy rule changed: "Doors: unlock: Technician → Supervisor".
    if (isPolicyKey(value.key) && 'from' in value && 'to' in value)
      return t('audit:detail.pair', {
        label: policyKeyLabel(value.key),
        value: t('audit:detail.change', {
          from: valueText('from', value.from),
          to: valueText('to', value.to),
        }),
      });
    return Object.entries(value)
      .map(([k, v]) => t('audit:detail.pair', { label: k, value: valueText(k, v) }))
      .join(', ');
  }
  return String(value);
}

const cut = (text: string) => (text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}…` : text);

/** The detail's lines, in the order recorded; none for an empty detail. A detail that is not an object is one line. */
export function detailLines(detail: unknown): DetailLine[] {
  if (detail === null || detail === undefined) return [];
  if (!isObject(detail)) return [{ field: '', label: '', value: cut(valueText('', detail)) }];
  return Object.entries(detail)
    .filter(([field, value]) => !OWN_COLUMNS.has(field) && value !== null && value !== undefined)
    .map(([field, value]) => ({ field, label: fieldLabel(field), value: cut(valueText(field, value)) }));
}
