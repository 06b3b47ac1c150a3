import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiTokenError, resolveApiToken } from '../../../main/core/config/api-token.js';
import { tempDir } from '../../helpers/temp-dir.js';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.remove());

describe('API token', () => {
  it('is generated at first start into <data-dir>/api-token (token and newline, mode 0600), then reused', () => {
    const first = resolveApiToken(dir.path, {});
    expect(first.source).toBe('generated');
    const file = join(dir.path, 'api-token');
    expect(readFileSync(file, 'utf8')).toBe(first.token + '\n');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(first.token.length).toBeGreaterThanOrEqual(40);
    const again = resolveApiToken(dir.path, {});
    expect(again).toMatchObject({ token: first.token, source: 'file' });
  });

  it('DEPOT_REMOTE_API_TOKEN wins over the file', () => {
    resolveApiToken(dir.path, {});
    const env = { DEPOT_REMOTE_API_TOKEN: 'from-the-environment-0123456789' };
    expect(resolveApiToken(dir.path, env)).toMatchObject({
      token: env.DEPOT_REMOTE_API_TOKEN,
      source: 'env',
    });
  });

  it('refuses a damaged token file or a weak variable instead of guessing', () => {
    writeFileSync(join(dir.path, 'api-token'), 'short\n');
    expect(() => resolveApiToken(dir.path, {})).toThrowError(ApiTokenError);
    expect(() =>
      resolveApiToken(dir.path, { DEPOT_REMOTE_API_TOKEN: 'has spaces in it and is long enough' }),
    ).toThrowError(/24–512 characters/);
  });
});
