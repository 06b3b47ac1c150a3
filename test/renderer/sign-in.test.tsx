// @vitest-environment jsdom
// The sign-in screen: an enrolled browser picks a name from the list with the arrows and Enter, then types the
// PIN (the PIN field has the focus); a wrong PIN and a locked operator are said in words; a browser not enrolled
// gets the token form, which enrols it (checked by default); the idle lock says why the screen is there.
import './helpers/dom.js';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { SessionDto } from '../../preload/contract/access.js';
import { LoginView } from '../../renderer/src/features/login/LoginView.js';
import { failure, fakeClient, GOOD_PIN, operatorActor, session, SIGNED_OUT } from './helpers/fake-client.js';
import { renderWithStores } from './helpers/render.js';

async function signInScreen(start: SessionDto = SIGNED_OUT) {
  const client = fakeClient({ session: start });
  const r = renderWithStores(<LoginView />, client, undefined, { session: null });
  await r.stores.session.getState().check();
  return { ...r, user: userEvent.setup() };
}

const list = () => screen.getByRole('listbox', { name: 'Operator' });
const selected = () =>
  within(list())
    .getAllByRole('option', { selected: true })
    .map((o) => o.textContent);

describe('sign-in', () => {
  it('picks an operator with the arrows and Enter, then the PIN: the PIN field has the focus', async () => {
    const { client, stores, user } = await signInScreen();
    await waitFor(() => expect(document.activeElement).toBe(list()));
    expect(
      within(list())
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['AdaAdmin', 'SamSupervisor', 'TessTechnician', 'VicViewer']);
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(selected()).toEqual(['SamSupervisor']);
    await user.keyboard('{End}{ArrowUp}');
    expect(selected()).toEqual(['TessTechnician']);
    await user.keyboard('{Enter}');
    const pin = screen.getByLabelText('PIN for Tess');
    expect(document.activeElement).toBe(pin);
    await user.keyboard(`${GOOD_PIN}{Enter}`);
    await waitFor(() => expect(stores.session.getState().status).toBe('signed-in'));
    expect(client.signIn).toHaveBeenCalledWith({ body: { operator: 'op-tess', pin: GOOD_PIN } });
  });

  it('a letter jumps to the next name starting with it; a click chooses too', async () => {
    const { user } = await signInScreen();
    await waitFor(() => expect(document.activeElement).toBe(list()));
    await user.keyboard('v');
    expect(selected()).toEqual(['VicViewer']);
    await user.click(screen.getByRole('option', { name: /Sam/ }));
    expect(document.activeElement).toBe(screen.getByLabelText('PIN for Sam'));
  });

  it('says a wrong PIN next to the field, empties it and keeps the focus there', async () => {
    const { client, user } = await signInScreen();
    await user.click(await screen.findByRole('option', { name: /Tess/ }));
    await user.keyboard('000000{Enter}');
    expect(await screen.findByText('Wrong PIN. 4 tries left before a lock.')).toBeTruthy();
    const pin = screen.getByLabelText('PIN for Tess') as HTMLInputElement;
    expect(pin.value).toBe('');
    expect(pin.hasAttribute('data-invalid')).toBe(true);
    expect(document.activeElement).toBe(pin);
    expect(client.signIn).toHaveBeenCalledTimes(1);
  });

  it('says a locked operator must wait or ask an admin, in the agent’s words', async () => {
    const { client, user } = await signInScreen();
    client.signIn.mockRejectedValueOnce(
      failure(
        429,
        'OPERATOR_LOCKED',
        'Tess is locked after 5 wrong PINs: try again in 60 s, or ask an admin to unlock.',
      ),
    );
    await user.click(await screen.findByRole('option', { name: /Tess/ }));
    await user.keyboard(`${GOOD_PIN}{Enter}`);
    const alert = await screen.findByTestId('sign-in-error');
    expect(alert.textContent).toContain('Locked');
    expect(alert.textContent).toContain('try again in 60 s, or ask an admin to unlock');
  });

  it('asks for a name before a PIN', async () => {
    const { client, user } = await signInScreen();
    await screen.findByRole('listbox');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByText('Choose your name in the list first.')).toBeTruthy();
    expect(client.signIn).not.toHaveBeenCalled();
  });

  it('offers the machine token instead, and back', async () => {
    const { client, stores, user } = await signInScreen();
    await user.click(await screen.findByRole('button', { name: 'Sign in with the machine token instead' }));
    // Already enrolled: nothing to enrol.
    expect(screen.queryByLabelText('Enrol this browser for PIN sign-in')).toBeNull();
    await user.type(screen.getByLabelText('API token'), 'right{Enter}');
    await waitFor(() => expect(stores.session.getState().status).toBe('signed-in'));
    expect(client.enrolBrowser).not.toHaveBeenCalled();
  });

  it('on a browser not enrolled: the token form enrols it, checked by default', async () => {
    const { client, stores, user } = await signInScreen({ ...SIGNED_OUT, enrolled: false });
    expect(screen.queryByRole('listbox')).toBeNull();
    const enrol = screen.getByLabelText('Enrol this browser for PIN sign-in') as HTMLInputElement;
    expect(enrol.checked).toBe(true);
    await user.type(screen.getByLabelText('API token'), 'wrong{Enter}');
    expect(await screen.findByText('That token is not the one in api-token.')).toBeTruthy();
    await user.clear(screen.getByLabelText('API token'));
    await user.type(screen.getByLabelText('API token'), 'right{Enter}');
    await waitFor(() => expect(stores.session.getState().status).toBe('signed-in'));
    expect(client.enrolBrowser).toHaveBeenCalledTimes(1);
  });

  it('leaves a browser unenrolled when the box is unchecked', async () => {
    const { client, stores, user } = await signInScreen({ ...SIGNED_OUT, enrolled: false });
    await user.click(screen.getByLabelText('Enrol this browser for PIN sign-in'));
    await user.type(screen.getByLabelText('API token'), 'right{Enter}');
    await waitFor(() => expect(stores.session.getState().status).toBe('signed-in'));
    expect(client.enrolBrowser).not.toHaveBeenCalled();
  });

  it('explains enrolment when the agent refuses the list (NOT_ENROLLED), with the token form below', async () => {
    const client = fakeClient({ session: SIGNED_OUT });
    client.listSignInOperators.mockRejectedValueOnce(failure(403, 'NOT_ENROLLED', 'Not enrolled.'));
    const r = renderWithStores(<LoginView />, client, undefined, { session: null });
    await r.stores.session.getState().check();
    const note = await screen.findByTestId('not-enrolled');
    expect(note.textContent).toContain('This browser is not enrolled for PIN sign-in');
    expect(note.textContent).toContain('Enrol this browser for PIN sign-in');
    expect(screen.getByLabelText('API token')).toBeTruthy();
  });

  it('after the idle lock: says why, with the operator who was there chosen already', async () => {
    const client = fakeClient({
      session: session({ actor: operatorActor('Tess', 'technician', 'op-tess') }),
    });
    const r = renderWithStores(<LoginView />, client, undefined, { session: null });
    await r.stores.session.getState().check();
    await r.stores.session.getState().lock(10);
    expect((await screen.findByTestId('idle-locked')).textContent).toContain(
      'Locked after 10 minutes without use',
    );
    const pin = await screen.findByLabelText('PIN for Tess');
    await waitFor(() => expect(document.activeElement).toBe(pin));
    fireEvent.change(pin, { target: { value: GOOD_PIN } });
    fireEvent.submit(pin.closest('form')!);
    await waitFor(() => expect(r.stores.session.getState().status).toBe('signed-in'));
  });
});
