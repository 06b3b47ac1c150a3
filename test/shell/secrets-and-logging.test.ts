// Secrets at rest on the desktop: safeStorage's async API where a keyring exists, the key file (0600) where
// safeStorage could only offer basic_text, values from the headless agent still readable; and the desktop log.
import { adminActor } from '../helpers/actors.js';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCore } from '../../main/core/create-core.js';
import { manualClock } from '../../main/core/ports/clock.js';
import { silentLogger } from '../../main/core/ports/logger.js';
import { createKeyFileSecretBox } from '../../main/core/secrets/key-file-secret-box.js';
import { SecretKeyError } from '../../main/core/secrets/secret-key-error.js';
import {
  createRendererLog,
  createShellLogger,
  LOG_MAX_BYTES,
  watchRendererErrors,
} from '../../main/shell/logging.js';
import {
  chooseSecretBox,
  createSafeStorageSecretBox,
  SecretStorageError,
} from '../../main/shell/safe-storage-secret-box.js';
import { callbackBody } from '../helpers/api-harness.js';
import { createInProcessFleet } from '../helpers/in-process-fleet.js';
import { tempDir } from '../helpers/temp-dir.js';
import {
  FakeEvent,
  FakeWebContents,
  resetElectronFake,
  safeStorage,
  safeStorageState,
} from './electron-fake.js';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  resetElectronFake();
  dir = tempDir('depot-remote-secrets-');
});
afterEach(() => dir.remove());

describe('safeStorage secret box', () => {
  it('seals with the async API and opens again', async () => {
    const box = createSafeStorageSecretBox(dir.path);
    expect(box.kind).toBe('safe-storage');
    const sealed = await box.encrypt('s3cr3t-pässword');
    expect(sealed).toMatch(/^ss1:/);
    expect(sealed).not.toContain('s3cr3t');
    expect(await box.decrypt(sealed)).toBe('s3cr3t-pässword');
    expect(safeStorage.encryptStringAsync).toHaveBeenCalledTimes(1);
    expect(safeStorage.decryptStringAsync).toHaveBeenCalledTimes(1);
  });

  it('is chosen where a keyring backs safeStorage', async () => {
    const choice = await chooseSecretBox(dir.path, silentLogger, 'linux');
    expect(choice).toMatchObject({ backend: 'gnome_libsecret', fallbackReason: null });
    expect(choice.box.kind).toBe('safe-storage');
    // The async encryptor is asked first: the backend is known only after it initialised.
    expect(safeStorage.isAsyncEncryptionAvailable.mock.invocationCallOrder[0]).toBeLessThan(
      safeStorage.getSelectedStorageBackend.mock.invocationCallOrder[0]!,
    );
    expect((await chooseSecretBox(dir.path, silentLogger, 'win32')).backend).toBe('os');
  });

  it('opens values sealed by the headless agent with its key file', async () => {
    const legacy = await createKeyFileSecretBox(dir.path).encrypt('from-the-agent');
    expect(await createSafeStorageSecretBox(dir.path).decrypt(legacy)).toBe('from-the-agent');
  });

  it('says what is wrong with a value it cannot open', async () => {
    const box = createSafeStorageSecretBox(dir.path);
    await expect(box.decrypt('kf1:AAAA')).rejects.toThrow(/secret\.key is missing/);
    await expect(box.decrypt('plain text')).rejects.toBeInstanceOf(SecretStorageError);
  });
});

describe('the basic_text fallback', () => {
  it('uses the key file (0600) when safeStorage could only offer basic_text, and says why', async () => {
    safeStorageState.backend = 'basic_text';
    const choice = await chooseSecretBox(dir.path, silentLogger, 'linux');
    expect(choice.box.kind).toBe('key-file');
    expect(choice.fallbackReason).toMatch(/no keyring.*basic_text/);
    const sealed = await choice.box.encrypt('pw');
    expect(sealed).toMatch(/^kf1:/);
    expect(await choice.box.decrypt(sealed)).toBe('pw');
    expect(statSync(join(dir.path, 'secret.key')).mode & 0o777).toBe(0o600);
    expect(safeStorage.encryptStringAsync).not.toHaveBeenCalled();
  });

  it('uses it too when the async encryptor is not available', async () => {
    safeStorageState.asyncAvailable = false;
    const choice = await chooseSecretBox(dir.path, silentLogger, 'darwin');
    expect(choice.box.kind).toBe('key-file');
    expect(choice.fallbackReason).toMatch(/not available/);
  });

  it('explains that a keychain-sealed value needs the keychain back', async () => {
    const sealed = await createSafeStorageSecretBox(dir.path).encrypt('pw');
    safeStorageState.backend = 'basic_text';
    const { box } = await chooseSecretBox(dir.path, silentLogger, 'linux');
    await expect(box.decrypt(sealed)).rejects.toThrow(/system keychain, which is not available now/);
  });
});

