// The session as the UI holds it: a token sign-in that enrols the browser (or says why it could not), an operator
// signing in with a PIN, another taking over (a refusal keeps the current one), signing out and the idle lock (the
// enrolment read again, the person remembered for the picker), and the session's own end.
import { describe, expect, it, vi } from 'vitest';
import { createStores, startLive } from '../../renderer/src/stores/app-stores.js';
import { createSessionStore } from '../../renderer/src/stores/session-store.js';
import {
  failure,
  fakeClient,
  GOOD_PIN,
  MACHINE,
  operatorActor,
  session,
  SIGNED_OUT,
} from './helpers/fake-client.js';

function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, v),
  };
}

describe('session store', () => {
  it('reads the session first: signed in or not, and whether this browser is enrolled', async () => {
    const client = fakeClient({ session: { ...SIGNED_OUT, enrolled: false } });
    const store = createSessionStore(client, null);
    expect(store.getState().status).toBe('checking');
    await store.getState().check();
    expect(store.getState()).toMatchObject({ status: 'signed-out', session: { enrolled: false } });
    client.getSession.mockRejectedValueOnce(failure(0, 'AGENT_UNREACHABLE', 'The agent does not answer.'));
    await store.getState().check();
    expect(store.getState().error?.code).toBe('AGENT_UNREACHABLE');
  });

  it('signs in with the token and enrols the browser when asked', async () => {
    const client = fakeClient({ session: { ...SIGNED_OUT, enrolled: false } });
    const store = createSessionStore(client, null);
    expect(await store.getState().signInWithToken(' right ', { enrol: true })).toBe(true);
    expect(client.signIn).toHaveBeenCalledWith({ body: { token: 'right' } });
    expect(client.enrolBrowser).toHaveBeenCalledTimes(1);
    expect(store.getState()).toMatchObject({
      status: 'signed-in',
      notice: null,
      session: { enrolled: true, actor: MACHINE },
    });
  });

  it('does not enrol unless asked, and says so when enrolment is refused while the sign-in stands', async () => {
    const client = fakeClient({ session: { ...SIGNED_OUT, enrolled: false } });
    const store = createSessionStore(client, null);
    await store.getState().signInWithToken('right');
    expect(client.enrolBrowser).not.toHaveBeenCalled();
    await store.getState().signOut();
    client.enrolBrowser.mockRejectedValueOnce(failure(403, 'FORBIDDEN', 'This needs an admin (or higher).'));
    expect(await store.getState().signInWithToken('right', { enrol: true })).toBe(true);
    expect(store.getState().status).toBe('signed-in');
    expect(store.getState().notice?.message).toBe('This needs an admin (or higher).');
  });

  it("signs an operator in with a PIN; their own name is the session's, not remembered for the next", async () => {
    const storage = memoryStorage();
    storage.setItem('depot-remote.operator', 'Someone');
    const client = fakeClient({ session: SIGNED_OUT });
    const store = createSessionStore(client, storage);
    expect(await store.getState().signInAsOperator('op-tess', '000000')).toBe(false);
    expect(store.getState().error).toMatchObject({ code: 'WRONG_PIN', errors: [{ field: 'pin' }] });
    expect(await store.getState().signInAsOperator('op-tess', GOOD_PIN)).toBe(true);
    expect(store.getState()).toMatchObject({ status: 'signed-in', error: null, operator: 'Tess' });
    store.getState().setOperator('Tess T.');
    expect(storage.getItem('depot-remote.operator')).toBe('Someone');
  });

  it('lets another operator take over; a wrong PIN keeps the one signed in', async () => {
    const client = fakeClient({
      session: session({ actor: operatorActor('Tess', 'technician', 'op-tess') }),
    });
    const store = createSessionStore(client, null);
    await store.getState().check();
    const refused = await store.getState().switchOperator('op-sam', '111111');
    expect(refused).toMatchObject({ ok: false, error: { code: 'WRONG_PIN' } });
    expect(store.getState().session?.actor?.name).toBe('Tess');
    const done = await store.getState().switchOperator('op-sam', GOOD_PIN);
    expect(done.ok).toBe(true);
    expect(store.getState().session?.actor).toMatchObject({ name: 'Sam', role: 'supervisor' });
    expect(store.getState().operator).toBe('Sam');
  });

  it('signs out, then knows the picker applies and who was there; the idle lock says why', async () => {
    const client = fakeClient({
      session: session({ actor: operatorActor('Tess', 'technician', 'op-tess') }),
    });
    const store = createSessionStore(client, null);
    await store.getState().check();
    await store.getState().lock(10);
    expect(client.signOut).toHaveBeenCalledTimes(1);
    expect(store.getState()).toMatchObject({
      status: 'signed-out',
      lockedAfter: 10,
      previous: { id: 'op-tess' },
      session: { signedIn: false, enrolled: true },
    });
    await store.getState().signInAsOperator('op-tess', GOOD_PIN);
    expect(store.getState().lockedAfter).toBeNull();
    await store.getState().signOut();
    expect(store.getState().lockedAfter).toBeNull();
  });

  it('shows the sign-in again when the agent ends the session, once', async () => {
    const client = fakeClient();
    const store = createSessionStore(client, null);
    await store.getState().check();
    store.getState().expired();
    expect(store.getState()).toMatchObject({ status: 'signed-out', error: { code: 'SESSION_ENDED' } });
    store.getState().expired();
    expect(store.getState().error?.code).toBe('SESSION_ENDED');
  });

  it('reads the session again after a change (the rules, a role) and signs out if it ended', async () => {
    const client = fakeClient();
    const store = createSessionStore(client, null);
    await store.getState().check();
    client.getSession.mockResolvedValueOnce(session({ rules: { Horn: 'supervisor' } }));
    await store.getState().refresh();
    expect(store.getState().session?.rules.Horn).toBe('supervisor');
    client.getSession.mockResolvedValueOnce(SIGNED_OUT);
    await store.getState().refresh();
    expect(store.getState().status).toBe('signed-out');
  });
});

describe('live access changes', () => {
  it('reads the session again when the policy or an operator changes, and the lists of people', async () => {
    const client = fakeClient();
    const stores = createStores(client);
    await stores.session.getState().check();
    await stores.team.getState().load();
    const stop = startLive(stores);
    const reads = client.getSession.mock.calls.length;
    client.getSession.mockResolvedValueOnce(session({ idleLockMinutes: 3 }));
    const appended = (seq: number, action: string) =>
      client.emit({
        name: 'audit.appended',
        data: {
          entry: {
            seq,
            at: '2026-01-01T10:00:00.000Z',
            operator: 'Ada',
            action,
            vin: null,
            remoteActionId: null,
            callbackId: null,
            reason: null,
            detail: null,
            actor: operatorActor('Ada', 'admin', 'op-ada'),
          },
        },
      } as never);
    appended(1, 'policy.change');
    await vi.waitFor(() => expect(stores.session.getState().session?.idleLockMinutes).toBe(3));
    expect(client.getSession).toHaveBeenCalledTimes(reads + 1);
    const teamReads = client.listSignInOperators.mock.calls.length;
    appended(2, 'operator.change');
    await vi.waitFor(() => expect(client.listSignInOperators).toHaveBeenCalledTimes(teamReads + 1));
    expect(client.getSession).toHaveBeenCalledTimes(reads + 2);
    // Not the operators page's list, never opened here.
    expect(client.listOperators).not.toHaveBeenCalled();
    appended(3, 'remote.send');
    expect(client.getSession).toHaveBeenCalledTimes(reads + 2);
    stop();
  });
});
