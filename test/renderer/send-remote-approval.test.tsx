// @vitest-environment jsdom
// The send form under the access policy (needs the SendRemotePanel hook, see SendAccessNote.tsx): a technician sees
// immobilization disabled with the supervisor note and sends it with a supervisor's approval (their name and PIN
// go as X-Depot-Approver / -Pin, after the reason is checked); a wrong PIN stays in the approval dialog; a viewer
// sees the send button disabled with the reason; a technician's lock is sent as usual.
import './helpers/dom.js';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { SessionDto } from '../../preload/contract/access.js';
import type { RemoteType } from '../../preload/contract/vocabulary.js';
import { SendRemotePanel } from '../../renderer/src/features/remotes/SendRemotePanel.js';
import { failure, fakeClient, GOOD_PIN, operatorActor, session, vehicle } from './helpers/fake-client.js';
import { renderWithStores } from './helpers/render.js';

const tess = session({ actor: operatorActor('Tess', 'technician', 'op-tess') });

async function panel(type: RemoteType, who: SessionDto) {
  const client = fakeClient({ session: who });
  const r = renderWithStores(<SendRemotePanel vehicle={vehicle()} type={type} />, client, undefined, {
    session: who,
  });
  await r.stores.callbacks.getState().load();
  r.stores.session.getState().setOperator(who.actor?.name ?? '');
  return { ...r, user: userEvent.setup() };
}

const sendButton = () =>
  screen.getByRole('button', { name: /Immobilize…|Honk|Lock the doors/ }) as HTMLButtonElement;

async function approver(dialog: HTMLElement) {
  const select = within(dialog).getByRole('combobox', { name: 'Approved by' }) as HTMLInputElement;
  await waitFor(() => expect(select.value).not.toBe(''));
  return select;
}

describe('the send form under the access policy', () => {
  it('a technician: immobilization disabled with the supervisor note, sent with a supervisor’s approval', async () => {
    const { user, client } = await panel('Immobilization', tess);
    expect(sendButton().disabled).toBe(true);
    expect(screen.getByTestId('send-access-note').textContent).toContain(
      'Needs a supervisor (ask one to approve, or sign in as one)',
    );
    // The reason first: the approval is for a complete command.
    await user.click(screen.getByRole('button', { name: 'Ask a supervisor to approve' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getAllByText(/Give the reason/).length).toBeGreaterThan(0);
    await user.type(screen.getByRole('textbox', { name: /Reason/ }), 'Lease unpaid, file 118');
    await user.click(screen.getByRole('button', { name: 'Ask a supervisor to approve' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('Immobilize Van 01 needs a supervisor');
    await approver(dialog);
    client.sendRemote.mockRejectedValueOnce(
      failure(401, 'WRONG_PIN', 'Wrong PIN for Ada.', [
        { field: 'x-depot-approver-pin', message: 'Wrong PIN. 4 tries left before a lock.' },
      ]),
    );
    await user.type(within(dialog).getByLabelText('Their PIN'), '000000{Enter}');
    expect(await within(dialog).findByText('Wrong PIN. 4 tries left before a lock.')).toBeTruthy();
    // Said once, in the dialog: not also above the form.
    expect(screen.queryByTestId('error-summary')).toBeNull();
    await user.type(within(dialog).getByLabelText('Their PIN'), `${GOOD_PIN}{Enter}`);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(client.sent.at(-1)).toMatchObject({
      body: { immobilization: { activate: true } },
      reason: 'Lease unpaid, file 118',
      approver: 'op-ada',
      approverPin: GOOD_PIN,
    });
    expect(await screen.findByTestId('sent-action')).toBeTruthy();
  });

  it('a technician locks the doors as usual', async () => {
    const { user, client } = await panel('Doors', tess);
    expect(sendButton().disabled).toBe(false);
    expect(screen.queryByTestId('send-access-note')).toBeNull();
    await user.click(sendButton());
    await waitFor(() => expect(client.sent).toHaveLength(1));
    expect(client.sent[0]).not.toHaveProperty('approver');
  });

  it('a viewer: sending disabled, with the reason and nothing to ask', async () => {
    await panel('Horn', session({ actor: operatorActor('Vic', 'viewer', 'op-vic') }));
    expect(sendButton().disabled).toBe(true);
    expect(screen.getByTestId('send-access-note').textContent).toBe(
      'Viewers cannot send commands: sign in as a technician (or higher) to send this.',
    );
    expect(screen.queryByRole('button', { name: /to approve/ })).toBeNull();
  });
});
