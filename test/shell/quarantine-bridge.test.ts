// The quarantine reaches the desktop window as it reaches the browser: the IPC operations answer what the
// /api/v1/quarantine routes answer (list with capacity, one entry, replay, resolve), and their inputs are checked
// against the same registry entries.
import { desktopSessionOf } from '../helpers/desktop-session.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseAgentOptions } from '../../main/core/config/agent-options.js';
import { createOperationHandlers } from '../../main/core/operations/handlers.js';
import { silentLogger } from '../../main/core/ports/logger.js';
import { createSettingsPort } from '../../main/headless/settings-port.js';
import { callOperation } from '../../main/shell/ipc/register-ipc.js';
import { OPERATIONS, type OperationName } from '../../preload/contract/operations/index.js';
import { inputSchemaOf } from '../../preload/contract/operations/input-schema.js';
import { startHarness, TOKEN, type Harness } from '../helpers/api-harness.js';

let h: Harness;
let call: (name: OperationName, input?: unknown) => ReturnType<typeof callOperation>;
beforeEach(async () => {
  h = await startHarness();
  const parsed = parseAgentOptions([], { DEPOT_REMOTE_DATA_DIR: h.dataDir });
  if (parsed.help) throw new Error('unexpected');
  const handlers = createOperationHandlers({
    core: h.core,
    machineToken: TOKEN,
    settings: createSettingsPort(h.core, parsed.options, { argv: [], env: {}, startStored: null }),
    version: '0.0.0-test',
    startedAt: Date.now(),
  });
  call = (name, input) =>
    callOperation(
      name,
      OPERATIONS[name],
      handlers[name] as never,
      input === undefined ? [] : [input],
      silentLogger,
      desktopSessionOf(h.core),
    );
});
afterEach(async () => h.close());

describe('the quarantine over IPC', () => {
  it('answers the API page, capacity included', async () => {
    const viaIpc = await call('listQuarantine', { unresolved: true, limit: 1 });
    const viaHttp = (
      await h.call({ method: 'GET', url: '/api/v1/quarantine?unresolved=true&limit=1' })
    ).json();
    expect(viaIpc).toEqual({ ok: true, value: viaHttp });
    expect(viaHttp.capacity).toMatchObject({ full: false, bytes: 0, capBytes: 100 * 1024 * 1024 });
  });

  it('reads, replays and resolves by id, with the API’s 404 for an unknown one', async () => {
    for (const name of ['getQuarantine', 'replayQuarantine', 'resolveQuarantine'] as const) {
      const viaIpc = await call(name, { id: 999 });
      const method = name === 'getQuarantine' ? 'GET' : 'POST';
      const path = { getQuarantine: '', replayQuarantine: '/replay', resolveQuarantine: '/resolve' }[name];
      const viaHttp = await h.call({ method, url: `/api/v1/quarantine/999${path}` });
      expect(viaHttp.statusCode).toBe(404);
      expect(viaIpc).toEqual({ ok: false, error: { status: 404, ...viaHttp.json() } });
    }
  });

  it('refuses inputs the API would refuse', () => {
    const schema = inputSchemaOf(OPERATIONS.listQuarantine);
    expect(schema.safeParse({ unresolved: true, limit: 1 }).success).toBe(true);
    expect(schema.safeParse({}).success).toBe(true);
    expect(schema.safeParse({ unresolved: 'yes' }).success).toBe(false);
    expect(schema.safeParse({ limit: 0 }).success).toBe(false);
    expect(schema.safeParse({ other: 1 }).success).toBe(false);
    expect(inputSchemaOf(OPERATIONS.getQuarantine).safeParse({ id: 0 }).success).toBe(false);
  });
});
