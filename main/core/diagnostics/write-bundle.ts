// Writes the bundle as pretty-printed UTF-8 JSON (a person reads it, and support). Written beside its final name and
// renamed, so a full disk leaves no half file that looks like a bundle.
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { DiagnosticsError, reasonOf } from './diagnostics-error.js';
import type { DiagnosticsBundle } from './build-bundle.js';

/** @throws DiagnosticsError OUTPUT_NOT_WRITABLE (the partial file removed). Returns the bytes written. */
export function writeDiagnosticsBundle(file: string, bundle: DiagnosticsBundle): number {
  const text = `${JSON.stringify(bundle, null, 2)}\n`;
  const partial = `${file}.partial-${process.pid}`;
  try {
    writeFileSync(partial, text, { encoding: 'utf8', mode: 0o600 });
    renameSync(partial, file);
  } catch (err) {
    try {
      rmSync(partial, { force: true });
    } catch {
      // Its folder is not there or not a folder: then no partial file was made either.
    }
    throw new DiagnosticsError('OUTPUT_NOT_WRITABLE', { file, reason: reasonOf(err) }, { cause: err });
  }
  return Buffer.byteLength(text);
}
