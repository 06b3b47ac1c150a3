// The support bundle (issue 18): built from a data folder without writing to it, written to one JSON file.
export { buildDiagnosticsBundle, BUNDLE_FORMAT } from './build-bundle.js';
export type { BundleRequest, DiagnosticsBundle } from './build-bundle.js';
export { DiagnosticsError } from './diagnostics-error.js';
export type { DiagnosticsProblem } from './diagnostics-error.js';
export { currentLogFile, DEFAULT_LOG_LINES } from './log-tail.js';
export { REMOVED } from './mask-secrets.js';
export { writeDiagnosticsBundle } from './write-bundle.js';
