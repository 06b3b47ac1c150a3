import type { ActionEventRecord } from '../domain/action.js';
import { canonicalEventDate } from '../domain/event-date.js';
import { toJsonOrNull } from './json-column.js';
import type { Db } from './open-database.js';
import type { NewActionEvent } from './records.js';

interface EventRow {
  seq: number;
  remote_action_id: string;
  event_date: string;
  received_at: string;
  event_type: ActionEventRecord['eventType'];
  status: string;
  failure_cause: string | null;
  feedback_detail: string | null;
  source: ActionEventRecord['source'];
  applied: number;
  event_date_from_receipt: number;
}

const COLUMNS = `seq, remote_action_id, event_date, received_at, event_type, status, failure_cause,
  feedback_detail, source, applied, event_date_from_receipt`;

// Positional parameters (hot: every stored event), which better-sqlite3 binds faster than named ones.
const INSERT = `INSERT INTO action_events (remote_action_id, event_date, received_at, event_type,
  status, failure_cause, feedback_detail, source, applied, raw, event_date_from_receipt)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

// DO NOTHING (not OR IGNORE): only the dedupe identity is tolerated; a CHECK or foreign key failure still throws.
// A dated event's identity is (action, type, status, instant): eventDate is canonical UTC, so the spellings of
// one instant are one event.
const INSERT_IF_NEW_SQL = `${INSERT}
  ON CONFLICT (remote_action_id, event_type, status, event_date) DO NOTHING
  RETURNING seq`;

// An event the network sent without a date is dated by its receipt, which differs at each redelivery: its
// identity is (action, type, status, failure cause) among such events (index action_events_receipt_identity).
// It also meets the dated identity: one with the same status at that very millisecond is the same event.
const INSERT_UNDATED_IF_NEW_SQL = `${INSERT}
  ON CONFLICT (remote_action_id, event_type, status, ifnull(failure_cause, ''))
    WHERE event_date_from_receipt = 1 DO NOTHING
  ON CONFLICT (remote_action_id, event_type, status, event_date) DO NOTHING
  RETURNING seq`;

/** Hot: an action's timeline, in the order things happened (arrival order breaks ties). */
export const EVENTS_FOR_ACTION_SQL = `SELECT ${COLUMNS} FROM action_events
  WHERE remote_action_id = @remoteActionId ORDER BY event_date, seq`;

export interface EventsRepository {
  /**
   * Stores the event unless one with the same identity exists (stellantis-api-notes.md N12.7): (action, type,
   * status, eventDate as an instant), or for an event dated by its receipt (action, type, status, failure
   * cause). eventDate is stored in canonical UTC. Returns the stored record, or null for a duplicate. Throws
   * on a date that is not RFC 3339.
   */
  insertIfNew(remoteActionId: string, event: NewActionEvent): ActionEventRecord | null;
  /** The same, with the action's id inside the event. */
  insertIfNew(event: NewActionEvent & { remoteActionId: string }): ActionEventRecord | null;
  listForAction(remoteActionId: string): ActionEventRecord[];
}

export function createEventsRepository(db: Db): EventsRepository {
  const insert = db.raw.prepare<unknown[], number>(INSERT_IF_NEW_SQL).pluck();
  const insertUndated = db.raw.prepare<unknown[], number>(INSERT_UNDATED_IF_NEW_SQL).pluck();
  const list = db.raw.prepare<{ remoteActionId: string }, EventRow>(EVENTS_FOR_ACTION_SQL);

  return {
    insertIfNew(
      first: string | (NewActionEvent & { remoteActionId: string }),
      second?: NewActionEvent,
    ): ActionEventRecord | null {
      const [remoteActionId, event] =
        typeof first === 'string' ? [first, second] : [first.remoteActionId, first];
      if (!event) throw new TypeError('events.insertIfNew: the event is missing.');
      const eventDate = canonicalEventDate(event.eventDate);
      if (eventDate === null) {
        throw new TypeError(
          `events.insertIfNew: eventDate '${event.eventDate}' is not an RFC 3339 date-time with an offset.`,
        );
      }
      const fromReceipt = event.eventDateFromReceipt === true;
      const seq = (fromReceipt ? insertUndated : insert).get(
        remoteActionId,
        eventDate,
        event.receivedAt,
        event.eventType,
        event.status,
        event.failureCause,
        event.feedbackDetail,
        event.source,
        event.applied ? 1 : 0,
        toJsonOrNull(event.raw, 'action_events.raw'),
        fromReceipt ? 1 : 0,
      );
      if (seq === undefined) return null;
      return {
        seq,
        remoteActionId,
        eventDate,
        receivedAt: event.receivedAt,
        eventType: event.eventType,
        status: event.status,
        failureCause: event.failureCause,
        feedbackDetail: event.feedbackDetail,
        source: event.source,
        applied: event.applied,
        eventDateFromReceipt: fromReceipt,
      };
    },
    listForAction(remoteActionId) {
      return list.all({ remoteActionId }).map(toRecord);
    },
  };
}

function toRecord(row: EventRow): ActionEventRecord {
  return {
    seq: row.seq,
    remoteActionId: row.remote_action_id,
    eventDate: row.event_date,
    receivedAt: row.received_at,
    eventType: row.event_type,
    status: row.status,
    failureCause: row.failure_cause,
    feedbackDetail: row.feedback_detail,
    source: row.source,
    applied: row.applied === 1,
    eventDateFromReceipt: row.event_date_from_receipt === 1,
  };
}
