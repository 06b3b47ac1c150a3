// @vitest-environment jsdom
// The audit log's Detail column reads as fields, not JSON: each recorded field with its name in words, roles and
// policy rules by their labels, a change as "before → after", yes/no, and instants in the one table format (the
// When column too) — in the language chosen. A field another version of the agent wrote shows as recorded.
import './helpers/dom.js';
import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntryDto } from '../../preload/contract/dto.js';
import { AuditView } from '../../renderer/src/features/audit/AuditView.js';
import { formatShortDateTime, setSiteTimeZone } from '../../renderer/src/i18n/format.js';
import { chooseLanguage } from '../../renderer/src/i18n/index.js';
import { fakeClient, operatorActor } from './helpers/fake-client.js';
import { renderWithStores } from './helpers/render.js';

const EXPIRES = '2026-03-01T10:00:00.000Z';
const AT = '2026-02-12T12:02:55.000Z';

function entry(seq: number, overrides: Partial<AuditEntryDto>): AuditEntryDto {
  return {
    seq,
    at: AT,
    operator: 'Ada',
    action: 'remote.send',
    vin: null,
    remoteActionId: null,
    callbackId: null,
    reason: null,
    detail: null,
    actor: operatorActor('Ada', 'admin', 'op-ada'),
    ...overrides,
  };
}

const ENTRIES = [
  entry(3, {
    action: 'operator.change',
    detail: { id: 'op-tess', name: 'Tess', role: ['technician', 'supervisor'], enabled: false },
  }),
  entry(2, {
    action: 'token.create',
    detail: { id: 't1', label: 'fleet script', role: 'technician', expiresAt: EXPIRES, futureField: 7 },
  }),
  entry(1, {
    action: 'policy.change',
    detail: {
      changed: [{ key: 'Doors.Unlocked', from: 'technician', to: 'supervisor' }],
      idleLockMinutes: [10, 0],
    },
  }),
];

async function lines() {
  const client = fakeClient();
  client.listAudit.mockResolvedValue({ items: ENTRIES });
  renderWithStores(<AuditView />, client);
  const details = await screen.findAllByTestId('audit-detail');
  return details.map((d) => [...d.querySelectorAll('p')].map((p) => p.textContent));
}

beforeEach(() => setSiteTimeZone('UTC'));
afterEach(async () => {
  setSiteTimeZone(undefined);
  await chooseLanguage('en');
});

describe('the audit log’s detail', () => {
  it('reads as named fields, with labels, changes and dates in words', async () => {
    const [change, token, policy] = await lines();
    expect(change).toEqual(['Id: op-tess', 'Name: Tess', 'Role: Technician → Supervisor', 'May sign in: No']);
    expect(token).toEqual([
      'Id: t1',
      'Label: fleet script',
      'Role: Technician',
      `Expires: ${formatShortDateTime(EXPIRES)}`,
      'futureField: 7',
    ]);
    expect(policy).toEqual([
      'Changed: Doors: unlock: Technician → Supervisor',
      'Idle lock (minutes): 10 → 0',
    ]);
    // No JSON left, and the When column in the same table format as the dates inside.
    expect(document.body.textContent).not.toContain('{"');
    expect(screen.getAllByText(formatShortDateTime(AT))).toHaveLength(3);
  });

  it('reads in the language chosen', async () => {
    await chooseLanguage('fr');
    const [change, token, policy] = await lines();
    expect(change).toEqual([
      'Identifiant : op-tess',
      'Nom : Tess',
      'Rôle : Technicien → Superviseur',
      'Peut se connecter : Non',
    ]);
    expect(token?.[3]).toBe(`Expire le : ${formatShortDateTime(EXPIRES)}`);
    expect(formatShortDateTime(EXPIRES)).toContain('mars');
    expect(policy?.[0]).toBe('Modifié : Portes : déverrouiller : Technicien → Superviseur');
    expect(screen.getAllByTestId('audit-row')[2]!.textContent).toContain('Politique d’accès modifiée');
  });
});
