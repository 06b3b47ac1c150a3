// Reading a notification body as the network sends it (stellantis-api-notes.md N5): the fleet payload
// `{callbackId, attributes, events[]}` and the end-user message `{callbackId, attributes, type, date,
// remoteEvent}`, the latter as one object or an array (T18). Unknown fields are ignored (the schema evolves);
// unknown enum values are kept as they arrive (T17); only what the agent needs is required.
//
// Checked by hand rather than with a schema library: a 1 MB body can hold 500,000 items, and each bad one must
// cost a type check and an increment once MAX_KEPT_ERRORS errors are kept (see bounded-errors.ts), never an
// error object, a path array or a message. Each problem is a rule and its values (preload/contract/
// notification-rules.ts), worded by the clients.
//
// Event dates are read as instants and stored in one canonical UTC form (domain/event-date.ts). An event without
// one takes the time the request was received, and says so (`eventDateFromReceipt`).
import type { RemoteEvent } from '../domain/action.js';
import { canonicalEventDate } from '../domain/event-date.js';
import type { NotificationProblem } from '../db/quarantine-repository.js';
import { normaliseEventStatus, type RawEventStatus } from '../domain/lifecycle.js';
import type { NotificationDate, NotificationId } from '../../../preload/contract/notification-rules.js';
import { type BoundedErrors, boundedErrors, type Problem, quoted } from './bounded-errors.js';

export type BodyProblem = 'MALFORMED_JSON' | 'SCHEMA_MISMATCH';

export type ParsedBody =
  | { ok: true; events: RemoteEvent[] }
  | {
      ok: false;
      reason: BodyProblem;
      /** The first MAX_KEPT_ERRORS errors. */
      errors: NotificationProblem[];
      /** All of them. */
      errorCount: number;
    };

/** A path into the body, worked out only when an error is kept. */
type Path = () => string;

const ROOT: Path = () => '';
const child =
  (parent: Path, key: string | number): Path =>
  () => {
    const p = parent();
    return typeof key === 'number' ? `${p}[${key}]` : p ? `${p}.${key}` : key;
  };
const shown =
  (path: Path): Path =>
  () =>
    path() || '(body)';

type Fields = Record<string, unknown>;
const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The `at` field must be a non-empty string. */
function checkId(fields: Fields, at: string, what: NotificationId, path: Path, errors: BoundedErrors): void {
  const value = fields[at];
  if (typeof value === 'string' && value.length > 0) return;
  errors.add(child(path, at), {
    rule:
      value === undefined
        ? 'notification.required'
        : value === ''
          ? 'notification.emptyText'
          : 'notification.notText',
    params: { what },
  });
}

/** The `at` field may be absent or null; otherwise it must be a string. */
function checkOptionalText(fields: Fields, at: string, path: Path, errors: BoundedErrors): void {
  const value = fields[at];
  if (value === undefined || value === null || typeof value === 'string') return;
  errors.add(child(path, at), () => ({
    rule: 'notification.textOrNull',
    params: { name: at, got: quoted(value) },
  }));
}

/**
 * An absent (or null) date is fine: the receipt time stands in. A present one must be RFC 3339. Returns it in its
 * canonical form (read once: the event is built from it), or null when it is absent or wrong.
 */
function checkDate(
  fields: Fields,
  at: string,
  what: NotificationDate,
  path: Path,
  errors: BoundedErrors,
): string | null {
  const value = fields[at];
  if (value === undefined || value === null) return null;
  const canonical = typeof value === 'string' ? canonicalEventDate(value) : null;
  if (canonical !== null) return canonical;
  errors.add(child(path, at), () => ({
    rule: 'notification.dateTime',
    params: { what, got: quoted(value) },
  }));
  return null;
}

