// The headless key-file box on a real data folder: it writes a key only when asked to seal (or at a first start),
// never to open, and says which of missing, other or malformed key is the matter, naming the file.
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKeyFileSecretBox } from '../../../main/core/secrets/key-file-secret-box.js';
import { SecretKeyError } from '../../../main/core/secrets/secret-key-error.js';
import { tempDir } from '../../helpers/temp-dir.js';

let dir: ReturnType<typeof tempDir>;
let keyFile: string;
beforeEach(() => {
  dir = tempDir('depot-remote-keyfile-');
  keyFile = join(dir.path, 'secret.key');
});
afterEach(() => dir.remove());

async function refusal(p: Promise<unknown>): Promise<SecretKeyError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SecretKeyError);
  return err as SecretKeyError;
}

describe('the key-file secret box', () => {
  it('writes nothing when made; the first seal writes a 0600 key that opens what it sealed', async () => {
    const box = createKeyFileSecretBox(dir.path);
    expect(box.keyFile).toBe(keyFile);
    expect(existsSync(keyFile)).toBe(false);
    const sealed = await box.encrypt('site-api-key');
    expect(sealed).toMatch(/^kf1:/);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(await createKeyFileSecretBox(dir.path).decrypt(sealed)).toBe('site-api-key');
  });

  it('refuses to open without its key, naming the file, and does not write a new one', async () => {
    const sealed = await createKeyFileSecretBox(dir.path).encrypt('x');
    rmSync(keyFile);
    const err = await refusal(createKeyFileSecretBox(dir.path).decrypt(sealed));
    expect(err.code).toBe('SECRET_KEY_MISSING');
    expect(err.file).toBe(keyFile);
    expect(err.message).toContain(keyFile);
    expect(err.message).toContain('--forget-secrets');
    expect(err.message).not.toContain('\n');
    expect(existsSync(keyFile)).toBe(false);
  });

  it('tells another key from a missing one', async () => {
    const sealed = await createKeyFileSecretBox(dir.path).encrypt('x');
    writeFileSync(keyFile, randomBytes(32).toString('base64') + '\n');
    const before = readFileSync(keyFile, 'utf8');
    const err = await refusal(createKeyFileSecretBox(dir.path).decrypt(sealed));
    expect(err.code).toBe('SECRET_KEY_WRONG');
    expect(err.message).toMatch(/secret\.key is not the key .* restore the right one from a backup/);
    expect(readFileSync(keyFile, 'utf8')).toBe(before);
  });

  it.each([
    ['text that is not base64', 'this is not a key'],
    ['a key of the wrong length', randomBytes(16).toString('base64')],
    ['base64 with stray characters', `${randomBytes(32).toString('base64').slice(0, 40)}!!!=`],
  ])(
    'refuses a malformed key file (%s) for sealing and opening, and leaves it as it is',
    async (_what, text) => {
      writeFileSync(keyFile, text);
      const box = createKeyFileSecretBox(dir.path);
      expect((await refusal(box.encrypt('x'))).code).toBe('SECRET_KEY_MALFORMED');
      expect((await refusal(box.decrypt('kf1:AAAA'))).code).toBe('SECRET_KEY_MALFORMED');
      const err = await refusal(box.prepareKey());
      expect(err.message).toContain(keyFile);
      expect(err.message).not.toContain('\n');
      expect(readFileSync(keyFile, 'utf8')).toBe(text);
    },
  );

  it('says a value sealed by the desktop keychain cannot be opened headless', async () => {
    const err = await refusal(createKeyFileSecretBox(dir.path).decrypt('ss1:AAAA'));
    expect(err.code).toBe('SECRETS_UNREADABLE');
    expect(err.message).toMatch(/system keychain/);
    expect(existsSync(keyFile)).toBe(false);
  });

  it('renewKey keeps the old file aside and writes a new key', async () => {
    const box = createKeyFileSecretBox(dir.path);
    const old = await box.encrypt('x');
    const oldText = readFileSync(keyFile, 'utf8');
    const keptAs = await box.renewKey(new Date('2026-03-04T05:06:07.089Z'));
    expect(keptAs).toBe(`${keyFile}.replaced-2026-03-04T05-06-07-089Z`);
    expect(readFileSync(keptAs!, 'utf8')).toBe(oldText);
    expect(readFileSync(keyFile, 'utf8')).not.toBe(oldText);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect((await refusal(box.decrypt(old))).code).toBe('SECRET_KEY_WRONG');
    expect(await box.decrypt(await box.encrypt('y'))).toBe('y');
    expect(readdirSync(dir.path).sort()).toEqual([
      'secret.key',
      'secret.key.replaced-2026-03-04T05-06-07-089Z',
    ]);
  });
});
