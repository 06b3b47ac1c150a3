// The shared vocabulary says what it names: two meanings of "over" (terminal ⊂ settled, TimedOut the one phase
// between them), lists without repeats, and the core's audit entries typed by AUDIT_ACTIONS so it can write no
// other kind. The type-level checks here (expectTypeOf, @ts-expect-error) are enforced by the typecheck (tsc).
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { NewAuditEntry } from '../../../main/core/db/index.js';
import { applyEvent } from '../../../main/core/domain/lifecycle.js';
import { actionAuditEntry, type AuditTrail } from '../../../main/core/kernel/audit-trail.js';
import {
  ACTION_PHASES,
  AUDIT_ACTIONS,
  type AuditAction,
  CALLBACK_STATUSES,
  DANGEROUS_REMOTE_TYPES,
  DELIVERY_STATES,
  DONE_STATUSES,
  isSettled,
  isTerminal,
  REASON_MAX_LENGTH,
  REASON_MIN_LENGTH,
  REMOTE_TYPES,
  SETTLED_PHASES,
  TERMINAL_PHASES,
} from '../../../preload/contract/vocabulary.js';
import { remoteAction } from '../../helpers/remote-action.js';

describe('the two meanings of "over"', () => {
  it('terminal ⊂ settled ⊂ phases, and TimedOut is the only phase settled but not terminal', () => {
    for (const p of TERMINAL_PHASES) expect(SETTLED_PHASES).toContain(p);
    for (const p of SETTLED_PHASES) expect(ACTION_PHASES).toContain(p);
    expect(SETTLED_PHASES.filter((p) => !(TERMINAL_PHASES as readonly string[]).includes(p))).toEqual([
      'TimedOut',
    ]);
    expect([...TERMINAL_PHASES].sort()).toEqual(['Cancelled', 'Done', 'Expired', 'Refused']);
    expect(ACTION_PHASES.filter((p) => !isSettled(p))).toEqual(['Queued', 'Sending', 'Pending']);
  });

  it('isTerminal and isSettled answer from their sets', () => {
    for (const p of ACTION_PHASES) {
      expect(isTerminal(p)).toBe((TERMINAL_PHASES as readonly string[]).includes(p));
      expect(isSettled(p)).toBe((SETTLED_PHASES as readonly string[]).includes(p));
    }
  });

  it('the lifecycle applies a Done to every phase that is not terminal, TimedOut included, and to no other', () => {
    for (const phase of ACTION_PHASES) {
      const { applied } = applyEvent(
        remoteAction({ phase }),
        {
          remoteActionId: 'ra-1',
          vin: 'VF3ABCDE0FG123456',
          eventDate: '2024-05-01T08:00:09Z',
          remoteType: 'Doors',
          eventStatus: { type: 'Done', status: 'Success' },
        },
        '2024-05-01T09:00:00.000Z',
      );
      expect({ phase, applied }).toEqual({ phase, applied: !isTerminal(phase) });
    }
  });
});

describe('the lists', () => {
  it.each<[string, readonly string[]]>([
    ['remote types', REMOTE_TYPES],
    ['phases', ACTION_PHASES],
    ['done statuses', DONE_STATUSES],
    ['callback statuses', CALLBACK_STATUSES],
    ['delivery states', DELIVERY_STATES],
    ['audit actions', AUDIT_ACTIONS],
  ])('%s have no repeats', (_name, list) => {
    expect(new Set(list).size).toBe(list.length);
  });

  it('audit actions are dotted "thing.act" names; dangerous types are remote types; reason bounds are sane', () => {
    for (const a of AUDIT_ACTIONS) expect(a).toMatch(/^[a-z]+\.[a-z-]+$/);
    for (const t of DANGEROUS_REMOTE_TYPES) expect(REMOTE_TYPES).toContain(t);
    expect(REASON_MIN_LENGTH).toBeGreaterThan(0);
    expect(REASON_MAX_LENGTH).toBeGreaterThan(REASON_MIN_LENGTH);
  });
});

describe('the core writes only the audit actions the vocabulary lists', () => {
  it('types every audit write by AuditAction', () => {
    expectTypeOf<NewAuditEntry['action']>().toEqualTypeOf<AuditAction>();
    expectTypeOf<Parameters<AuditTrail['append']>[0]['action']>().toEqualTypeOf<AuditAction>();
    expectTypeOf(actionAuditEntry).parameter(1).toEqualTypeOf<AuditAction>();
    const unknownAct: NewAuditEntry = {
      at: '2024-05-01T09:00:00.000Z',
      operator: 'op',
      // @ts-expect-error an act the vocabulary does not list cannot be written
      action: 'remote.launch',
    };
    expect(unknownAct.action).toBe('remote.launch');
  });
});