function checkEventStatus(fields: Fields, path: Path, errors: BoundedErrors): void {
  const status = fields.eventStatus;
  const at = child(path, 'eventStatus');
  if (!isObject(status)) {
    errors.add(at, { rule: 'notification.eventStatusRequired' });
    return;
  }
  checkId(status, 'type', 'eventType', at, errors);
  checkId(status, 'status', 'eventStatus', at, errors);
  checkOptionalText(status, 'failureCause', at, errors);
  checkOptionalText(status, 'feedbackDetail', at, errors);
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** Builds the event once its shape was checked; the status may still be one the agent cannot read. */
function toEvent(
  /** `date`: the canonical date checkDate read, null for none. */
  raw: { remoteActionId: string; vin: string | null; date: string | null; remoteType: unknown },
  status: Fields,
  path: Path,
  receivedAt: string,
  errors: BoundedErrors,
): RemoteEvent | null {
  const eventStatus = normaliseEventStatus(status as unknown as RawEventStatus);
  if (!eventStatus) {
    errors.add(child(path, 'eventStatus'), () => ({
      rule: 'notification.unreadableStatus',
      params: { type: quoted(status.type), status: quoted(status.status) },
    }));
    return null;
  }
  const dated = raw.date;
  return {
    remoteActionId: raw.remoteActionId,
    vin: raw.vin,
    eventDate: dated ?? receivedAt,
    remoteType: text(raw.remoteType) ?? '',
    eventStatus,
    ...(dated === null && { eventDateFromReceipt: true as const }),
  };
}

/** `{events: [...]}`: either every event's shape is right and their statuses are read, or nothing is. */
function readFleetPayload(
  fields: Fields,
  path: Path,
  receivedAt: string,
  events: RemoteEvent[],
  errors: BoundedErrors,
): void {
  const list = fields.events;
  const listPath = child(path, 'events');
  if (!Array.isArray(list)) {
    errors.add(listPath, { rule: 'notification.eventsNotList' });
    return;
  }
  const before = errors.count;
  const dates: (string | null)[] = new Array<string | null>(list.length);
  for (let i = 0; i < list.length; i += 1) {
    const event: unknown = list[i];
    const at = child(listPath, i);
    if (!isObject(event)) {
      errors.add(at, { rule: 'notification.eventNotObject' });
      continue;
    }
    checkId(event, 'remoteActionId', 'remoteActionId', at, errors);
    checkOptionalText(event, 'vin', at, errors);
    dates[i] = checkDate(event, 'eventDate', 'eventDate', at, errors);
    checkOptionalText(event, 'remoteType', at, errors);
    checkEventStatus(event, at, errors);
  }
  if (errors.count > before) return;
  for (let i = 0; i < list.length; i += 1) {
    const event = list[i] as Fields;
    const e = toEvent(
      {
        remoteActionId: event.remoteActionId as string,
        vin: text(event.vin),
        date: dates[i] ?? null,
        remoteType: event.remoteType,
      },
      event.eventStatus as Fields,
      child(listPath, i),
      receivedAt,
      errors,
    );
    if (e) events.push(e);
  }
}

/** `{date, remoteEvent}`: no vin, no eventDate; the message date stands in (stellantis-api-notes.md T18). */
function readEndUserMessage(
  fields: Fields,
  path: Path,
  receivedAt: string,
  events: RemoteEvent[],
  errors: BoundedErrors,
): void {
  const before = errors.count;
  const date = checkDate(fields, 'date', 'messageDate', path, errors);
  const remote = fields.remoteEvent;
  const at = child(path, 'remoteEvent');
  if (!isObject(remote)) {
    errors.add(at, { rule: 'notification.remoteEventRequired' });
    return;
  }
  checkId(remote, 'remoteActionId', 'remoteActionId', at, errors);
  checkOptionalText(remote, 'remoteType', at, errors);
  checkEventStatus(remote, at, errors);
  if (errors.count > before) return;
  const e = toEvent(
    {
      remoteActionId: remote.remoteActionId as string,
      vin: null,
      date,
      remoteType: remote.remoteType,
    },
    remote.eventStatus as Fields,
    at,
    receivedAt,
    errors,
  );
  if (e) events.push(e);
}

/** One message or payload of the body; `path` is its place (the root for a top-level object). */
function readItem(
  item: unknown,
  path: Path,
  receivedAt: string,
  events: RemoteEvent[],
  errors: BoundedErrors,
): void {
  if (!isObject(item)) {
    errors.add(shown(path), { rule: 'notification.notObject' });
    return;
  }
  if ('events' in item) return readFleetPayload(item, path, receivedAt, events, errors);
  if ('remoteEvent' in item) return readEndUserMessage(item, path, receivedAt, events, errors);
  errors.add(shown(path), {
    rule:
      item.type === 'Monitor' || 'monitorEvent' in item
        ? 'notification.monitor'
        : 'notification.unknownShape',
  });
}

/**
 * Reads the JSON value of a body. Either every event is readable, or nothing is returned but errors (the first
 * MAX_KEPT_ERRORS, and the count of all). `receivedAt` (canonical UTC) dates the events that carry no date.
 */
export function readNotification(value: unknown, receivedAt: string): ParsedBody {
  const events: RemoteEvent[] = [];
  const errors = boundedErrors();
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      readItem(value[i], child(ROOT, i), receivedAt, events, errors);
    }
  } else readItem(value, ROOT, receivedAt, events, errors);
  return errors.count > 0
    ? { ok: false, reason: 'SCHEMA_MISMATCH', errors: errors.kept, errorCount: errors.count }
    : { ok: true, events };
}

const malformed = (problem: Problem): ParsedBody => ({
  ok: false,
  reason: 'MALFORMED_JSON',
  errors: [{ field: '(body)', ...problem }],
  errorCount: 1,
});

/**
 * Parses a raw body, whatever content type it came with: UTF-8 JSON (a leading BOM tolerated), then the
 * notification shapes.
 */
export function parseNotificationBody(body: Buffer, receivedAt: string): ParsedBody {
  if (body.length === 0) return malformed({ rule: 'notification.emptyBody' });
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (err) {
    // The parser's own account (where it stopped), quoted as it comes.
    return malformed({ rule: 'notification.notJson', params: { detail: (err as Error).message } });
  }
  return readNotification(value, receivedAt);
}
