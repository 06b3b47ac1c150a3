// @vitest-environment jsdom
// A command the signed-in role may not send is not hidden: the note says who may, and a technician can have a
// supervisor approve this one command on the same screen — name and their own PIN; a wrong PIN stays in the dialog,
// a refusal of the command itself goes back to the form. A viewer is told why, with nothing to ask. The feature
// tiles say which features need more than the signed-in role.
import './helpers/dom.js';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { SessionDto } from '../../preload/contract/access.js';
import { asClientFailure, type ClientFailure } from '../../preload/contract/client.js';
import type { RemoteType } from '../../preload/contract/vocabulary.js';
import { useSendAccess } from '../../renderer/src/features/access/use-access.js';
import { isApprovalRefusal } from '../../renderer/src/features/access/ApprovalDialog.js';
import { SendAccessNote } from '../../renderer/src/features/access/SendAccessNote.js';
import { FeaturePicker } from '../../renderer/src/features/remotes/FeaturePicker.js';
import { useStores } from '../../renderer/src/app/stores-context.js';
import { failure, fakeClient, GOOD_PIN, operatorActor, session, vehicle } from './helpers/fake-client.js';
import { renderWithStores } from './helpers/render.js';

const IMMOBILIZE = { immobilization: { activate: true } };

/** What the send form does with the note: its button disabled while the role is not enough; sends with approval. */
function SendHarness({ type, body }: { type: RemoteType; body: Record<string, unknown> }) {
  const stores = useStores();
  const access = useSendAccess(type, body);
  const [formError, setFormError] = useState<ClientFailure | null>(null);
  return (
    <div>
      <button type="button" disabled={!access.allowed}>
        Send
      </button>
      <SendAccessNote
        access={access}
        what="Immobilize Van 01"
        onApprove={async (approval) => {
          try {
            await stores.client.sendRemote({
              vid: 'veh-1',
              cbid: 'cb-1',
              body,
              reason: 'Unpaid lease',
              ...approval,
            });
            return null;
          } catch (error) {
            const refusal = asClientFailure(error);
            // An approval refused is the dialog's to say (it stays open); the rest is the form's.
            if (!isApprovalRefusal(refusal)) setFormError(refusal);
            return refusal;
          }
        }}
      />
      {formError ? <p data-testid="form-error">{formError.message}</p> : null}
    </div>
  );
}

function render(
  who: SessionDto,
  type: RemoteType = 'Immobilization',
  body: Record<string, unknown> = IMMOBILIZE,
) {
  const client = fakeClient({ session: who });
  // Inside the send form, as in SendRemotePanel: the dialog's own submit must not reach it.
  const outerSubmit = vi.fn((e: React.FormEvent) => e.preventDefault());
  const r = renderWithStores(
    <form onSubmit={outerSubmit}>
      <SendHarness type={type} body={body} />
    </form>,
    client,
    undefined,
    { session: who },
  );
  return { ...r, outerSubmit, user: userEvent.setup() };
}

const tess = session({ actor: operatorActor('Tess', 'technician', 'op-tess') });

