// Adding an operation is one registry entry and one handler: a test fixture's entry, passed with OPERATIONS to the
// builders, is served over HTTP (with its OpenAPI description and the auth rule), over IPC through the preload
// bridge, and by the HTTP client — with no other edit anywhere.
import { desktopSessionOf } from '../helpers/desktop-session.js';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createOperationHandlers } from '../../main/core/operations/handlers.js';
import type { OperationHandlers } from '../../main/core/operations/ports.js';
import { silentLogger } from '../../main/core/ports/logger.js';
import { createEventPush } from '../../main/shell/ipc/event-push.js';
import { registerIpc } from '../../main/shell/ipc/register-ipc.js';
import { createSenderCheck } from '../../main/shell/ipc/sender-check.js';
import { createBridge } from '../../preload/bridge/create-bridge.js';
import { asClientFailure } from '../../preload/contract/client.js';
import { defineOperation, type ClientOf } from '../../preload/contract/operations/define.js';
import { idParam } from '../../preload/contract/operations/fields.js';
import { OPERATION_NAMES, OPERATIONS } from '../../preload/contract/operations/index.js';
import { operationsOverHttp } from '../../renderer/src/api/http-client.js';
import { createRequester } from '../../renderer/src/api/http-request.js';
import { startHarness, TOKEN, type Harness } from '../helpers/api-harness.js';
import { FakeWebContents, ipcMain, ipcRenderer, resetElectronFake } from '../shell/electron-fake.js';

const pinNote = defineOperation({
  name: 'pinNote',
  summary: 'Pin a note to a vehicle (test fixture)',
  tags: ['fixture'],
  http: { method: 'POST', path: '/vehicles/{vid}/notes', status: 201 },
  input: {
    params: z.object({ vid: idParam }),
    query: z.object({
      copies: z.number().int().min(1).max(3).default(1),
      urgent: z.boolean().optional(),
    }),
    body: z.object({ text: z.string().min(1).max(40) }),
    headers: { operator: true },
  },
  output: z.object({ vin: z.string(), notes: z.array(z.string()), urgent: z.boolean(), by: z.string() }),
  errors: [400, 401, 404],
  events: ['audit.appended'],
});
const registry = { ...OPERATIONS, pinNote };

let h: Harness;
let port: number;
let http: ClientOf<typeof registry>;
let bridge: ClientOf<typeof registry>;

beforeAll(async () => {
  resetElectronFake();
  let handlers!: OperationHandlers<typeof registry>;
  h = await startHarness({
    api: (core) => {
      handlers = {
        ...createOperationHandlers({ core, version: '0.0.0-test', startedAt: Date.now() }),
        // The fixture's handler: it uses a core service, like any other.
        pinNote: ({ vid, copies, urgent, body }, { actor }) => ({
          vin: core.services.vehicles.get(vid).vin,
          notes: Array.from({ length: copies }, () => body.text),
          urgent: urgent ?? false,
          by: actor.onBehalfOf ?? actor.operator,
        }),
      };
      return { operations: { registry, handlers } };
    },
  });
  await h.app.listen({ port: 0, host: '127.0.0.1' });
  port = (h.app.server.address() as AddressInfo).port;
  http = operationsOverHttp(
    registry,
    createRequester(
      `http://127.0.0.1:${port}`,
      () => {},
      (url, init) =>
        fetch(url, { ...init, headers: { ...(init?.headers as object), authorization: `Bearer ${TOKEN}` } }),
    ),
  );

  const page = new FakeWebContents();
  page.finishLoad('app://depot-remote/index.html');
  registerIpc({
    registry,
    session: desktopSessionOf(h.core),
    handlers,
    isTrustedSender: createSenderCheck((contents) => contents === (page as unknown)),
    events: createEventPush(h.core.changes),
    rendererLog: () => {},
    logger: silentLogger,
  });
  ipcRenderer.rendererSender = { sender: page };
  bridge = createBridge(ipcRenderer, [...OPERATION_NAMES, 'pinNote']) as unknown as ClientOf<typeof registry>;
});

afterAll(async () => h?.close());

const input = {
  vid: 'veh-e208-01',
  copies: 2,
  urgent: true,
  body: { text: 'Charging cable in the boot' },
  operator: 'Jérôme',
};
const answer = {
  vin: 'VR3UHZKXZMT000001',
  notes: ['Charging cable in the boot', 'Charging cable in the boot'],
  urgent: true,
  by: 'Jérôme',
};

describe('an operation added by one entry and one handler', () => {
  it('is served over HTTP by the client built from the registry', async () => {
    expect(await http.pinNote(input)).toEqual(answer);
    // Defaults from the entry; the HTTP actor's default operator.
    expect(await http.pinNote({ vid: 'veh-e208-01', body: { text: 'x' } })).toEqual({
      vin: 'VR3UHZKXZMT000001',
      notes: ['x'],
      urgent: false,
      by: 'machine token',
    });
  });

  it('is served over IPC through the preload bridge, with the same answers', async () => {
    expect(await bridge.pinNote(input)).toEqual(answer);
    expect((await bridge.pinNote({ vid: 'veh-e208-01', body: { text: 'x' } })).by).toBe('machine token');
    expect(ipcMain.handlers.has('depot-remote:call:pinNote')).toBe(true);
  });

  it('checks its input the same way on both transports', async () => {
    for (const bad of [
      { ...input, copies: 9 },
      { ...input, body: { text: '' } },
      { ...input, vid: 'a b' },
    ]) {
      const viaHttp = asClientFailure(await http.pinNote(bad).catch((e: unknown) => e));
      const viaIpc = asClientFailure(await bridge.pinNote(bad).catch((e: unknown) => e));
      expect(viaHttp).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
      expect(viaIpc.errors.map((e) => e.field)).toEqual(viaHttp.errors.map((e) => e.field));
    }
    const unknown = asClientFailure(await bridge.pinNote({ ...input, vid: 'NOPE' }).catch((e: unknown) => e));
    expect(unknown).toMatchObject({ status: 404, code: 'VEHICLE_NOT_FOUND' });
  });

  it('needs the token, like every operation not declared public', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/vehicles/veh-e208-01/notes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'x' }),
    });
    expect(res.status).toBe(401);
    expect(h.app.routeTable).toContainEqual({
      method: 'POST',
      url: '/api/v1/vehicles/:vid/notes',
      public: false,
    });
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const op = doc.paths['/api/v1/vehicles/{vid}/notes'].post;
    expect(op).toMatchObject({
      operationId: 'pinNote',
      summary: 'Pin a note to a vehicle (test fixture)',
      tags: ['fixture'],
      'x-events': ['audit.appended'],
    });
    expect(op.security).toBeUndefined(); // the document's default: the bearer token
    const params = Object.fromEntries(
      (op.parameters as { in: string; name: string; schema: { type?: string } }[]).map((p) => [
        `${p.in}:${p.name}`,
        p.schema.type,
      ]),
    );
    expect(params).toEqual({
      'path:vid': 'string',
      'query:copies': 'integer',
      'query:urgent': 'boolean',
      'header:x-depot-operator': 'string',
    });
    expect(JSON.stringify(op.requestBody)).toContain('"text"');
    expect(Object.keys(op.responses).sort()).toEqual(['201', '400', '401', '404']);
  });
});
