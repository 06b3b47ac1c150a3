// What the UI allows follows the agent's policy: the policy keys of a remote body come from the one rule both
// share (preload/contract/vocabulary.ts), checked here on every variant; the role needed is the highest of them,
// and a session below it is refused with who may — a technician may ask for approval, a viewer or a token may not.
import { beforeAll, describe, expect, it } from 'vitest';
import type { RemoteType } from '../../preload/contract/vocabulary.js';
import { sendRefusalText } from '../../renderer/src/features/access/access-text.js';
import { startI18n } from '../../renderer/src/i18n/index.js';
import {
  featureFloor,
  isAdmin,
  policyKeysOf,
  roleNeededFor,
  sendAccess,
} from '../../renderer/src/features/access/permissions.js';
import { DEFAULT_RULES, MACHINE, operatorActor, session } from './helpers/fake-client.js';

// The refusals are worded from the catalogs; no DOM here, so they are started by hand (test/setup.ts starts them
// where a DOM exists).
beforeAll(() => startI18n('en'));

const BODIES: [RemoteType, unknown, string[]][] = [
  ['ElectricBatteryChargingRequest', { charging: { immediate: true } }, ['Charging.start']],
  ['ElectricBatteryChargingRequest', { charging: { immediate: false } }, ['Charging.stop']],
  ['ElectricBatteryChargingRequest', { charging: { schedule: { programs: [] } } }, ['Charging.programs']],
  [
    'ElectricBatteryChargingRequest',
    { charging: { immediate: true, preferences: { type: 'Full' } } },
    ['Charging.start', 'Charging.programs'],
  ],
  ['ElectricBatteryChargingRequest', {}, ['Charging.programs']],
  ['Doors', { door: { state: 'Locked' } }, ['Doors.Locked']],
  ['Doors', { door: { state: 'Unlocked' } }, ['Doors.Unlocked']],
  ['Immobilization', { immobilization: { activate: true } }, ['Immobilization.activate']],
  ['Immobilization', { immobilization: { activate: false } }, ['Immobilization.deactivate']],
  ['Stolen', { stolen: { stolen: true } }, ['Stolen']],
  ['Stolen', { stolen: { immobilization: { activate: true } } }, ['Stolen', 'Immobilization.activate']],
  ['Stolen', { stolen: { immobilization: { activate: false } } }, ['Stolen', 'Immobilization.deactivate']],
  ['Lights', { lights: { on: true } }, ['Lights']],
  ['WakeUp', { wakeUp: { action: 'WakeUp' } }, ['State']],
  ['ThermalPreconditioning', { preconditioning: {} }, ['Preconditioning']],
  ['Horn', { horn: { state: 'Activated' } }, ['Horn']],
  ['Navigation', { navigation: { positions: [] } }, ['Navigation']],
];

const technician = session({ actor: operatorActor('Tess', 'technician') });

describe('permissions', () => {
  it.each(BODIES)('%s %j falls under %j', (type, body, keys) => {
    expect(policyKeysOf(type, body)).toEqual(keys);
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
