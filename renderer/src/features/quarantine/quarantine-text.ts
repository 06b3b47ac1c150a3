// The quarantine in words: why a notification was kept, where it stands, what a replay did, and its body as
// received, readable.
import type {
  QuarantineDetailDto,
  QuarantineEntryDto,
  QuarantineReasonDto,
  QuarantineReplayDto,
} from '../../../../preload/contract/quarantine.js';

export const REASON_LABELS: Record<QuarantineReasonDto, string> = {
  MALFORMED_JSON: 'Not JSON',
  SCHEMA_MISMATCH: 'Not a notification',
  UNKNOWN_ACTION: 'Unknown remote action',
};

export function stateText(entry: QuarantineEntryDto): string {
  if (entry.resolvedAt === null) return 'Needs attention';
  const by = entry.resolvedBy ? ` by ${entry.resolvedBy}` : '';
  return entry.resolution === 'Replayed' ? `Replayed${by}` : `Resolved${by}, nothing applied`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** "and 3 more" when a list shows only the first of `count`. */
export function moreText(shown: number, count: number): string | null {
  return count > shown ? `and ${(count - shown).toLocaleString()} more` : null;
}

export function replayOutcomeText(result: QuarantineReplayDto): {
  title: string;
  text: string;
  color: string;
} {
  const stored = plural(result.stored, 'event');
  const duplicates =
    result.duplicates > 0 ? ` (${plural(result.duplicates, 'event was', 'events were')} already stored)` : '';
  switch (result.outcome) {
    case 'Applied':
      return {
        title: 'Applied',
        text: `${stored} stored${duplicates}. The notification is resolved.`,
        color: 'green',
      };
    case 'StillUnknownAction':
      return {
        title: 'Still waiting for an unknown remote action',
        text:
          `${stored} of known remote actions stored${duplicates}; the others still name remote actions this ` +
          'agent does not know. It is replayed by itself once they appear, or resolve it.',
        color: 'orange',
      };
    case 'StillInvalid':
      return {
        title: 'Still invalid',
        text: 'The body still is not a notification this agent can read: nothing was applied. Resolve it once the sender is fixed.',
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
  if (bytes < 1024) return plural(bytes, 'byte');
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