describe('secrets in a real core on the desktop', () => {
  it('are never stored in clear, and the settings say which storage is used', async () => {
    const clock = manualClock();
    const core = await createCore({
      dataDir: dir.path,
      connector: createInProcessFleet({ clock, stepMs: 1000 }),
      notifier: { actionCompleted() {} },
      secrets: createSafeStorageSecretBox(dir.path),
      logger: silentLogger,
      clock,
    });
    const secret = 'bearer-token-that-must-not-leak-0123';
    const created = await core.services.callbacks.create(
      callbackBody({ authentication: { type: 'Bearer', token: secret } }),
      adminActor('t'),
    );
    expect(JSON.stringify(created)).not.toContain(secret);
    expect(core.secretStorage).toBe('safe-storage');
    const opened = await core.services.callbacks.openSecrets(created.id);
    expect(JSON.stringify(opened)).toContain(secret);
    await core.close();
    for (const file of ['depot-remote.sqlite', 'depot-remote.sqlite-wal']) {
      const path = join(dir.path, file);
      if (existsSync(path)) expect(readFileSync(path).toString('latin1')).not.toContain(secret);
    }
  });
});

describe('sealed data needs its key on the desktop too', () => {
  const core = (box: ReturnType<typeof createSafeStorageSecretBox>) => {
    const clock = manualClock();
    return createCore({
      dataDir: dir.path,
      connector: createInProcessFleet({ clock, stepMs: 1000 }),
      notifier: { actionCompleted() {} },
      secrets: box,
      logger: silentLogger,
      clock,
    });
  };

  it('refuses to start when the headless key file that sealed some values is gone, and writes none', async () => {
    const headless = await createCore({
      dataDir: dir.path,
      connector: createInProcessFleet({ clock: manualClock(), stepMs: 1000 }),
      notifier: { actionCompleted() {} },
      secrets: createKeyFileSecretBox(dir.path),
      logger: silentLogger,
      clock: manualClock(),
    });
    await headless.services.callbacks.create(callbackBody(), adminActor('t'));
    await headless.close();
    rmSync(join(dir.path, 'secret.key'));
    const refused = await core(createSafeStorageSecretBox(dir.path)).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(SecretKeyError);
    expect(refused).toMatchObject({ code: 'SECRET_KEY_MISSING', file: join(dir.path, 'secret.key') });
    expect(existsSync(join(dir.path, 'secret.key'))).toBe(false);
  });

  it('refuses values the keychain can no longer open, with what it said', async () => {
    const first = await core(createSafeStorageSecretBox(dir.path));
    await first.services.callbacks.create(callbackBody(), adminActor('t'));
    await first.close();
    safeStorage.decryptStringAsync.mockRejectedValueOnce(new Error('keychain item not found'));
    const refused = await core(createSafeStorageSecretBox(dir.path)).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toMatchObject({ code: 'SECRETS_UNREADABLE' });
    expect((refused as Error).message).toMatch(
      /cannot be opened \(keychain item not found\).*--forget-secrets/,
    );
  });
});

describe('the desktop log', () => {
  function fakeLog() {
    const lines: unknown[][] = [];
    const at =
      (level: string) =>
      (...args: unknown[]) =>
        void lines.push([level, ...args]);
    const log = {
      transports: {
        file: { resolvePathFn: null as unknown, maxSize: 0, level: null as unknown },
        console: { level: null as unknown },
      },
      debug: at('debug'),
      info: at('info'),
      warn: at('warn'),
      error: at('error'),
    };
    return { log, lines };
  }

  it('writes <data-dir>/logs/desktop.log, rotated at 5 MiB, with secrets redacted', () => {
    const { log, lines } = fakeLog();
    const logger = createShellLogger(log, dir.path);
    expect((log.transports.file.resolvePathFn as () => string)()).toBe(join(dir.path, 'logs', 'desktop.log'));
    expect(log.transports.file.maxSize).toBe(LOG_MAX_BYTES);
    logger.info('saved', { password: 'hunter2', callbackId: 'cb-1' });
    expect(JSON.stringify(lines)).not.toContain('hunter2');
    expect(lines[0]).toEqual([
      'info',
      'saved',
      JSON.stringify({ password: '[redacted]', callbackId: 'cb-1' }),
    ]);
  });

  it('receives renderer crashes, console errors and preload failures', () => {
    const errors: string[] = [];
    const logger = { ...silentLogger, error: (m: string) => void errors.push(m) };
    const contents = new FakeWebContents();
    watchRendererErrors(contents as never, logger);
    contents.emit('render-process-gone', new FakeEvent(), { reason: 'crashed', exitCode: 133 });
    contents.emit(
      'console-message',
      new FakeEvent({ level: 'error', message: 'boom', sourceId: 'a.js', lineNumber: 1 }),
    );
    contents.emit(
      'console-message',
      new FakeEvent({ level: 'info', message: 'fine', sourceId: 'a.js', lineNumber: 1 }),
    );
    contents.emit('preload-error', new FakeEvent(), '/p.cjs', new Error('bad preload'));
    expect(errors).toEqual(['renderer process gone', 'renderer console: boom', 'preload failed']);
  });

  it('limits what a page in an error loop can write', () => {
    let now = 0;
    const logger = { ...silentLogger, error: vi.fn(), warn: vi.fn() };
    const log = createRendererLog(logger, 3, 1000, () => now);
    for (let i = 0; i < 10; i += 1) log('error', `e${i}`);
    expect(logger.error).toHaveBeenCalledTimes(3);
    now = 1000;
    log('error', 'later');
    expect(logger.warn).toHaveBeenCalledWith('renderer log messages dropped (too many)', { dropped: 7 });
    expect(logger.error).toHaveBeenLastCalledWith('renderer: later');
  });
});
