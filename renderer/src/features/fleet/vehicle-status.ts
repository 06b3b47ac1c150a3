// A vehicle's last known status (the fleet API's Status object, or whatever the connector reports) read into the
// few facts a technician looks for. Unknown shapes give fewer facts, never an error.
type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

export interface StatusFact {
  key: string;
  label: string;
  value: string;
  tone?: 'good' | 'warn' | 'bad';
}

function energyFacts(status: Json): StatusFact[] {
  const energies = Array.isArray(status.energies) ? status.energies.filter(isObject) : [];
  const facts: StatusFact[] = [];
  for (const energy of energies) {
    const type = str(energy.type) ?? 'Energy';
    const level = num(energy.level);
    const autonomy = num(energy.autonomy);
    const name = type === 'Electric' ? 'Battery' : type === 'Fuel' ? 'Fuel' : type;
    if (level !== undefined)
      facts.push({
        key: `${type}-level`,
        label: name,
        value: `${Math.round(level)}%${autonomy !== undefined ? ` · ${Math.round(autonomy)} km` : ''}`,
        tone: level < 20 ? 'bad' : level < 40 ? 'warn' : 'good',
      });
    const charging =
      isObject(energy.extension) && isObject(energy.extension.electric)
        ? energy.extension.electric.charging
        : undefined;
    if (isObject(charging)) {
      const plugged = charging.plugged === true;
      const state = str(charging.status);
      facts.push({
        key: `${type}-charging`,
        label: 'Charging',
        value: state
          ? `${state}${plugged ? ' · plugged in' : ''}`
          : plugged
            ? 'Plugged in'
            : 'Not plugged in',
      });
    }
  }
  return facts;
}

export function statusFacts(status: Record<string, unknown> | null): StatusFact[] {
  if (!status) return [];
  const facts = energyFacts(status);
  const battery = isObject(status.battery) ? num(status.battery.voltage) : undefined;
  if (battery !== undefined)
    facts.push({
      key: '12v',
      label: '12 V battery',
      value: `${battery.toFixed(1)} V`,
      tone: battery < 11.8 ? 'bad' : 'good',
    });
  const doors = isObject(status.doorsState) ? status.doorsState : undefined;
  const locked =
    doors && Array.isArray(doors.lockedStates)
      ? doors.lockedStates.filter((x): x is string => typeof x === 'string')
      : [];
  if (locked.length > 0)
    facts.push({
      key: 'doors',
      label: 'Doors',
      value: locked.join(', '),
      tone: locked.includes('Unlocked') ? 'warn' : 'good',
    });
  const ignition = isObject(status.ignition) ? str(status.ignition.type) : undefined;
  if (ignition)
    facts.push({ key: 'ignition', label: 'Ignition', value: ignition === 'Stop' ? 'Off' : ignition });
  const moving =
    isObject(status.kinetic) && typeof status.kinetic.moving === 'boolean'
      ? status.kinetic.moving
      : undefined;
  if (moving !== undefined) facts.push({ key: 'moving', label: 'Moving', value: moving ? 'Yes' : 'No' });
  const position =
    isObject(status.lastPosition) && isObject(status.lastPosition.geometry)
      ? status.lastPosition.geometry.coordinates
      : undefined;
  if (Array.isArray(position) && num(position[0]) !== undefined && num(position[1]) !== undefined)
    facts.push({
      key: 'position',
      label: 'Position',
      value: `${Number(position[1]).toFixed(5)}, ${Number(position[0]).toFixed(5)}`,
    });
  const preconditioning =
    isObject(status.preconditioning) && isObject(status.preconditioning.airConditioning)
      ? str(status.preconditioning.airConditioning.status)
      : undefined;
  if (preconditioning) facts.push({ key: 'ac', label: 'Air conditioning', value: preconditioning });
  const privacy = isObject(status.privacy) ? str(status.privacy.state) : undefined;
  if (privacy && privacy !== 'None')
    facts.push({ key: 'privacy', label: 'Privacy', value: privacy, tone: 'warn' });
  const sleep =
    str(status.sleepState) ?? (isObject(status.vehicle) ? str(status.vehicle.sleepState) : undefined);
  if (sleep) facts.push({ key: 'sleep', label: 'Sleep', value: sleep });
  const wakeUps = isObject(status.wakeUpBudget) ? status.wakeUpBudget : undefined;
  if (wakeUps && num(wakeUps.remaining) !== undefined)
    facts.push({
      key: 'wakeups',
      label: 'Wake-ups left',
      value: `${num(wakeUps.remaining)}${num(wakeUps.limit) !== undefined ? ` of ${num(wakeUps.limit)}` : ''} this month`,
      tone: (num(wakeUps.remaining) ?? 1) <= 2 ? 'warn' : 'good',
    });
  return facts;
}
