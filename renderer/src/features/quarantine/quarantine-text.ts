// The quarantine in words: why a notification was kept, where it stands, what a replay did, and its body as
// received, readable.
import type {
  QuarantineDetailDto,
  QuarantineEntryDto,
  QuarantineReasonDto,
  QuarantineReplayDto,
} from '../../../../preload/contract/quarantine.js';
import { formatNumber } from '../../i18n/format.js';
import { t } from '../../i18n/index.js';

/** Why a notification was kept, in a few words. */
export function reasonLabel(reason: QuarantineReasonDto): string {
  switch (reason) {
    case 'MALFORMED_JSON':
      return t('quarantine:reason.malformedJson');
    case 'SCHEMA_MISMATCH':
      return t('quarantine:reason.schemaMismatch');
    case 'UNKNOWN_ACTION':
      return t('quarantine:reason.unknownAction');
  }
}

/** Remote action ids named in the sentence; the rest are counted. */
const NAMED_ACTION_IDS = 3;

/**
 * Why a notification was kept, in a sentence (the entry's `message` is the agent's English one; this one is in the
 * chosen language, from the code and the remote action ids).
 */
export function reasonSentence(
  entry: Pick<QuarantineEntryDto, 'reason' | 'remoteActionIds' | 'remoteActionIdCount'>,
): string {
  switch (entry.reason) {
    case 'MALFORMED_JSON':
      return t('quarantine:reason.malformedJson.sentence');
    case 'SCHEMA_MISMATCH':
      return t('quarantine:reason.schemaMismatch.sentence');
    case 'UNKNOWN_ACTION': {
      const named = entry.remoteActionIds.slice(0, NAMED_ACTION_IDS);
      return t('quarantine:reason.unknownAction.sentence', {
        count: entry.remoteActionIdCount,
        ids: named.join(', '),
        more: Math.max(0, entry.remoteActionIdCount - named.length),
      });
    }
  }
}

export function stateText(entry: QuarantineEntryDto): string {
  if (entry.resolvedAt === null) return t('quarantine:state.needsAttention');
  const by = entry.resolvedBy;
  if (entry.resolution === 'Replayed')
    return by ? t('quarantine:state.replayedBy', { name: by }) : t('quarantine:state.replayed');
  return by ? t('quarantine:state.resolvedBy', { name: by }) : t('quarantine:state.resolved');
}

/** "and 3 more" when a list shows only the first of `count`. */
export function moreText(shown: number, count: number): string | null {
  return count > shown ? t('quarantine:more', { count: count - shown }) : null;
}

export function replayOutcomeText(result: QuarantineReplayDto): {
  title: string;
  text: string;
  color: string;
} {
  const counts = { stored: result.stored, duplicates: result.duplicates };
  switch (result.outcome) {
    case 'Applied':
      return {
        title: t('quarantine:replay.applied.title'),
        text: t('quarantine:replay.applied.text', counts),
        color: 'green',
      };
    case 'StillUnknownAction':
      return {
        title: t('quarantine:replay.stillUnknown.title'),
        text: t('quarantine:replay.stillUnknown.text', counts),
        color: 'orange',
      };
    case 'StillInvalid':
      return {
        title: t('quarantine:replay.stillInvalid.title'),
        text: t('quarantine:replay.stillInvalid.text'),
        color: 'red',
      };
  }
}

/**
 * The body for reading. JSON is re-indented token by token rather than parsed and printed again: numbers keep
 * their digits (a parse would round those past 2^53) and duplicate keys stay, so what is shown is what was
 * received. Text that is not JSON is shown as it is; bytes that are not UTF-8 as their base64.
 */
export function bodyView(detail: Pick<QuarantineDetailDto, 'body' | 'bodyEncoding'>): {
  kind: 'json' | 'text' | 'base64';
  text: string;
} {
  if (detail.bodyEncoding === 'base64') return { kind: 'base64', text: detail.body };
  try {
    JSON.parse(detail.body);
  } catch {
    return { kind: 'text', text: detail.body };
  }
  return { kind: 'json', text: indentJson(detail.body) };
}

/** Re-indents valid JSON text with two spaces; string and number tokens are copied as they are. */
export function indentJson(json: string): string {
  let out = '';
  let depth = 0;
  const newline = () => `\n${'  '.repeat(depth)}`;
  for (let i = 0; i < json.length; i += 1) {
    const c = json[i]!;
    if (c === '"') {
      let end = i + 1;
      while (json[end] !== '"') end += json[end] === '\\' ? 2 : 1;
      out += json.slice(i, end + 1);
      i = end;
    } else if (c === '{' || c === '[') {
      // An empty object or array stays on its line.
      let next = i + 1;
      while (/\s/.test(json[next] ?? '')) next += 1;
      if (json[next] === (c === '{' ? '}' : ']')) {
        out += c === '{' ? '{}' : '[]';
        i = next;
      } else {
        depth += 1;
        out += c + newline();
      }
    } else if (c === '}' || c === ']') {
      depth -= 1;
      out += newline() + c;
    } else if (c === ',') {
      out += c + newline();
    } else if (c === ':') {
      out += ': ';
    } else if (!/\s/.test(c)) {
      out += c;
    }
  }
  return out;
}

export function sizeText(bytes: number): string {
  if (bytes < 1024) return t('quarantine:size.bytes', { count: bytes });
  const tenth = { minimumFractionDigits: 1, maximumFractionDigits: 1 };
  if (bytes < 1024 * 1024) return t('quarantine:size.kb', { size: formatNumber(bytes / 1024, tenth) });
  return t('quarantine:size.mb', { size: formatNumber(bytes / (1024 * 1024), tenth) });
}
