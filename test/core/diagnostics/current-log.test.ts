// The support bundle reads the log the data folder's owner wrote last: the headless agent's logs/agent.log or the
// desktop app's logs/desktop.log (a folder used by both has both).
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { currentLogFile } from '../../../main/core/diagnostics/index.js';
import { tempDir } from '../../helpers/temp-dir.js';

describe('currentLogFile', () => {
  let dir: ReturnType<typeof tempDir> | null = null;
  afterEach(() => dir?.remove());

  it('is the agent log when there is no log yet, else the one written last', () => {
    dir = tempDir('depot-remote-log-');
    const logs = join(dir.path, 'logs');
    expect(currentLogFile(dir.path)).toBe(join(logs, 'agent.log'));
    mkdirSync(logs);
    writeFileSync(join(logs, 'desktop.log'), 'desktop started\n');
    expect(currentLogFile(dir.path)).toBe(join(logs, 'desktop.log'));
    writeFileSync(join(logs, 'agent.log'), 'agent listening\n');
    const earlier = new Date(Date.now() - 60_000);
    utimesSync(join(logs, 'desktop.log'), earlier, earlier);
    expect(currentLogFile(dir.path)).toBe(join(logs, 'agent.log'));
  });
});
