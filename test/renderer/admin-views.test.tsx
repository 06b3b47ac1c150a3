// @vitest-environment jsdom
// The admin's pages: operators (add with a PIN typed twice, change role and state, a new PIN, unlock, delete with a
// confirmation; the last admin's refusal in the agent's words), tokens (the secret once, with a copy button;
// revoke asks first) and the access policy (a role for each command, the idle lock; saved whole). Non-admins are
// told the page is for admins.
import './helpers/dom.js';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Routes } from '../../renderer/src/app/Routes.js';
import { createStores } from '../../renderer/src/stores/app-stores.js';
import { parseRoute } from '../../renderer/src/stores/router-store.js';
import {
  DEFAULT_RULES,
  failure,
  fakeClient,
  GOOD_PIN,
  operator,
  operatorActor,
  session,
  TEAM,
} from './helpers/fake-client.js';
import { renderWithStores } from './helpers/render.js';

function page(route: string, options: Parameters<typeof fakeClient>[0] = {}, who = session()) {
  const client = fakeClient(options);
  const stores = createStores(client);
  stores.router.getState().navigate(parseRoute(route));
  const r = renderWithStores(<Routes />, client, stores, { session: who });
  return { ...r, user: userEvent.setup() };
}

const row = (name: string) =>
  screen.getAllByTestId('operator-row').find((r) => r.getAttribute('data-name') === name)!;

