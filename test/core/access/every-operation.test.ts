// A guard for the operations to come: every operation of the registry that changes something (and the admin-only
// reads) refuses a viewer with 403 FORBIDDEN, over the handlers both transports call. A new write operation that
// forgets to ask the access guard fails here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOperationHandlers } from '../../../main/core/operations/handlers.js';
import type { OperationContext, OperationHandler } from '../../../main/core/operations/ports.js';
import { ServiceError } from '../../../main/core/kernel/service-error.js';
import { OPERATIONS, type OperationName } from '../../../preload/contract/operations/index.js';
import type { OperationSpec } from '../../../preload/contract/operations/define.js';
import { roleActor } from '../../helpers/actors.js';
import { startHarness, TOKEN, type Harness } from '../../helpers/api-harness.js';

/** Anyone signed in may do these (or they are how one signs in). */
const OPEN_TO_ALL: OperationName[] = ['signIn', 'signOut', 'changeOwnPin'];
/** Reads only admins may make. */
const ADMIN_READS: OperationName[] = [
  'listOperators',
  'getOperator',
  'listTokens',
  'getPolicy',
  'checkConnection',
];

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

const ctx = (): OperationContext => ({
  actor: roleActor('viewer', 'Vic'),
  authenticated: true,
  session: {
    transport: 'http',
    enrolmentSecret: null,
    start() {},
    end() {},
    setEnrolment() {},
    tokenFailed: () => null,
  },
});

/** An input each operation accepts, as far as its schema goes (ids need not exist: the guard asks first). */
const INPUTS: Partial<Record<OperationName, object>> = {
  sendRemote: { vid: 'veh-e208-01', cbid: 'workstation', body: { horn: { state: 'Activated' } } },
  createCallback: { body: {} },
  replaceCallback: { cbid: 'x', body: {} },
  setCallbackStatus: { cbid: 'x', body: { status: 'Paused' } },
  deleteCallback: { cbid: 'x' },
  sendTestNotification: { cbid: 'x' },
  retryDelivery: { id: 'x' },
  retryCallbackDeliveries: { cbid: 'x' },
  replayQuarantine: { id: 1 },
  resolveQuarantine: { id: 1 },
  putSettings: { body: {} },
  enrolBrowser: {},
  createOperator: { body: { name: 'x', role: 'viewer', pin: '123456' } },
  getOperator: { id: 'x' },
  updateOperator: { id: 'x', body: {} },
  deleteOperator: { id: 'x' },
  unlockOperator: { id: 'x' },
  createToken: { body: { label: 'x', role: 'viewer' } },
  revokeToken: { id: 'x' },
  putPolicy: { body: {} },
  restoreFromBackup: { name: 'x', body: {} },
};

describe('a viewer', () => {
  const guarded = (Object.entries(OPERATIONS) as [OperationName, OperationSpec][]).filter(
    ([name, op]) =>
      !OPEN_TO_ALL.includes(name) &&
      (ADMIN_READS.includes(name) || (op.http.method !== 'GET' && !op.http.public)),
  );

  it('covers every write operation of the registry', () => {
    expect(guarded.length).toBeGreaterThanOrEqual(22);
  });

  for (const [name] of guarded) {
    it(`is refused ${name}`, async () => {
      const handlers = createOperationHandlers({
        core: h.core,
        machineToken: TOKEN,
        version: '0',
        startedAt: 0,
        settings: { get: async () => ({}) as never, put: async () => ({}) as never },
      });
      const handler = handlers[name] as OperationHandler<OperationSpec>;
      const failure = await Promise.resolve()
        .then(() => handler((INPUTS[name] ?? {}) as never, ctx()))
        .then(
          () => null,
          (err: unknown) => err,
        );
      expect(failure).toBeInstanceOf(ServiceError);
      expect((failure as ServiceError).status).toBe(403);
      expect((failure as ServiceError).code).toBe('FORBIDDEN');
    });
  }
});
