// The narrow hooks a bulk command sends through (remotes-service.ts): `onStored` runs in the transaction that stores
// the action — what it writes is committed with the action, and a throw stores neither (the send is refused) — and
// `preApproved` lets an approval checked once at a bulk's start stand for each of its vehicles' commands, never more
// than the approver's role. A real core on a real SQLite file, the in-process fleet, a manual clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../main/core/create-core.js';
import { manualClock } from '../../../main/core/ports/clock.js';
import { silentLogger } from '../../../main/core/ports/logger.js';
import { createKeyFileSecretBox } from '../../../main/core/secrets/key-file-secret-box.js';
import { ServiceError } from '../../../main/core/kernel/service-error.js';
import { adminActor, roleActor } from '../../helpers/actors.js';
import { createInProcessFleet } from '../../helpers/in-process-fleet.js';
import { tempDir } from '../../helpers/temp-dir.js';

const dir = tempDir();
const clock = manualClock();
let core: Core;
beforeAll(async () => {
  core = await createCore({
    dataDir: dir.path,
    connector: createInProcessFleet({ clock }),
    notifier: { actionCompleted() {} },
    secrets: createKeyFileSecretBox(dir.path),
    logger: silentLogger,
    clock,
  });
  await core.start();
});
afterAll(async () => {
  await core.close();
  dir.remove();
});

const HORN = { horn: { state: 'Activated' } };
const send = (overrides: object) =>
  core.services.remotes.send({
    vehicleRef: 'veh-e208-01',
    callbackId: 'workstation',
    body: HORN,
    actor: adminActor('bulk test'),
    ...overrides,
  });
const stored = () => core.services.remotes.list({ limit: 100, offset: 0 }).total;

describe('onStored', () => {
  it('sees the action inside its transaction, before anything is sent', async () => {
    let seen: { id: string; phase: string } | null = null;
    const action = await send({ onStored: (_uow: unknown, a: { id: string; phase: string }) => (seen = a) });
    expect(seen).toMatchObject({ id: action.remoteActionId, phase: 'Sending' });
    expect(stored()).toBe(1);
  });

  it('stores nothing when it throws, and the send fails with its error', async () => {
    clock.advance(10_000);
    const refusal = new ServiceError(409, 'ACTION_NOT_QUEUED', { params: { id: 'a1', phase: 'Cancelled' } });
    await expect(
      send({
        onStored: () => {
          throw refusal;
        },
      }),
    ).rejects.toBe(refusal);
    expect(stored()).toBe(1);
  });
});

describe('preApproved', () => {
  const IMMOBILIZE = { immobilization: { activate: true } };
  const technician = { ...roleActor('technician', 'Tess'), reason: 'Keep it in the yard tonight' };

  it('stands for an approval where the actor’s role is short of the policy’s and the approver’s is not', async () => {
    await expect(send({ body: IMMOBILIZE, actor: technician })).rejects.toMatchObject({ status: 403 });
    const approver = { id: 'op-sup', name: 'Sam', role: 'supervisor' as const };
    const action = await send({ body: IMMOBILIZE, actor: technician, preApproved: approver });
    expect(action).toMatchObject({ approvedBy: approver, sentBy: { name: 'Tess', role: 'technician' } });
  });

  it('never lifts the actor above the approver’s own role', async () => {
    await core.services.access.putPolicy(adminActor(), { rules: { 'Immobilization.activate': 'admin' } });
    const approver = { id: 'op-sup', name: 'Sam', role: 'supervisor' as const };
    await expect(
      send({ vehicleRef: 'veh-c5ax-02', body: IMMOBILIZE, actor: technician, preApproved: approver }),
    ).rejects.toMatchObject({ status: 403, code: 'FORBIDDEN' });
  });
});