describe('sending what the role does not allow', () => {
  it('a technician sees immobilization disabled with the supervisor note, and gets it approved', async () => {
    const { user, client, outerSubmit } = render(tess);
    expect((screen.getByRole('button', { name: 'Send' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('send-access-note').textContent).toContain(
      'Needs a supervisor (ask one to approve, or sign in as one)',
    );
    await user.click(screen.getByRole('button', { name: 'Ask a supervisor to approve' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('Immobilize Van 01 needs a supervisor');
    // Who may approve: supervisors and admins, never the technician themself.
    const approver = within(dialog).getByRole('combobox', { name: 'Approved by' }) as HTMLInputElement;
    await waitFor(() => expect(approver.value).toBe('Ada (Admin)'));
    await user.click(approver);
    const choices = within(document.getElementById(approver.getAttribute('aria-controls')!)!);
    expect(choices.getAllByRole('option', { hidden: true }).map((o) => o.textContent)).toEqual([
      'Ada (Admin)',
      'Sam (Supervisor)',
    ]);
    await user.click(choices.getByRole('option', { name: 'Sam (Supervisor)', hidden: true }));
    await user.type(within(dialog).getByLabelText('Their PIN'), `${GOOD_PIN}{Enter}`);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(outerSubmit).not.toHaveBeenCalled();
    expect(client.sent).toEqual([
      {
        vid: 'veh-1',
        cbid: 'cb-1',
        body: IMMOBILIZE,
        reason: 'Unpaid lease',
        approver: 'op-sam',
        approverPin: GOOD_PIN,
      },
    ]);
  });

  it('a wrong approver PIN is said in the dialog, which stays open with the PIN emptied', async () => {
    const { user, client } = render(tess);
    client.sendRemote.mockRejectedValueOnce(
      failure(401, 'WRONG_PIN', 'Wrong PIN for Sam.', [
        { field: 'x-depot-approver-pin', message: 'Wrong PIN. 4 tries left before a lock.' },
      ]),
    );
    await user.click(screen.getByRole('button', { name: 'Ask a supervisor to approve' }));
    const dialog = await screen.findByRole('dialog');
    await waitFor(() =>
      expect(
        (within(dialog).getByRole('combobox', { name: 'Approved by' }) as HTMLInputElement).value,
      ).not.toBe(''),
    );
    const pin = within(dialog).getByLabelText('Their PIN') as HTMLInputElement;
    await user.type(pin, '000000{Enter}');
    expect(await within(dialog).findByText('Wrong PIN. 4 tries left before a lock.')).toBeTruthy();
    expect(pin.value).toBe('');
    expect(screen.queryByTestId('form-error')).toBeNull();
    client.sendRemote.mockRejectedValueOnce(
      failure(
        429,
        'OPERATOR_LOCKED',
        'Ada is locked after 5 wrong PINs: try again in 60 s, or ask an admin to unlock.',
      ),
    );
    await user.type(pin, `${GOOD_PIN}{Enter}`);
    expect((await within(dialog).findByTestId('approval-error')).textContent).toContain(
      'ask an admin to unlock',
    );
  });

  it('closes on a refusal of the command itself: the form shows it', async () => {
    const { user, client } = render(tess);
    client.sendRemote.mockRejectedValueOnce(
      failure(409, 'ACTION_IN_PROGRESS', 'An immobilization is already in progress.'),
    );
    await user.click(screen.getByRole('button', { name: 'Ask a supervisor to approve' }));
    const dialog = await screen.findByRole('dialog');
    await waitFor(() =>
      expect(
        (within(dialog).getByRole('combobox', { name: 'Approved by' }) as HTMLInputElement).value,
      ).not.toBe(''),
    );
    await user.type(within(dialog).getByLabelText('Their PIN'), `${GOOD_PIN}{Enter}`);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByTestId('form-error').textContent).toBe('An immobilization is already in progress.');
  });

  it('asks for the PIN before sending', async () => {
    const { user, client } = render(tess);
    await user.click(screen.getByRole('button', { name: 'Ask a supervisor to approve' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Approve and send' }));
    expect(await within(dialog).findByText('Type their PIN.')).toBeTruthy();
    expect(client.sendRemote).not.toHaveBeenCalled();
  });

  it('a viewer sees sending disabled with the reason, and nothing to ask', () => {
    render(session({ actor: operatorActor('Vic', 'viewer', 'op-vic') }), 'Horn', {
      horn: { state: 'Activated' },
    });
    expect((screen.getByRole('button', { name: 'Send' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('send-access-note').textContent).toBe(
      'Viewers cannot send commands: sign in as a technician (or higher) to send this.',
    );
    expect(screen.queryByRole('button', { name: /to approve/ })).toBeNull();
  });

  it('a supervisor sees nothing in the way', () => {
    render(session({ actor: operatorActor('Sam', 'supervisor', 'op-sam') }));
    expect((screen.getByRole('button', { name: 'Send' }) as HTMLButtonElement).disabled).toBe(false);
    expect(screen.queryByTestId('send-access-note')).toBeNull();
  });
});

describe('feature tiles', () => {
  it('say which features need more than the signed-in role', () => {
    renderWithStores(
      <FeaturePicker vehicle={vehicle()} selected={undefined} onSelect={() => {}} />,
      fakeClient(),
      undefined,
      {
        session: tess,
      },
    );
    const needs = (slug: string) =>
      screen.getByTestId(`feature-${slug}`).querySelector('[data-testid="feature-needs"]')?.textContent;
    expect(needs('immobilization')).toBe('Needs a supervisor');
    expect(needs('stolen')).toBe('Needs a supervisor');
    expect(needs('doors')).toBeUndefined();
  });

  it('say every feature needs a technician to a viewer', () => {
    renderWithStores(
      <FeaturePicker vehicle={vehicle()} selected={undefined} onSelect={() => {}} />,
      fakeClient(),
      undefined,
      {
        session: session({ actor: operatorActor('Vic', 'viewer') }),
      },
    );
    expect(screen.getAllByTestId('feature-needs').map((n) => n.textContent)).toEqual([
      ...Array(7).fill('Needs a technician'),
      'Needs a supervisor',
      'Needs a supervisor',
    ]);
  });
});