describe('Operators', () => {
  it('lists the operators with role and state, a locked one with its unlock', async () => {
    const team = [
      ...TEAM,
      operator({ id: 'op-lou', name: 'Lou', lockedUntil: '2999-01-01T10:00:00.000Z', failedAttempts: 5 }),
    ];
    const { user, client } = page('#/operators', { team });
    await screen.findAllByTestId('operator-row');
    expect(screen.getAllByTestId('operator-row').map((r) => r.getAttribute('data-name'))).toEqual([
      'Ada',
      'Lou',
      'Sam',
      'Tess',
      'Vic',
    ]);
    expect(within(row('Ada')).getByText('(you)')).toBeTruthy();
    expect(within(row('Lou')).getByTestId('operator-locked').textContent).toContain('Locked until');
    expect(within(row('Tess')).queryByRole('button', { name: /Unlock/ })).toBeNull();
    await user.click(within(row('Lou')).getByRole('button', { name: 'Unlock Lou' }));
    expect(await screen.findByText('Lou is unlocked.')).toBeTruthy();
    expect(client.unlockOperator).toHaveBeenCalledWith({ id: 'op-lou' });
    expect(within(row('Lou')).queryByTestId('operator-locked')).toBeNull();
  });

  it('adds an operator with a PIN typed twice, and shows a taken name next to its field', async () => {
    const { user, client } = page('#/operators');
    await screen.findAllByTestId('operator-row');
    await user.click(screen.getByRole('button', { name: 'Add an operator' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText(/^Name/), 'Tess');
    await user.type(within(dialog).getByLabelText('New PIN'), GOOD_PIN);
    await user.type(within(dialog).getByLabelText('New PIN (again)'), GOOD_PIN);
    client.createOperator.mockRejectedValueOnce(
      failure(409, 'OPERATOR_NAME_TAKEN', 'An operator named Tess already exists.', [
        { field: 'name', message: 'Another operator has this name: choose another.' },
      ]),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Add' }));
    expect(
      await within(dialog).findAllByText('Another operator has this name: choose another.'),
    ).not.toHaveLength(0);
    await user.clear(within(dialog).getByLabelText(/^Name/));
    await user.type(within(dialog).getByLabelText(/^Name/), 'Theo');
    await user.click(within(dialog).getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(client.createOperator).toHaveBeenLastCalledWith({
      body: { name: 'Theo', role: 'technician', pin: GOOD_PIN },
    });
    expect(row('Theo')).toBeTruthy();
  });

  it('changes a role and disables; sends only what changed', async () => {
    const { user, client } = page('#/operators');
    await screen.findAllByTestId('operator-row');
    await user.click(within(row('Tess')).getByRole('button', { name: 'Change Tess' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('combobox', { name: 'Role' }));
    await user.click(await screen.findByRole('option', { name: 'Supervisor', hidden: true }));
    await user.click(within(dialog).getByRole('switch', { name: /May sign in/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(client.updateOperator).toHaveBeenCalledWith({
      id: 'op-tess',
      body: { role: 'supervisor', enabled: false },
    });
    expect(within(row('Tess')).getByText('Supervisor')).toBeTruthy();
    expect(within(row('Tess')).getByText('Disabled')).toBeTruthy();
  });

  it('sets a new PIN for a forgotten one', async () => {
    const { user, client } = page('#/operators');
    await screen.findAllByTestId('operator-row');
    await user.click(within(row('Sam')).getByRole('button', { name: 'Set a new PIN: Sam' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('New PIN'), '13579135');
    await user.type(within(dialog).getByLabelText('New PIN (again)'), '13579135');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(client.updateOperator).toHaveBeenCalledWith({ id: 'op-sam', body: { pin: '13579135' } }),
    );
  });

  it("deletes after a confirmation; the last admin's refusal is shown in the agent's words", async () => {
    const { user, client } = page('#/operators');
    await screen.findAllByTestId('operator-row');
    client.deleteOperator.mockRejectedValueOnce(
      failure(409, 'LAST_ADMIN', 'Ada is the last admin: make another operator an admin first.'),
    );
    await user.click(within(row('Ada')).getByRole('button', { name: 'Delete Ada' }));
    let dialog = await screen.findByRole('dialog');
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    await user.click(within(dialog).getByRole('button', { name: 'Delete Ada' }));
    expect(
      await within(dialog).findByText('Ada is the last admin: make another operator an admin first.'),
    ).toBeTruthy();
    expect(row('Ada')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await user.click(within(row('Vic')).getByRole('button', { name: 'Delete Vic' }));
    dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Delete Vic' }));
    await waitFor(() => expect(screen.getAllByTestId('operator-row')).toHaveLength(3));
    expect(client.deleteOperator).toHaveBeenLastCalledWith({ id: 'op-vic' });
  });

  it('tells a non-admin the page is for admins', async () => {
    const { client } = page('#/operators', {}, session({ actor: operatorActor('Sam', 'supervisor') }));
    expect((await screen.findByTestId('admins-only-page')).textContent).toContain('Admins only');
    expect(client.listOperators).not.toHaveBeenCalled();
  });
});

describe('Tokens', () => {
  it('creates a token and shows its secret once, with a copy button; it is gone once dismissed', async () => {
    const { user, client } = page('#/tokens');
    await screen.findAllByTestId('token-row');
    await user.type(screen.getByLabelText(/^Label/), 'dealer system');
    await user.click(screen.getByRole('combobox', { name: 'Role' }));
    await user.click(await screen.findByRole('option', { name: 'Viewer', hidden: true }));
    await user.click(screen.getByRole('button', { name: 'Create the token' }));
    const revealed = await screen.findByTestId('revealed-token');
    expect(within(revealed).getByTestId('token-secret').textContent).toBe('dr_secret_shown_once');
    expect(revealed.textContent).toContain('It will not be shown again.');
    expect(within(revealed).getByRole('button', { name: 'Copy' })).toBeTruthy();
    expect(client.createToken).toHaveBeenCalledWith({ body: { label: 'dealer system', role: 'viewer' } });
    // Listed without its secret.
    const listed = screen
      .getAllByTestId('token-row')
      .find((r) => r.getAttribute('data-label') === 'dealer system')!;
    expect(listed.textContent).not.toContain('dr_secret');
    await user.click(within(revealed).getByRole('button', { name: 'I have copied it' }));
    expect(screen.queryByTestId('revealed-token')).toBeNull();
    expect(document.body.textContent).not.toContain('dr_secret_shown_once');
  });

  it('sends an expiry as an RFC 3339 instant', async () => {
    const { user, client } = page('#/tokens');
    await screen.findAllByTestId('token-row');
    await user.type(screen.getByLabelText(/^Label/), 'night job');
    await user.type(screen.getByLabelText(/^Expires/), '2027-01-05T08:00');
    await user.click(screen.getByRole('button', { name: 'Create the token' }));
    await waitFor(() => expect(client.createToken).toHaveBeenCalled());
    expect(client.createToken.mock.calls[0]![0].body.expiresAt).toBe(
      new Date('2027-01-05T08:00').toISOString(),
    );
  });

  it('revokes after a confirmation', async () => {
    const { user, client } = page('#/tokens');
    const [first] = await screen.findAllByTestId('token-row');
    await user.click(within(first!).getByRole('button', { name: 'Revoke fleet script' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('Every call with it is refused from now on.');
    client.listTokens.mockResolvedValueOnce({
      items: [{ ...(await client.listTokens()).items[0]!, revokedAt: '2026-01-02T10:00:00.000Z' }],
    });
    client.listTokens.mockClear();
    await user.click(within(dialog).getByRole('button', { name: 'Revoke it' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(client.revokeToken).toHaveBeenCalledWith({ id: 'tok-1' });
    expect(await screen.findByText('Revoked')).toBeTruthy();
  });
});

describe('Access policy', () => {
  it('shows a role for each command and the idle lock, and saves them whole', async () => {
    const { user, client, stores } = page('#/policy');
    const rows = await screen.findAllByTestId('policy-row');
    expect(rows).toHaveLength(Object.keys(DEFAULT_RULES).length);
    const unlock = screen.getByRole('combobox', {
      name: 'Lowest role for Doors: unlock',
    }) as HTMLInputElement;
    expect(unlock.value).toBe('Technician');
    await user.click(unlock);
    // Viewers only look: not offered.
    const choices = within(document.getElementById(unlock.getAttribute('aria-controls')!)!);
    expect(choices.getAllByRole('option', { hidden: true }).map((o) => o.textContent)).toEqual([
      'Technician',
      'Supervisor',
      'Admin',
    ]);
    await user.click(choices.getByRole('option', { name: 'Supervisor', hidden: true }));
    const idle = screen.getByLabelText(/^Lock the screen after/);
    await user.clear(idle);
    await user.type(idle, '5');
    await user.click(screen.getByRole('button', { name: 'Save the policy' }));
    expect(await screen.findByText('Saved: it applies at once.')).toBeTruthy();
    expect(client.putPolicy).toHaveBeenCalledWith({
      body: { rules: { ...DEFAULT_RULES, 'Doors.Unlocked': 'supervisor' }, idleLockMinutes: 5 },
    });
    // The session follows at once: its rules and idle lock are read again.
    await waitFor(() => expect(stores.session.getState().session?.idleLockMinutes).toBe(5));
  });

  it("shows the agent's refusal next to its rule", async () => {
    const { user, client } = page('#/policy');
    await screen.findAllByTestId('policy-row');
    client.putPolicy.mockRejectedValueOnce(
      failure(
        422,
        'POLICY_VIEWER_CANNOT_SEND',
        'Viewers only read: give each remote to technicians or above.',
        [{ field: 'rules.Horn', message: 'Choose technician, supervisor or admin.' }],
      ),
    );
    await user.click(screen.getByRole('button', { name: 'Save the policy' }));
    expect(await screen.findAllByText('Choose technician, supervisor or admin.')).not.toHaveLength(0);
  });
});

describe('the new callback form', () => {
  it('is for admins: a supervisor reaching it by its address is told so', async () => {
    page('#/callbacks/new', {}, session({ actor: operatorActor('Sam', 'supervisor') }));
    expect((await screen.findByTestId('admins-only-page')).textContent).toContain('Admins only');
  });
});
