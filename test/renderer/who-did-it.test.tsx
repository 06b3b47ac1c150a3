// @vitest-environment jsdom
// Who did it, everywhere it is shown: the timeline and the action page say "sent by Tess, approved by Sam"; the
// history's column names the sender and the approver; the audit log shows each entry's actor with their role (a
// token with the person it acted for) and filters by operator, live entries included.
import './helpers/dom.js';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AuditEntryDto } from '../../preload/contract/dto.js';
import { AuditView } from '../../renderer/src/features/audit/AuditView.js';
import { ActionTimeline } from '../../renderer/src/features/timeline/ActionTimeline.js';
import { ActionView } from '../../renderer/src/features/timeline/ActionView.js';
import { action, fakeClient, operatorActor } from './helpers/fake-client.js';
import { renderWithStores } from './helpers/render.js';

const approved = action({
  remoteActionId: 'ra-9',
  type: 'Immobilization',
  remote: { immobilization: { activate: true } },
  operator: 'Tess',
  reason: 'Unpaid lease',
  sentBy: operatorActor('Tess', 'technician', 'op-tess'),
  approvedBy: { id: 'op-sam', name: 'Sam', role: 'supervisor' },
  events: [],
});

function entry(seq: number, overrides: Partial<AuditEntryDto> = {}): AuditEntryDto {
  return {
    seq,
    at: '2026-01-01T10:00:00.000Z',
    operator: 'Tess',
    action: 'remote.send',
    vin: null,
    remoteActionId: null,
    callbackId: null,
    reason: null,
    detail: null,
    actor: operatorActor('Tess', 'technician', 'op-tess'),
    ...overrides,
  };
}

describe('who sent a command', () => {
  it('the timeline says who sent it and who approved it', () => {
    renderWithStores(<ActionTimeline action={approved} />);
    expect(screen.getByText(/sent by Tess, approved by Sam/)).toBeTruthy();
  });

  it('an action from before operators shows the name it recorded', () => {
    renderWithStores(<ActionTimeline action={action({ operator: 'Jérôme', events: [] })} />);
    expect(screen.getByText(/sent by Jérôme/)).toBeTruthy();
  });

  it('the action page names the sender with their role, and the approver', async () => {
    renderWithStores(<ActionView remoteActionId="ra-9" />, fakeClient({ actions: [approved] }));
    const sentBy = await screen.findByTestId('sent-by');
    expect(sentBy.textContent).toBe('TessTechnician');
    expect(screen.getByTestId('approved-by').textContent).toBe('SamSupervisor');
  });
});

describe('the audit log', () => {
  it('shows who with their role, a token with the person it acted for, and the new kinds of entry in words', async () => {
    const client = fakeClient();
    client.listAudit.mockResolvedValue({
      items: [
        entry(3, { action: 'access.denied', detail: { needed: 'supervisor' } }),
        entry(2, {
          action: 'remote.send',
          operator: 'Ana',
          actor: { kind: 'token', id: 't1', name: 'fleet script', role: 'technician', onBehalfOf: 'Ana' },
        }),
        entry(1, { action: 'callback.create', operator: 'old name', actor: null }),
      ],
    });
    renderWithStores(<AuditView />, client);
    const rows = await screen.findAllByTestId('audit-row');
    const who = rows.map((r) => r.querySelectorAll('td')[1]!.textContent);
    expect(who).toEqual(['TessTechnician', 'fleet script (token) on behalf of AnaTechnician', 'old name']);
    expect(within(rows[0]!).getByText('Refused: role not enough')).toBeTruthy();
  });

  it('filters by operator, through the API and for live entries', async () => {
    const client = fakeClient();
    const { stores } = renderWithStores(<AuditView />, client);
    await waitFor(() => expect(client.listAudit).toHaveBeenCalled());
    const user = userEvent.setup();
    await user.type(screen.getByRole('combobox', { name: 'Operator' }), 'Sam{Enter}');
    await waitFor(() => expect(client.listAudit).toHaveBeenLastCalledWith({ limit: 100, operator: 'Sam' }));
    stores.audit.getState().apply(entry(10));
    stores.audit
      .getState()
      .apply(entry(11, { operator: 'Sam', actor: operatorActor('Sam', 'supervisor', 'op-sam') }));
    await waitFor(() => expect(screen.getAllByTestId('audit-row')).toHaveLength(1));
    expect(screen.getByTestId('audit-row').textContent).toContain('Sam');
    fireEvent.change(screen.getByRole('combobox', { name: 'Operator' }), { target: { value: '' } });
    fireEvent.blur(screen.getByRole('combobox', { name: 'Operator' }));
    await waitFor(() => expect(client.listAudit).toHaveBeenLastCalledWith({ limit: 100 }));
  });
});
