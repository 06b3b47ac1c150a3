// Roles and the access policy over real HTTP: each remote (and the variants that matter) has a lowest role; a
// refusal is 403 FORBIDDEN naming it, stores no action and is audited; a supervisor can approve one command on a
// technician's session with their PIN; admins change the policy, and it applies at once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../helpers/api-harness.js';
import { addOperator, signedIn, type Browser } from '../../helpers/operator-sessions.js';

let h: Harness;
let cbid: string;
beforeEach(async () => {
  h = await startHarness({ fleetId: 'fleet-1' });
  cbid = (await h.call({ method: 'GET', url: '/api/v1/callbacks' })).json().items[0].id;
});
afterEach(async () => h.close());

const VEHICLE = 'veh-e208-01';
const url = () => `/api/v1/vehicles/${VEHICLE}/callbacks/${cbid}/remotes`;
const REASON = { 'x-depot-reason': 'Vehicle not returned after rental' };
const send = (b: Browser, payload: object, headers: Record<string, string> = {}) =>
  b.call({ method: 'POST', url: url(), payload, headers });
const actionsCount = async () => (await h.call({ method: 'GET', url: '/api/v1/remotes' })).json().total;
const denials = async () =>
  (await h.call({ method: 'GET', url: '/api/v1/audit?action=access.denied&limit=50' })).json().items;

describe('the default policy', () => {
  it('lets a technician honk and lock, refuses immobilization with 403, stores nothing and audits the refusal', async () => {
    const tess = await signedIn(h, 'Tess', 'technician');
    expect((await send(tess, { horn: { state: 'Activated' } })).statusCode).toBe(202);
    h.clock.advance(5_000);
    const before = await actionsCount();
    const refused = await send(tess, { immobilization: { activate: true } }, REASON);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'FORBIDDEN', errors: [] });
    expect(refused.json().message).toMatch(/supervisor/);
    expect(await actionsCount()).toBe(before);
    const [denied] = await denials();
    expect(denied).toMatchObject({
      operator: 'Tess',
      actor: { kind: 'operator', name: 'Tess', role: 'technician' },
      vin: 'VR3UHZKXZMT000001',
      callbackId: cbid,
      reason: 'Vehicle not returned after rental',
      detail: { what: 'remote.send', needed: 'supervisor', policyKeys: ['Immobilization.activate'] },
    });
    // Declaring it stolen is a supervisor's call too.
    expect((await send(tess, { stolen: { stolen: true } }, REASON)).statusCode).toBe(403);
  });

  it('lets a supervisor immobilize; the history and the audit log say who sent it', async () => {
    const sam = await signedIn(h, 'Sam', 'supervisor');
    const sent = await send(sam, { immobilization: { activate: true } }, REASON);
    expect(sent.statusCode).toBe(202);
    const action = (
      await h.call({ method: 'GET', url: `/api/v1/remotes/${sent.json().remoteActionId}` })
    ).json();
    expect(action).toMatchObject({
      operator: 'Sam',
      sentBy: { kind: 'operator', name: 'Sam', role: 'supervisor' },
      approvedBy: null,
    });
    const audit = (await h.call({ method: 'GET', url: '/api/v1/audit?action=remote.send' })).json().items[0];
    expect(audit.actor).toMatchObject({ name: 'Sam', role: 'supervisor' });
  });

  it('reads only, for viewers; technicians list callbacks but may not write them', async () => {
    const vic = await signedIn(h, 'Vic', 'viewer');
    expect((await vic.call({ method: 'GET', url: '/api/v1/remotes' })).statusCode).toBe(200);
    expect((await send(vic, { horn: { state: 'Activated' } })).statusCode).toBe(403);
    const tess = await signedIn(h, 'Tess', 'technician', '654321');
    expect((await tess.call({ method: 'GET', url: '/api/v1/callbacks' })).statusCode).toBe(200);
    const write = await tess.call({
      method: 'PUT',
      url: `/api/v1/callbacks/${cbid}/status`,
      payload: { status: 'Paused' },
    });
    expect(write.statusCode).toBe(403);
    // Through the fleet API mirror too: the same service decides.
    const viaMirror = await tess.call({
      method: 'PUT',
      url: `/api/v1/fleets/fleet-1/remote/callbacks/${cbid}/status`,
      payload: { status: 'Paused' },
    });
    expect(viaMirror.statusCode).toBe(403);
    expect((await h.call({ method: 'GET', url: `/api/v1/callbacks/${cbid}` })).json().status).toBe('Running');
    const settings = await tess.call({ method: 'GET', url: '/api/v1/connection/check' });
    expect(settings.statusCode).toBe(403);
  });
});

