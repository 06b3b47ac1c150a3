// @vitest-environment jsdom
// The shell around a signed-in operator: who it is (name and role), the admin's pages for admins only, switching
// operator in two clicks and a PIN, changing one's PIN, signing out, the idle lock after the policy's minutes
// without input (a fake clock), and the first admin created from a machine-token session.
import './helpers/dom.js';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionDto } from '../../preload/contract/access.js';
import { App } from '../../renderer/src/app/App.js';
import { fakeClient, GOOD_PIN, MACHINE, operatorActor, session } from './helpers/fake-client.js';
import { renderWithStores } from './helpers/render.js';

const tess = session({ actor: operatorActor('Tess', 'technician', 'op-tess') });

async function app(start: SessionDto = tess, options: Parameters<typeof fakeClient>[0] = {}) {
  const client = fakeClient({ session: start, ...options });
  const r = renderWithStores(<App />, client, undefined, { session: null });
  await menuReady();
  return { ...r, user: userEvent.setup() };
}

const header = () => screen.getByTestId('session-menu');
/** The menu takes its button's place once the first frame is painted (SessionMenu.tsx): pressed from then on. */
const menuReady = () => waitFor(() => expect(header().getAttribute('aria-haspopup')).toBe('menu'));
/**
 * An item of the open session menu. jsdom has no layout, so the menu's positioning may call its anchor detached and
 * keep the dropdown display:none (hidden from the accessibility tree) though it is open: found with `hidden`.
 */
const menuItem = async (name: string | RegExp) => {
  await waitFor(() => expect(header().getAttribute('aria-expanded')).toBe('true'));
  return screen.findByRole('menuitem', { name, hidden: true });
};
const nav = () => within(screen.getByRole('navigation', { name: 'Main' }));

afterEach(() => {
  vi.useRealTimers();
});

