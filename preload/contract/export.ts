// The file formats of the audit and history exports (issue 18): plain data, shared by the agent and the page.
export const EXPORT_FORMATS = ['csv', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The media type each format is sent as. */
export const EXPORT_TYPES = { csv: 'text/csv', jsonl: 'application/x-ndjson' } as const;

/** The types a streamed answer may take. */
export type StreamType = (typeof EXPORT_TYPES)[ExportFormat];

/** What a streamed operation's handler returns: its type and file name, then its text in chunks, made on demand. */
export interface FileStream {
  type: StreamType;
  filename: string;
  chunks: Iterable<string> | AsyncIterable<string>;
}
