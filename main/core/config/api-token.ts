// The local API's bearer token: DEPOT_REMOTE_API_TOKEN wins; otherwise <data-dir>/api-token, generated
// at first start (the token and a newline, mode 0600) so scripts on this machine can read it.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export class ApiTokenError extends Error {}

const VALID = /^[A-Za-z0-9._~+/=-]{24,512}$/;

export function resolveApiToken(
  dataDir: string,
  env: NodeJS.ProcessEnv = process.env,
): { token: string; source: 'env' | 'file' | 'generated'; file: string } {
  const file = join(dataDir, 'api-token');
  const fromEnv = env.DEPOT_REMOTE_API_TOKEN;
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!VALID.test(fromEnv)) {
      throw new ApiTokenError('DEPOT_REMOTE_API_TOKEN must be 24–512 characters without spaces.');
    }
    return { token: fromEnv, source: 'env', file };
  }
  if (existsSync(file)) {
    const token = readFileSync(file, 'utf8').trim();
    if (!VALID.test(token)) {
      throw new ApiTokenError(
        `${file} does not hold a valid token (24–512 characters without spaces). Delete it to have a new one generated.`,
      );
    }
    chmodSync(file, 0o600);
    return { token, source: 'file', file };
  }
  const token = randomBytes(32).toString('base64url');
  writeFileSync(file, token + '\n', { mode: 0o600, flag: 'wx' });
  return { token, source: 'generated', file };
}
