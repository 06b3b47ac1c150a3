// The connection check, as far as it goes without the network: the simulator has nothing to check; for Stellantis,
// the settings and the certificate files are read and the certificate's dates checked, but no host is contacted
// (a support bundle must not spend the fleet's rate-limit budget or leave traces upstream).
import { readFileSync } from 'node:fs';
import { certificateCheck } from '../connector/stellantis/connection-findings.js';
import { parseStellantisConfig, STELLANTIS_ENV } from '../connector/stellantis/stellantis-config.js';
import { stellantisEnvLayer, type StoredSettings } from '../config/stored-settings.js';

export type ConnectionSummary =
  | { connector: 'simulator'; status: 'nothing-to-check' }
  | {
      connector: 'stellantis';
      /** Local checks only; the network steps (host, TLS, credentials, fleet, budget) are not run. */
      status: 'ok' | 'warning' | 'problem';
      networkChecked: false;
      checks: { name: 'configuration' | 'certificate'; status: string; code: string; message: string }[];
    };

/** Stands for the stored password, which is never opened here: only whether there is one matters. */
const PASSWORD_PRESENT = 'stored-password-present';

export function connectionSummary(
  stored: StoredSettings | null,
  hasStoredPassword: boolean,
  env: NodeJS.ProcessEnv,
  now: Date,
): ConnectionSummary {
  const connector = env.DEPOT_REMOTE_CONNECTOR || stored?.connector || 'simulator';
  if (connector !== 'stellantis') return { connector: 'simulator', status: 'nothing-to-check' };
  const stellantisEnv: Record<string, string | undefined> = {
    ...stellantisEnvLayer(stored, hasStoredPassword ? PASSWORD_PRESENT : null),
    ...Object.fromEntries(Object.entries(env).filter(([k]) => k.startsWith('DEPOT_REMOTE_STELLANTIS_'))),
  };
  if (env[STELLANTIS_ENV.password]) stellantisEnv[STELLANTIS_ENV.password] = PASSWORD_PRESENT;
  const parsed = parseStellantisConfig(stellantisEnv, (path) => readFileSync(path));
  if (!parsed.ok) {
    return {
      connector: 'stellantis',
      status: 'problem',
      networkChecked: false,
      checks: parsed.errors.map((e) => ({
        name: 'configuration',
        status: 'problem',
        code: e.rule,
        message: e.message,
      })),
    };
  }
  const cert = certificateCheck(parsed.value.cert, now);
  return {
    connector: 'stellantis',
    status: cert.status === 'skipped' ? 'ok' : cert.status,
    networkChecked: false,
    checks: [
      {
        name: 'configuration',
        status: 'ok',
        code: 'configuration.okFiles',
        message: 'Settings and files read.',
      },
      { name: 'certificate', status: cert.status, code: cert.said.code, message: cert.said.english },
    ],
  };
}
