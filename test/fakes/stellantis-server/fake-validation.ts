// The fake server's own checks of request bodies (stellantis-api-notes.md N3, N6, N11), written independently
// of the agent's domain validation so the two can disagree and a test can notice. Each returns the first
// problem as a message, or null.

const REMOTE_TYPES = [
  'ThermalPreconditioning',
  'ElectricBatteryChargingRequest',
  'Horn',
  'Doors',
  'Lights',
  'Immobilization',
  'Stolen',
  'WakeUp',
  'Navigation',
];

export const ACTION_TYPES: Record<string, string> = {
  charging: 'ElectricBatteryChargingRequest',
  stolen: 'Stolen',
  lights: 'Lights',
  door: 'Doors',
  horn: 'Horn',
  wakeUp: 'WakeUp',
  preconditioning: 'ThermalPreconditioning',
  immobilization: 'Immobilization',
  navigation: 'Navigation',
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const DURATION = /^PT(\d+H)?(\d+M)?(\d+S)?$/;
const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export function callbackProblem(body: unknown): string | null {
  if (!isObj(body)) return 'body must be a JSON object';
  if (body.label !== undefined && typeof body.label !== 'string') return 'label must be a string';
  const callback = body.callback;
  if (!isObj(callback) || !isObj(callback.webhook)) return 'callback.webhook is required';
  const webhook = callback.webhook;
  if (typeof webhook.target !== 'string') return 'callback.webhook.target is required';
  try {
    const u = new URL(webhook.target);
    if (u.protocol !== 'https:' && u.protocol !== 'http:')
      return 'callback.webhook.target must be an http(s) URL';
  } catch {
    return 'callback.webhook.target must be a URL';
  }
  if (typeof webhook.name !== 'string' || webhook.name === '') return 'callback.webhook.name is required';
  if (webhook.attributes !== undefined) {
    if (!Array.isArray(webhook.attributes)) return 'callback.webhook.attributes must be an array';
    for (const [i, a] of webhook.attributes.entries()) {
      if (!isObj(a)) return `attributes[${i}] must be an object`;
      if (!['Header', 'Body', 'Query'].includes(a.type as string)) return `attributes[${i}].type is invalid`;
      if (typeof a.key !== 'string' || a.key === '') return `attributes[${i}].key is required`;
      if (typeof a.value !== 'string') return `attributes[${i}].value is required`;
    }
  }
  if (body.retryPolicy !== undefined) {
    const p = body.retryPolicy;
    if (!isObj(p)) return 'retryPolicy must be an object';
    if (p.policy !== 'None' && p.policy !== 'Bounded') return 'retryPolicy.policy must be None or Bounded';
    if (p.retryNumber !== undefined && (!isInt(p.retryNumber) || p.retryNumber < 1)) {
      return 'retryPolicy.retryNumber must be an integer >= 1';
    }
    if (p.retryDelay !== undefined && (!isInt(p.retryDelay) || p.retryDelay < 1)) {
      return 'retryPolicy.retryDelay must be an integer >= 1';
    }
  }
  if (body.batchNotify !== undefined) {
    const b = body.batchNotify;
    if (!isObj(b)) return 'batchNotify must be an object';
    if (!isInt(b.size) || b.size <= 0) return 'batchNotify.size must be a positive integer';
    if (b.timeWindow !== undefined && (!isInt(b.timeWindow) || b.timeWindow < 5)) {
      return 'batchNotify.timeWindow must be an integer >= 5';
    }
  }
  if (!Array.isArray(body.remoteTypes)) return 'remoteTypes is required';
  for (const t of body.remoteTypes)
    if (!REMOTE_TYPES.includes(t as string)) return `unknown remote type ${String(t)}`;
  return null;
}

function pointsProblem(positions: unknown): string | null {
  if (!Array.isArray(positions) || positions.length < 1 || positions.length > 10) {
    return 'navigation.positions must hold 1 to 10 points';
  }
  for (const p of positions) {
    if (!isObj(p) || p.type !== 'Point') return 'navigation.positions items must be GeoJSON Points';
    const c = p.coordinates;
    if (!Array.isArray(c) || c.length < 2 || !c.every((n) => typeof n === 'number')) {
      return 'a Point needs at least 2 numeric coordinates';
    }
  }
  return null;
}

function programsProblem(programs: unknown, where: string, preconditioning: boolean): string | null {
  if (!Array.isArray(programs)) return `${where}.programs must be an array`;
  const slots = new Set<unknown>();
  for (const p of programs) {
    if (!isObj(p)) return `${where}.programs items must be objects`;
    if (!isInt(p.slot) || p.slot < 1 || p.slot > 4) return `${where}.programs[].slot must be 1 to 4`;
    if (slots.has(p.slot)) return `${where}.programs[].slot ${p.slot} appears twice`;
    slots.add(p.slot);
    // stellantis-api-notes.md T11: Delete carries only the slot.
    if (preconditioning && p.actionsType === 'Delete') continue;
    if (typeof p.start !== 'string' || !DURATION.test(p.start))
      return `${where}.programs[].start must be a duration`;
    if (preconditioning && (typeof p.enabled !== 'boolean' || !isObj(p.occurence))) {
      return `${where}.programs[] Set needs enabled and occurence`;
    }
    if (p.occurence !== undefined) {
      const days = isObj(p.occurence) ? p.occurence.day : undefined;
      if (!Array.isArray(days) || !days.every((d) => DAYS.includes(d as string))) {
        return `${where}.programs[].occurence.day must list Mon…Sun`;
      }
    }
  }
  return null;
}

function actionProblem(key: string, a: unknown): string | null {
  if (!isObj(a)) return `${key} must be an object`;
  switch (key) {
    case 'lights':
      return typeof a.on === 'boolean' ? null : 'lights.on must be a boolean';
    case 'door':
      return a.state === 'Locked' || a.state === 'Unlocked' ? null : 'door.state must be Locked or Unlocked';
    case 'horn':
      return a.state === 'Activated' || a.state === 'Unactivated'
        ? null
        : 'horn.state must be Activated or Unactivated';
    case 'wakeUp':
      return a.action === undefined || a.action === 'WakeUp' ? null : 'wakeUp.action must be WakeUp';
    case 'immobilization':
      return typeof a.activate === 'boolean' ? null : 'immobilization.activate must be a boolean';
    case 'navigation':
      return pointsProblem(a.positions);
    case 'stolen': {
      const keys = ['stolen', 'trackingPeriod', 'immobilization'].filter((k) => a[k] !== undefined);
      if (keys.length !== 1) return 'stolen must hold exactly one of stolen, trackingPeriod, immobilization';
      return null;
    }
    case 'charging': {
      const has = (k: string) => a[k] !== undefined;
      if (!has('immediate') && !has('schedule') && !has('preferences')) return 'charging needs an action';
      if (has('preferences') && (has('schedule') || has('immediate'))) {
        return 'charging.preferences cannot be combined with schedule or immediate';
      }
      if (has('schedule')) {
        const s = a.schedule;
        if (!isObj(s)) return 'charging.schedule must be an object';
        if ((s.nextDelayedTime === undefined) === (s.programs === undefined)) {
          return 'charging.schedule holds either nextDelayedTime or programs';
        }
        if (s.programs !== undefined) return programsProblem(s.programs, 'charging.schedule', false);
      }
      return null;
    }
    case 'preconditioning': {
      const ac = a.airConditioning;
      if (!isObj(ac)) return 'preconditioning.airConditioning is required';
      if (ac.immediate === undefined && ac.programs === undefined) {
        return 'preconditioning.airConditioning needs immediate or programs';
      }
      return ac.programs === undefined ? null : programsProblem(ac.programs, 'airConditioning', true);
    }
    default:
      return `unknown action ${key}`;
  }
}

/** Validates a Remote body: exactly one action (stellantis-api-notes.md N3) and that action's rules. */
export function remoteProblem(body: unknown): { problem: string } | { key: string; type: string } {
  if (!isObj(body)) return { problem: 'body must be a JSON object' };
  const keys = Object.keys(body).filter((k) => k !== 'label');
  const unknown = keys.find((k) => !(k in ACTION_TYPES));
  if (unknown) return { problem: `unknown field ${unknown}` };
  if (keys.length !== 1) return { problem: `exactly one action is allowed per request (got ${keys.length})` };
  const key = keys[0]!;
  const problem = actionProblem(key, body[key]);
  return problem ? { problem } : { key, type: ACTION_TYPES[key]! };
}
