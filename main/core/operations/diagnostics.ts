// The support bundle of the running agent (issue 18): the same file `npm run agent -- diagnostics` writes, built
// from this agent's data folder on request, for an admin (it names the site's settings and shows its log).
import { buildDiagnosticsBundle, DEFAULT_LOG_LINES } from '../diagnostics/index.js';
import type { AccessGuard } from '../kernel/access-guard.js';
import type { DataFolderPort, OperationHandlers } from './ports.js';

export interface DiagnosticsDeps {
  access: AccessGuard;
  folder: DataFolderPort;
  version: string;
  now: () => number;
  env?: NodeJS.ProcessEnv;
}

export function diagnosticsHandlers({
  access,
  folder,
  version,
  now,
  env = process.env,
}: DiagnosticsDeps): Pick<OperationHandlers, 'getDiagnostics'> {
  return {
    getDiagnostics: async (_input, { actor }) => {
      access.require(actor, 'admin', 'diagnostics.read');
      const bundle = await buildDiagnosticsBundle({
        dataDir: folder.dataDir,
        databaseFile: folder.databaseFile,
        logFile: folder.logFile,
        logLines: DEFAULT_LOG_LINES,
        env,
        versions: {
          app: version,
          node: process.versions.node,
          electron: process.versions.electron ?? null,
        },
        now: new Date(now()),
        open: (sealed) => folder.open(sealed),
      });
      return bundle;
    },
  };
}