describe('the shell and the session', () => {
  it('shows who is signed in, and the admin pages to admins only', async () => {
    await app();
    expect(header().textContent).toBe('TessTechnician');
    expect(nav().queryByText('Operators')).toBeNull();
    expect(nav().queryByText('Tokens')).toBeNull();
    expect(nav().queryByText('Access policy')).toBeNull();
    expect(nav().getByText('Audit log')).toBeTruthy();
  });

  it('an admin sees Operators, Tokens and Access policy', async () => {
    await app(session());
    expect(header().textContent).toBe('AdaAdmin');
    for (const label of ['Operators', 'Tokens', 'Access policy']) expect(nav().getByText(label)).toBeTruthy();
  });

  it('switches operator in two clicks and a PIN; a wrong PIN keeps Tess signed in', async () => {
    const { user, client } = await app();
    await user.click(header());
    await user.click(await menuItem(/Sam/));
    const pin = await screen.findByLabelText('PIN for Sam');
    await waitFor(() => expect(document.activeElement).toBe(pin));
    await user.keyboard('999999{Enter}');
    expect(await screen.findByText('Wrong PIN. 4 tries left before a lock.')).toBeTruthy();
    expect(header().textContent).toBe('TessTechnician');
    await user.keyboard(`${GOOD_PIN}{Enter}`);
    await waitFor(() => expect(header().textContent).toBe('SamSupervisor'));
    expect(client.signIn).toHaveBeenLastCalledWith({ body: { operator: 'op-sam', pin: GOOD_PIN } });
    expect(screen.queryByLabelText('PIN for Sam')).toBeNull();
  });

  it('changes my PIN: the current one, the new one twice', async () => {
    const { user, client } = await app();
    await user.click(header());
    await user.click(await menuItem('Change my PIN'));
    await user.type(await screen.findByLabelText('Current PIN'), GOOD_PIN);
    await user.type(screen.getByLabelText('New PIN'), '24681357');
    await user.type(screen.getByLabelText('New PIN (again)'), '24681358');
    await user.click(screen.getByRole('button', { name: 'Change' }));
    expect(await screen.findByText('The two differ: type the same one twice.')).toBeTruthy();
    expect(client.changeOwnPin).not.toHaveBeenCalled();
    await user.clear(screen.getByLabelText('New PIN (again)'));
    await user.type(screen.getByLabelText('New PIN (again)'), '24681357');
    await user.click(screen.getByRole('button', { name: 'Change' }));
    expect((await screen.findByTestId('pin-changed')).textContent).toBe('Your PIN is changed.');
    expect(client.changeOwnPin).toHaveBeenCalledWith({ body: { current: GOOD_PIN, pin: '24681357' } });
  });

  it('a wrong current PIN is said in the dialog', async () => {
    const { user } = await app();
    await user.click(header());
    await user.click(await menuItem('Change my PIN'));
    await user.type(await screen.findByLabelText('Current PIN'), '000000');
    await user.type(screen.getByLabelText('New PIN'), '24681357');
    await user.type(screen.getByLabelText('New PIN (again)'), '24681357');
    await user.click(screen.getByRole('button', { name: 'Change' }));
    expect(await screen.findByText('Wrong PIN for Tess.')).toBeTruthy();
  });

  it('signs out to the operator picker', async () => {
    const { user, client } = await app();
    await user.click(header());
    await user.click(await menuItem('Sign out'));
    expect(await screen.findByRole('listbox', { name: 'Operator' })).toBeTruthy();
    expect(client.signOut).toHaveBeenCalledTimes(1);
  });

  it('locks after the idle minutes without input, not before; input pushes it back', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { client } = await app(session({ ...tess, idleLockMinutes: 2 }));
    await act(() => vi.advanceTimersByTimeAsync(90_000));
    fireEvent.keyDown(document.body, { key: 'Shift' });
    await act(() => vi.advanceTimersByTimeAsync(90_000));
    expect(client.signOut).not.toHaveBeenCalled();
    fireEvent.pointerMove(document.body);
    await act(() => vi.advanceTimersByTimeAsync(119_000));
    expect(client.signOut).not.toHaveBeenCalled();
    await act(() => vi.advanceTimersByTimeAsync(2_000));
    expect(client.signOut).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
    expect((await screen.findByTestId('idle-locked')).textContent).toContain(
      'Locked after 2 minutes without use',
    );
    expect(await screen.findByLabelText('PIN for Tess')).toBeTruthy();
  });

  it('never locks when the policy says 0 minutes', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { client } = await app(session({ ...tess, idleLockMinutes: 0 }));
    await act(() => vi.advanceTimersByTimeAsync(24 * 3600_000));
    expect(client.signOut).not.toHaveBeenCalled();
  });

  it('offers the machine token to create the first admin, then signs in as them', async () => {
    const machine = session({ actor: MACHINE, firstAdminNeeded: true, enrolled: false });
    const { user, client } = await app(machine, { team: [] });
    expect(header().textContent).toBe('machine tokenAdmin');
    await user.click(screen.getByRole('button', { name: 'Create the first admin' }));
    await user.type(await screen.findByLabelText(/^Name/), 'Ada');
    await user.type(screen.getByLabelText('New PIN'), GOOD_PIN);
    await user.type(screen.getByLabelText('New PIN (again)'), GOOD_PIN);
    await user.click(screen.getByRole('button', { name: 'Create and sign in' }));
    await waitFor(() => expect(header().textContent).toBe('AdaAdmin'));
    expect(client.createOperator).toHaveBeenCalledWith({
      body: { name: 'Ada', role: 'admin', pin: GOOD_PIN },
    });
    expect(client.enrolBrowser).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId('first-admin')).toBeNull();
  });

  it('keeps the name typed at the keyboard for a token session ("on behalf of")', async () => {
    const { stores } = await app(
      session({ actor: { kind: 'token', id: 't1', name: 'desk', role: 'technician' } }),
    );
    fireEvent.change(screen.getByLabelText('Operator name'), { target: { value: 'Ana' } });
    expect(stores.session.getState().operator).toBe('Ana');
  });
});
