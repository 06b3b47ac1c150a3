// What the UI allows follows the agent's policy: the renderer's policy keys of a remote body are the core's own
// (checked against main/core/domain/access/policy.ts on every variant), the role needed is the highest of them,
// and a session below it is refused with who may — a technician may ask for approval, a viewer or a token may not.
import { describe, expect, it } from 'vitest';
import { policyKeysOf as corePolicyKeysOf } from '../../main/core/domain/access/policy.js';
import type { RemoteType } from '../../preload/contract/vocabulary.js';
import { sendRefusalText } from '../../renderer/src/features/access/access-text.js';
import {
  featureFloor,
  isAdmin,
  policyKeysOf,
  roleNeededFor,
  sendAccess,
} from '../../renderer/src/features/access/permissions.js';
import { DEFAULT_RULES, MACHINE, operatorActor, session } from './helpers/fake-client.js';

const BODIES: [RemoteType, unknown][] = [
  ['ElectricBatteryChargingRequest', { charging: { immediate: true } }],
  ['ElectricBatteryChargingRequest', { charging: { immediate: false } }],
  ['ElectricBatteryChargingRequest', { charging: { schedule: { programs: [] } } }],
  ['ElectricBatteryChargingRequest', { charging: { immediate: true, preferences: { type: 'Full' } } }],
  ['ElectricBatteryChargingRequest', {}],
  ['Doors', { door: { state: 'Locked' } }],
  ['Doors', { door: { state: 'Unlocked' } }],
  ['Immobilization', { immobilization: { activate: true } }],
  ['Immobilization', { immobilization: { activate: false } }],
  ['Stolen', { stolen: { declare: true } }],
  ['Stolen', { stolen: { immobilization: { activate: true } } }],
  ['Stolen', { stolen: { immobilization: { activate: false } } }],
  ['Lights', { lights: { on: true } }],
  ['WakeUp', { wakeUp: { action: 'WakeUp' } }],
  ['ThermalPreconditioning', { preconditioning: {} }],
  ['Horn', { horn: { state: 'Activated' } }],
  ['Navigation', { navigation: { positions: [] } }],
];

const technician = session({ actor: operatorActor('Tess', 'technician') });

describe('permissions', () => {
  it.each(BODIES)('%s %j falls under the same policy keys as in the core', (type, body) => {
    expect(policyKeysOf(type, body)).toEqual(corePolicyKeysOf(type, body));
  });

  it('needs the highest role of the keys; a rule the session lacks counts as technician', () => {
    expect(roleNeededFor(DEFAULT_RULES, ['Stolen', 'Immobilization.activate'])).toBe('supervisor');
    expect(roleNeededFor({ ...DEFAULT_RULES, Horn: 'admin' }, ['Horn'])).toBe('admin');
    expect(roleNeededFor({}, ['Horn'])).toBe('technician');
    expect(featureFloor(DEFAULT_RULES, 'Immobilization')).toBe('supervisor');
    expect(featureFloor({ ...DEFAULT_RULES, 'Doors.Unlocked': 'admin' }, 'Doors')).toBe('technician');
  });

  it('lets a technician lock but not immobilize, and offers to ask a supervisor', () => {
    expect(sendAccess(technician, 'Doors', { door: { state: 'Locked' } })).toMatchObject({ allowed: true });
    expect(sendAccess(technician, 'Immobilization', { immobilization: { activate: true } })).toEqual({
      allowed: false,
      needed: 'supervisor',
      role: 'technician',
      kind: 'operator',
      canAsk: true,
    });
    expect(
      sendAccess(session({ actor: operatorActor('Sam', 'supervisor') }), 'Immobilization', {
        immobilization: { activate: true },
      }).allowed,
    ).toBe(true);
  });

  it('refuses every command to a viewer, without an approval to ask, and says why', () => {
    const viewer = session({ actor: operatorActor('Vic', 'viewer') });
    const access = sendAccess(viewer, 'Horn', { horn: { state: 'Activated' } });
    expect(access).toMatchObject({ allowed: false, canAsk: false, needed: 'technician' });
    expect(sendRefusalText(access.needed, access.role, access.kind)).toBe(
      'Viewers cannot send commands: sign in as a technician (or higher) to send this.',
    );
  });

  it('names the role needed, the way each kind of session can get it', () => {
    expect(sendRefusalText('supervisor', 'technician', 'operator')).toBe(
      'Needs a supervisor (ask one to approve, or sign in as one)',
    );
    const token = session({ actor: { kind: 'token', id: 't1', name: 'script', role: 'technician' } });
    const access = sendAccess(token, 'Immobilization', { immobilization: { activate: true } });
    expect(access.canAsk).toBe(false);
    expect(sendRefusalText(access.needed, access.role, access.kind)).toContain('this token is a technician');
  });

  it('knows an admin session, and nothing when signed out', () => {
    expect(isAdmin(session({ actor: MACHINE }))).toBe(true);
    expect(isAdmin(technician)).toBe(false);
    expect(isAdmin(session({ signedIn: false, actor: null }))).toBe(false);
    expect(sendAccess(null, 'Horn', {}).allowed).toBe(false);
  });
});
