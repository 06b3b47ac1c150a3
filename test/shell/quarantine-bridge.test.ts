// The quarantine's list and capacity reach the desktop window as they reach the browser: the IPC operation answers
// what GET /api/v1/quarantine answers, and its arguments are checked like every other call's.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseAgentOptions } from '../../main/core/config/agent-options.js';
import { createSettingsPort } from '../../main/headless/settings-port.js';
import { createIpcOperations } from '../../main/shell/ipc/operations.js';
import { ipcArgumentSchemas } from '../../preload/contract/ipc.js';
import { startHarness, type Harness } from '../helpers/api-harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => h.close());

describe('listQuarantine over IPC', () => {
  it('answers the API page, capacity included', async () => {
    const parsed = parseAgentOptions([], { DEPOT_REMOTE_DATA_DIR: h.dataDir });
    if (parsed.help) throw new Error('unexpected');
    const operations = createIpcOperations({
      core: h.core,
      settings: createSettingsPort(h.core, parsed.options, { argv: [], env: {}, startStored: null }),
      version: '0.0.0-test',
      startedAt: Date.now(),
    });
    const viaIpc = await operations.listQuarantine({ unresolved: true, limit: 1 });
    const viaHttp = (
      await h.call({ method: 'GET', url: '/api/v1/quarantine?unresolved=true&limit=1' })
    ).json();
    expect(viaIpc).toEqual(viaHttp);
    expect(viaIpc.capacity).toMatchObject({ full: false, bytes: 0, capBytes: 100 * 1024 * 1024 });
  });

  it('refuses arguments the API would refuse', () => {
    const schema = ipcArgumentSchemas.listQuarantine;
    expect(schema.safeParse([{ unresolved: true, limit: 1 }]).success).toBe(true);
    expect(schema.safeParse([]).success).toBe(true);
    expect(schema.safeParse([{ unresolved: 'yes' }]).success).toBe(false);
    expect(schema.safeParse([{ limit: 0 }]).success).toBe(false);
    expect(schema.safeParse([{ other: 1 }]).success).toBe(false);
  });
});
