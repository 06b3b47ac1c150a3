// Reading a notification body as the network sends it (stellantis-api.md §7): the fleet payload
// `{callbackId, attributes, events[]}` and the end-user message `{callbackId, attributes, type, date,
// remoteEvent}`, the latter as one object or an array (§7.2). Unknown fields are ignored (the schema evolves);
// unknown enum values are kept as they arrive (§8.4, §13 #23); only what the agent needs is required.
import { z } from 'zod';
import type { RemoteEvent } from '../domain/action.js';
import type { FieldError } from '../domain/field-error.js';
import { normaliseEventStatus } from '../domain/lifecycle.js';

export type BodyProblem = 'MALFORMED_JSON' | 'SCHEMA_MISMATCH';

export type ParsedBody =
  { ok: true; events: RemoteEvent[] } | { ok: false; reason: BodyProblem; errors: FieldError[] };

const required = (what: string) => ({
  error: (issue: { input: unknown }) =>
    issue.input === undefined ? `Required: ${what}.` : `Expected ${what} as a non-empty string.`,
});

const id = (what: string) => z.string(required(what)).min(1, `Expected ${what}, got an empty string.`);
const optionalText = z.string().nullish();
const rfc3339 = (what: string) =>
  z.iso.datetime({
    offset: true,
    error: (issue) =>
      issue.input === undefined
        ? `Required: ${what} (RFC 3339).`
        : `Expected ${what} as an RFC 3339 date-time with an offset, e.g. 2024-05-01T08:00:01Z.`,
  });

const eventStatusSchema = z.object(
  {
    type: id('the event type (Pending or Done)'),
    status: id('the event status'),
    failureCause: optionalText,
    feedbackDetail: optionalText,
  },
  { error: 'Required: eventStatus {type, status}.' },
);

const fleetEventSchema = z.object(
  {
    remoteActionId: id('the remote action id'),
    vin: optionalText,
    eventDate: rfc3339('the event date'),
    remoteType: optionalText,
    eventStatus: eventStatusSchema,
  },
  { error: 'Expected an event object.' },
);

const fleetPayloadSchema = z.object({
  events: z.array(fleetEventSchema, { error: 'Expected events as a list.' }),
});

const endUserMessageSchema = z.object({
  date: rfc3339('the message date'),
  remoteEvent: z.object(
    {
      remoteActionId: id('the remote action id'),
      remoteType: optionalText,
      eventStatus: eventStatusSchema,
    },
    { error: 'Required: remoteEvent.' },
  ),
});

type FleetEvent = z.infer<typeof fleetEventSchema>;
type EventStatusInput = z.infer<typeof eventStatusSchema>;

/** `a.b[2].c` from a zod path. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
}

function issuesOf(error: z.ZodError, prefix: readonly PropertyKey[]): FieldError[] {
  return error.issues.map((issue) => ({
    field: fieldPath([...prefix, ...issue.path]) || '(body)',
    message: issue.message,
  }));
}

function toEvent(
  raw: { remoteActionId: string; vin: string | null; eventDate: string; remoteType?: string | null },
  status: EventStatusInput,
  at: readonly PropertyKey[],
  errors: FieldError[],
): RemoteEvent | null {
  const eventStatus = normaliseEventStatus(status);
  if (!eventStatus) {
    errors.push({
      field: fieldPath([...at, 'eventStatus']),
      message:
        `type '${status.type}' with status '${status.status}' is not an event status the agent can read ` +
        '(type Pending, Done or Failed; a Done status is Success, AlreadyDone or Failed).',
    });
    return null;
  }
  return {
    remoteActionId: raw.remoteActionId,
    vin: raw.vin,
    eventDate: raw.eventDate,
    remoteType: raw.remoteType ?? '',
    eventStatus,
  };
}

/** One message or payload of the body; `at` is its path (empty for a top-level object). */
function readItem(item: unknown, at: readonly PropertyKey[], events: RemoteEvent[], errors: FieldError[]) {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    errors.push({
      field: fieldPath(at) || '(body)',
      message: 'Expected a notification object ({events: [...]} or {date, remoteEvent}).',
    });
    return;
  }
  const fields = item as Record<string, unknown>;
  if ('events' in fields) {
    const parsed = fleetPayloadSchema.safeParse(item);
    if (!parsed.success) {
      errors.push(...issuesOf(parsed.error, at));
      return;
    }
    parsed.data.events.forEach((event: FleetEvent, i) => {
      const path = [...at, 'events', i];
      const e = toEvent({ ...event, vin: event.vin ?? null }, event.eventStatus, path, errors);
      if (e) events.push(e);
    });
    return;
  }
  if ('remoteEvent' in fields) {
    const parsed = endUserMessageSchema.safeParse(item);
    if (!parsed.success) {
      errors.push(...issuesOf(parsed.error, at));
      return;
    }
    // End-user messages carry no vin and no eventDate: the message date stands in (§7.2).
    const { date, remoteEvent } = parsed.data;
    const e = toEvent(
      {
        remoteActionId: remoteEvent.remoteActionId,
        vin: null,
        eventDate: date,
        remoteType: remoteEvent.remoteType,
      },
      remoteEvent.eventStatus,
      [...at, 'remoteEvent'],
      errors,
    );
    if (e) events.push(e);
    return;
  }
  errors.push({
    field: fieldPath(at) || '(body)',
    message:
      fields.type === 'Monitor' || 'monitorEvent' in fields
        ? 'A monitor message: Depot Remote handles remote action events only.'
        : 'Neither a fleet notification (events) nor an end-user message (remoteEvent).',
  });
}

/** Parses the JSON value of a body. Either every event is readable, or nothing is returned but errors. */
export function readNotification(value: unknown): ParsedBody {
  const events: RemoteEvent[] = [];
  const errors: FieldError[] = [];
  if (Array.isArray(value)) value.forEach((item, i) => readItem(item, [i], events, errors));
  else readItem(value, [], events, errors);
  return errors.length > 0 ? { ok: false, reason: 'SCHEMA_MISMATCH', errors } : { ok: true, events };
}

/** Parses a raw body: JSON first (a leading BOM tolerated), then the notification shapes. */
export function parseNotificationBody(body: Buffer): ParsedBody {
  if (body.length === 0) {
    return {
      ok: false,
      reason: 'MALFORMED_JSON',
      errors: [{ field: '(body)', message: 'The body is empty.' }],
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (err) {
    return {
      ok: false,
      reason: 'MALFORMED_JSON',
      errors: [{ field: '(body)', message: `Not JSON: ${(err as Error).message}` }],
    };
  }
  return readNotification(value);
}
