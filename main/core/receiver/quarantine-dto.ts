// Quarantine records → the contract's DTOs. A list item is a glance: no body, no errors, at most
// LISTED_ACTION_IDS action ids; the detail of one entry has the rest.
import type { QuarantineDetailDto, QuarantineEntryDto } from '../../../preload/contract/quarantine.js';
import type { QuarantineRecord, QuarantineSummary } from '../db/index.js';

const LISTED_ACTION_IDS = 100;
/** Action ids named in the message. */
const NAMED_ACTION_IDS = 3;

function messageOf(entry: QuarantineSummary): string {
  switch (entry.reason) {
    case 'MALFORMED_JSON':
      return 'The body is not JSON. Nothing of it was applied.';
    case 'SCHEMA_MISMATCH':
      return 'The body is JSON but not a notification the agent can read. Nothing of it was applied.';
    case 'UNKNOWN_ACTION': {
      const ids = entry.actionIds;
      const more = ids.length - NAMED_ACTION_IDS;
      const named = ids.slice(0, NAMED_ACTION_IDS).join(', ') + (more > 0 ? ` and ${more} more` : '');
      return (
        `Events for ${ids.length === 1 ? 'a remote action' : `${ids.length} remote actions`} this agent does ` +
        `not know (${named}); the rest of the request was applied. Replay it once the action exists.`
      );
    }
  }
}

export function toQuarantineEntryDto(entry: QuarantineSummary): QuarantineEntryDto {
  return {
    id: entry.id,
    callbackId: entry.callbackId,
    receivedAt: entry.receivedAt,
    reason: entry.reason,
    message: messageOf(entry),
    errorCount: entry.errorCount,
    contentType: entry.contentType,
    size: entry.size,
    remoteActionIds: entry.actionIds.slice(0, LISTED_ACTION_IDS),
    remoteActionIdCount: entry.actionIds.length,
    replays: entry.replays,
    lastReplayAt: entry.lastReplayAt,
    resolvedAt: entry.resolvedAt,
    resolvedBy: entry.resolvedBy,
    resolution: entry.resolution,
  };
}

const decoder = new TextDecoder('utf-8', { fatal: true });

export function toQuarantineDetailDto(record: QuarantineRecord): QuarantineDetailDto {
  let body: string;
  let bodyEncoding: 'utf8' | 'base64' = 'utf8';
  try {
    body = decoder.decode(record.body);
  } catch {
    body = record.body.toString('base64');
    bodyEncoding = 'base64';
  }
  return {
    ...toQuarantineEntryDto(record),
    errors: record.errors,
    body,
    bodyEncoding,
    headers: record.headers,
    remoteAddress: record.remoteAddress,
  };
}