describe('approval on a technician’s screen', () => {
  it('a supervisor’s PIN lets one command through, recorded as sent by Tess, approved by Sam', async () => {
    const tess = await signedIn(h, 'Tess', 'technician');
    await addOperator(h, 'Sam', 'supervisor', '771203');
    const sent = await send(
      tess,
      { immobilization: { activate: true } },
      {
        ...REASON,
        'x-depot-approver': 'Sam',
        'x-depot-approver-pin': '771203',
      },
    );
    expect(sent.statusCode).toBe(202);
    const action = (
      await h.call({ method: 'GET', url: `/api/v1/remotes/${sent.json().remoteActionId}` })
    ).json();
    expect(action.sentBy).toMatchObject({ name: 'Tess', role: 'technician' });
    expect(action.approvedBy).toMatchObject({ name: 'Sam', role: 'supervisor' });
    // The session is still Tess's: the next one needs approval again.
    h.clock.advance(5_000);
    expect((await send(tess, { immobilization: { activate: false } }, REASON)).statusCode).toBe(403);
  });

  it('a wrong approver PIN is refused and counts toward the approver’s lock; a technician cannot approve', async () => {
    const tess = await signedIn(h, 'Tess', 'technician');
    const samId = await addOperator(h, 'Sam', 'supervisor', '771203');
    await addOperator(h, 'Tom', 'technician', '112233');
    const wrong = await send(
      tess,
      { immobilization: { activate: true } },
      {
        ...REASON,
        'x-depot-approver': 'Sam',
        'x-depot-approver-pin': '000000',
      },
    );
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('WRONG_PIN');
    expect((await h.call({ method: 'GET', url: `/api/v1/operators/${samId}` })).json().failedAttempts).toBe(
      1,
    );
    const byTom = await send(
      tess,
      { immobilization: { activate: true } },
      {
        ...REASON,
        'x-depot-approver': 'Tom',
        'x-depot-approver-pin': '112233',
      },
    );
    expect(byTom.statusCode).toBe(403);
    expect(await actionsCount()).toBe(0);
  });
});

describe('the policy', () => {
  it('is read and changed by admins, applies at once, and refuses to give a remote to viewers', async () => {
    const tess = await signedIn(h, 'Tess', 'technician');
    const initial = (await h.call({ method: 'GET', url: '/api/v1/policy' })).json();
    expect(initial).toMatchObject({
      idleLockMinutes: 10,
      rules: {
        'Doors.Unlocked': 'technician',
        Stolen: 'supervisor',
        'Immobilization.deactivate': 'supervisor',
      },
    });
    const viewers = await h.call({
      method: 'PUT',
      url: '/api/v1/policy',
      payload: { rules: { Horn: 'viewer' } },
    });
    expect(viewers.statusCode).toBe(422);
    expect(viewers.json().errors[0].field).toBe('rules.Horn');

    const put = await h.call({
      method: 'PUT',
      url: '/api/v1/policy',
      payload: { rules: { 'Doors.Unlocked': 'supervisor' }, idleLockMinutes: 3 },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ idleLockMinutes: 3, rules: { 'Doors.Unlocked': 'supervisor' } });
    expect((await send(tess, { door: { state: 'Unlocked' } })).statusCode).toBe(403);
    expect((await send(tess, { door: { state: 'Locked' } })).statusCode).toBe(202);
    const audit = (await h.call({ method: 'GET', url: '/api/v1/audit?action=policy.change' })).json()
      .items[0];
    expect(audit.detail).toMatchObject({
      changed: [{ key: 'Doors.Unlocked', from: 'technician', to: 'supervisor' }],
      idleLockMinutes: [10, 3],
    });
    // The session tells the UI the new rules and idle time.
    expect((await tess.call({ method: 'GET', url: '/api/v1/session' })).json()).toMatchObject({
      idleLockMinutes: 3,
      rules: { 'Doors.Unlocked': 'supervisor' },
    });
  });

  it('needs Immobilization’s role too for a Stolen request that immobilizes', async () => {
    await h.call({
      method: 'PUT',
      url: '/api/v1/policy',
      payload: { rules: { Stolen: 'supervisor', 'Immobilization.activate': 'admin' } },
    });
    const sam = await signedIn(h, 'Sam', 'supervisor');
    expect((await send(sam, { stolen: { stolen: true } }, REASON)).statusCode).toBe(202);
    h.clock.advance(5_000);
    const both = await send(sam, { stolen: { immobilization: { activate: true } } }, REASON);
    expect(both.statusCode).toBe(403);
    expect(both.json().message).toMatch(/admin/);
  });
});
