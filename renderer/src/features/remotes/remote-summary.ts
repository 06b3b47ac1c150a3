// A sent Remote body in a few words, for lists: "Lock", "Start charging", "2 points".
type Json = Record<string, unknown>;
const obj = (v: unknown): Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {};

export function remoteSummary(remote: Record<string, unknown>): string {
  if ('door' in remote) return obj(remote.door).state === 'Unlocked' ? 'Unlock' : 'Lock';
  if ('horn' in remote) return obj(remote.horn).state === 'Unactivated' ? 'Stop the horn' : 'Honk';
  if ('lights' in remote) return obj(remote.lights).on === false ? 'Lights off' : 'Flash the lights';
  if ('wakeUp' in remote) return 'Wake up and refresh';
  if ('immobilization' in remote)
    return obj(remote.immobilization).activate === false ? 'Release' : 'Immobilize';
  if ('navigation' in remote) {
    const n = Array.isArray(obj(remote.navigation).positions)
      ? (obj(remote.navigation).positions as unknown[]).length
      : 0;
    return n <= 1 ? 'Destination' : `Destination + ${n - 1} waypoint${n === 2 ? '' : 's'}`;
  }
  if ('charging' in remote) {
    const c = obj(remote.charging);
    if (c.immediate === true) return 'Start charging';
    if (c.immediate === false) return 'Stop charging';
    const schedule = obj(c.schedule);
    if (Array.isArray(schedule.programs))
      return `${schedule.programs.length} charge program${schedule.programs.length === 1 ? '' : 's'}`;
    if (schedule.nextDelayedTime) return 'Delayed start';
    return 'Charge preferences';
  }
  if ('preconditioning' in remote) {
    const ac = obj(obj(remote.preconditioning).airConditioning);
    return Array.isArray(ac.programs)
      ? `${ac.programs.length} program${ac.programs.length === 1 ? '' : 's'}`
      : 'Heat or cool now';
  }
  if ('stolen' in remote) {
    const s = obj(remote.stolen);
    if ('stolen' in s) return s.stolen ? 'Declare stolen' : 'Clear stolen';
    if ('trackingPeriod' in s) return 'Tracking periods';
    return obj(s.immobilization).activate === false ? 'Release (stolen flow)' : 'Immobilize (stolen flow)';
  }
  return '';
}
