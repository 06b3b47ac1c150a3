// The layers inside the core are kept by lint (eslint.config.js): a file planted where it does not belong must be
// refused with the boundary error, and what each layer may import must still pass.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** The boundary errors for `import '<specifier>'` in a file at `filePath` (relative to the repository). */
async function boundaryErrors(filePath: string, specifier: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import '${specifier}';\n`, { filePath });
  return result!.messages
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message.replace(/^'[^']*' import is restricted from being used by a pattern\. /, ''));
}

describe('the domain', () => {
  it('refuses an import of the db, from the domain and from a folder inside it', async () => {
    expect(await boundaryErrors('main/core/domain/planted.ts', '../db/index.js')).toEqual([
      'The domain depends on nothing else in the app.',
    ]);
    expect(await boundaryErrors('main/core/domain/callback/planted.ts', '../../db/index.js')).toEqual([
      'The domain depends on nothing else in the app.',
    ]);
  });

  it('refuses every other folder of main/core, and the composition root', async () => {
    const folders = readdirSync(`${root}main/core`, { withFileTypes: true })
      .filter((e) => e.isDirectory() && e.name !== 'domain')
      .map((e) => e.name);
    expect(folders).toContain('kernel');
    for (const folder of [...folders, '../headless', '../shell']) {
      expect(
        await boundaryErrors('main/core/domain/planted.ts', `../${folder}/index.js`),
        folder,
      ).not.toEqual([]);
    }
    expect(await boundaryErrors('main/core/domain/planted.ts', '../create-core.js')).not.toEqual([]);
  });

  it('refuses Node I/O modules and packages but keeps zod, node:crypto, itself and the vocabulary', async () => {
    for (const io of [
      'node:fs',
      'node:net',
      'node:http',
      'node:https',
      'node:child_process',
      'fs/promises',
    ]) {
      expect(await boundaryErrors('main/core/domain/planted.ts', io), io).not.toEqual([]);
    }
    for (const pkg of ['better-sqlite3', 'fastify', 'undici']) {
      expect(await boundaryErrors('main/core/domain/planted.ts', pkg), pkg).not.toEqual([]);
    }
    for (const ok of ['zod', 'node:crypto', './field-error.js', '../../../preload/contract/vocabulary.js']) {
      expect(await boundaryErrors('main/core/domain/planted.ts', ok), ok).toEqual([]);
    }
    expect(
      await boundaryErrors('main/core/domain/planted.ts', '../../../preload/contract/dto.js'),
    ).not.toEqual([]);
  });
});

describe('main/core never imports the processes that host it', () => {
  it.each([
    ['main/core/planted.ts', '../headless/start-agent.js'],
    ['main/core/planted.ts', '../shell/index.js'],
    ['main/core/api/planted.ts', '../../headless/settings-port.js'],
    ['main/core/receiver/planted.ts', '../../shell/ipc/register-ipc.js'],
    ['main/core/db/planted.ts', '../../headless/start-agent.js'],
    ['main/core/services/planted.ts', '../../shell/index.js'],
    ['main/core/outbox/planted.ts', '../../headless/start-agent.js'],
    ['main/core/kernel/planted.ts', '../../headless/start-agent.js'],
    ['main/core/operations/planted.ts', '../../shell/index.js'],
  ])('%s importing %s is refused', async (file, specifier) => {
    expect(await boundaryErrors(file, specifier)).toEqual([
      'main/core runs under the agent and the shell alike: it never imports main/headless or main/shell.',
    ]);
  });
});

describe('the layers import downwards only', () => {
  it.each([
    ['main/core/db/planted.ts', '../kernel/audit-trail.js'],
    ['main/core/db/planted.ts', '../services/ingest-service.js'],
    ['main/core/db/planted.ts', '../events/event-bus.js'],
    ['main/core/kernel/planted.ts', '../services/callbacks-service.js'],
    ['main/core/kernel/planted.ts', '../outbox/index.js'],
    ['main/core/services/planted.ts', '../outbox/index.js'],
    ['main/core/services/planted.ts', '../receiver/index.js'],
    ['main/core/services/planted.ts', '../api/api-error.js'],
    ['main/core/services/planted.ts', '../connector/simulator/simulator-connector.js'],
    ['main/core/services/planted.ts', '../create-core.js'],
    ['main/core/outbox/planted.ts', '../services/ingest-service.js'],
    ['main/core/outbox/planted.ts', '../receiver/index.js'],
    ['main/core/receiver/planted.ts', '../services/remotes-service.js'],
    ['main/core/receiver/planted.ts', '../outbox/index.js'],
  ])('%s importing %s is refused', async (file, specifier) => {
    const errors = await boundaryErrors(file, specifier);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^main\/core\/\w+ imports only /);
  });

  it.each([
    ['main/core/db/planted.ts', '../domain/action.js'],
    ['main/core/db/planted.ts', '../ports/clock.js'],
    ['main/core/kernel/planted.ts', '../db/index.js'],
    ['main/core/kernel/planted.ts', '../events/event-bus.js'],
    ['main/core/services/planted.ts', '../kernel/service-error.js'],
    ['main/core/services/planted.ts', '../connector/connector.js'],
    ['main/core/outbox/planted.ts', '../kernel/audit-trail.js'],
    ['main/core/receiver/planted.ts', '../services/ingest-service.js'],
    ['main/core/receiver/planted.ts', '../kernel/actor.js'],
    ['main/core/create-core.ts', './outbox/index.js'],
  ])('%s importing %s is allowed', async (file, specifier) => {
    expect(await boundaryErrors(file, specifier)).toEqual([]);
  });
});
