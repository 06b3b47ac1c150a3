// @vitest-environment jsdom
// The words of the queue (places in line, countdown to the expiry, what the send form says when the feature is
// busy), in English and in another language, and the renderer's list of commands queued only when asked, which must
// be the agent's own.
import { afterEach, describe, expect, it } from 'vitest';
import { REMOTE_TYPES } from '../../preload/contract/vocabulary.js';
import { laneOf, queuedOnlyWhenAsked } from '../../renderer/src/features/remotes/queue-rules.js';
import {
  expiryText,
  positionText,
  refusedWhenBusyText,
  RESEND_TEXT,
  waitingText,
  willWaitText,
} from '../../renderer/src/features/remotes/queue-text.js';
import { chooseLanguage } from '../../renderer/src/i18n/index.js';
import { action } from './helpers/fake-client.js';

describe('queue words', () => {
  afterEach(() => chooseLanguage('en'));

  it('says places in line as a person would', () => {
    expect([2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map(positionText)).toEqual([
      '2nd in line',
      '3rd in line',
      '4th in line',
      '11th in line',
      '12th in line',
      '13th in line',
      '21st in line',
      '22nd in line',
      '23rd in line',
      '101st in line',
      '111th in line',
    ]);
    expect(positionText(1)).toBe('Next in line');
  });

  it('counts down to the expiry', () => {
    const at = '2026-01-01T10:10:00.000Z';
    const now = (iso: string) => Date.parse(iso);
    expect(expiryText(at, now('2026-01-01T10:02:00.000Z'))).toBe('expires in 8 min');
    expect(expiryText(at, now('2026-01-01T10:09:18.000Z'))).toBe('expires in 42 s');
    expect(expiryText(at, now('2026-01-01T10:10:00.000Z'))).toBe('expiring now');
    expect(expiryText('2026-01-01T13:10:00.000Z', now('2026-01-01T10:10:00.000Z'))).toBe('expires in 3 h');
    expect(expiryText(null, 0)).toBeNull();
  });

  it('says where a new command will stand when the feature is busy', () => {
    expect(willWaitText('Horn', 'Van 01', { inFlight: 1, waiting: 0 })).toBe(
      'A horn command is in progress on Van 01: this one will wait in the queue and go when it finishes (position 1).',
    );
    expect(willWaitText('Horn', 'Van 01', { inFlight: 1, waiting: 2 })).toContain(
      'and 2 more are waiting: this one will wait in the queue and go after them (position 3)',
    );
    // Waiting for the network: nothing in progress, but a line.
    expect(willWaitText('ElectricBatteryChargingRequest', 'Van 01', { inFlight: 0, waiting: 1 })).toBe(
      '1 charging command is already waiting for Van 01: this one will wait in the queue behind it (position 2).',
    );
    expect(refusedWhenBusyText('Immobilization', 'Van 01')).toMatch(
      /^An immobilization command is already in progress on Van 01\./,
    );
    expect(RESEND_TEXT.cancelTitle('WakeUp', 'Van 01')).toBe('Cancel the queued state refresh of Van 01?');
  });

  it('says it all in French once French is chosen, feature names included', async () => {
    await chooseLanguage('fr');
    expect(positionText(1)).toBe('Prochaine dans la file');
    expect(positionText(2)).toBe('2e dans la file');
    expect(waitingText('Horn', undefined)).toBe(
      'En attente de la fin des commandes «\u00a0Klaxon\u00a0» placées devant : elle partira d’elle-même, dans l’ordre.',
    );
    expect(willWaitText('Horn', 'Van 01', { inFlight: 1, waiting: 2 })).toBe(
      'Une commande «\u00a0Klaxon\u00a0» est en cours sur Van 01 et 2 autres attendent : celle-ci attendra dans la file et ' +
        'partira après elles (position 3).',
    );
    expect(RESEND_TEXT.sendAgain).toBe('Renvoyer');
    expect(waitingText('Horn', 'WAKE_UP_FIRST')).toBe(
      'En attente du réveil du véhicule : elle part une fois le réveil réussi.',
    );
    await chooseLanguage('en');
    expect(RESEND_TEXT.sendAgain).toBe('Send again');
  });
});

describe('queue rules', () => {
  it('queues only when asked: immobilizing or lifting it, stolen mode, unlocking', () => {
    const bodies: [string, unknown, boolean][] = [
      ['Doors', { door: { state: 'Locked' } }, false],
      ['Doors', { door: { state: 'Unlocked' } }, true],
      ['Immobilization', { immobilization: { activate: true } }, true],
      ['Immobilization', { immobilization: { activate: false } }, true],
      ['Stolen', { stolen: { stolen: true } }, true],
      ['Stolen', { stolen: { trackingPeriod: { running: 15, shutdown: 120 } } }, true],
      ['ElectricBatteryChargingRequest', { charging: { immediate: true } }, false],
      ['Horn', { horn: { state: 'Activated' } }, false],
      ['Lights', { lights: { on: true } }, false],
      ['WakeUp', { wakeUp: { action: 'WakeUp' } }, false],
      ['ThermalPreconditioning', { preconditioning: { airConditioning: { immediate: true } } }, false],
      ['Navigation', { navigation: { positions: [] } }, false],
    ];
    expect(new Set(bodies.map(([type]) => type))).toEqual(new Set(REMOTE_TYPES));
    for (const [type, body, only] of bodies) {
      const t = type as (typeof REMOTE_TYPES)[number];
      expect(queuedOnlyWhenAsked(t, body), `${type} ${JSON.stringify(body)}`).toBe(only);
    }
    expect(queuedOnlyWhenAsked('Doors', { door: { state: 'Unlocked' } })).toBe(true);
    expect(queuedOnlyWhenAsked('Horn', { horn: { state: 'Activated' } })).toBe(false);
  });

  it('a lane is one vehicle and feature, not over yet, in line order', () => {
    const byId = Object.fromEntries(
      [
        action({ remoteActionId: 'a', type: 'Horn', phase: 'Pending' }),
        action({
          remoteActionId: 'b',
          type: 'Horn',
          phase: 'Queued',
          queue: { position: 2, expiresAt: null },
        }),
        action({
          remoteActionId: 'c',
          type: 'Horn',
          phase: 'Queued',
          queue: { position: 1, expiresAt: null },
        }),
        action({ remoteActionId: 'd', type: 'Horn', phase: 'TimedOut' }),
        action({ remoteActionId: 'e', type: 'Horn', phase: 'Pending', vehicleId: 'veh-2' }),
        action({ remoteActionId: 'f', type: 'Lights', phase: 'Pending' }),
      ].map((a) => [a.remoteActionId, a]),
    );
    const lane = laneOf(byId, 'veh-1', 'Horn');
    expect(lane.inFlight.map((a) => a.remoteActionId)).toEqual(['a']);
    expect(lane.waiting.map((a) => a.remoteActionId)).toEqual(['c', 'b']);
    expect(laneOf(byId, 'veh-1', 'Horn', 'c').waiting.map((a) => a.remoteActionId)).toEqual(['b']);
  });
});
