// A sent Remote body in a few words, for lists: "Lock", "Start charging", "2 points".
import { t } from '../../i18n/index.js';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {};

export function remoteSummary(remote: Record<string, unknown>): string {
  if ('door' in remote)
    return obj(remote.door).state === 'Unlocked' ? t('remotes:action.unlock') : t('remotes:action.lock');
  if ('horn' in remote)
    return obj(remote.horn).state === 'Unactivated' ? t('remotes:action.stopHorn') : t('remotes:action.honk');
  if ('lights' in remote)
    return obj(remote.lights).on === false ? t('remotes:action.lightsOff') : t('remotes:action.flashLights');
  if ('wakeUp' in remote) return t('remotes:summary.wakeUp');
  if ('immobilization' in remote)
    return obj(remote.immobilization).activate === false
      ? t('remotes:action.release')
      : t('remotes:action.immobilize');
  if ('navigation' in remote) {
    const positions = obj(remote.navigation).positions;
    const points = Array.isArray(positions) ? positions.length : 0;
    return t('remotes:summary.navigation', { waypoints: Math.max(points - 1, 0) });
  }
  if ('charging' in remote) {
    const c = obj(remote.charging);
    if (c.immediate === true) return t('remotes:action.startCharging');
    if (c.immediate === false) return t('remotes:action.stopCharging');
    const schedule = obj(c.schedule);
    if (Array.isArray(schedule.programs))
      return t('remotes:summary.chargePrograms', { count: schedule.programs.length });
    if (schedule.nextDelayedTime) return t('remotes:action.delayedStart');
    return t('remotes:summary.chargePreferences');
  }
  if ('preconditioning' in remote) {
    const ac = obj(obj(remote.preconditioning).airConditioning);
    return Array.isArray(ac.programs)
      ? t('remotes:summary.preconditioningPrograms', { count: ac.programs.length })
      : t('remotes:action.heatOrCoolNow');
  }
  if ('stolen' in remote) {
    const s = obj(remote.stolen);
    if ('stolen' in s) return s.stolen ? t('remotes:action.declareStolen') : t('remotes:action.clearStolen');
    if ('trackingPeriod' in s) return t('remotes:action.trackingPeriods');
    return obj(s.immobilization).activate === false
      ? t('remotes:summary.stolenRelease')
      : t('remotes:summary.stolenImmobilize');
  }
  return '';
}
