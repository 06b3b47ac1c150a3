// A vehicle's last known status (the fleet API's Status object, or whatever the connector reports) read into the
// few facts a technician looks for, worded by the fleet catalog: the Status's own codes (a charging status, a lock
// state, an ignition type) get a label, one the catalog does not know is shown as sent. Unknown shapes give fewer
// facts, never an error.
import { formatNumber, formatPercent } from '../../i18n/format.js';
import { t } from '../../i18n/index.js';
import { privacyLabel } from './fleet-text.js';

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

const whole = (n: number) => formatNumber(Math.round(n));

function energyFacts(status: Json): StatusFact[] {
  const energies = Array.isArray(status.energies) ? status.energies.filter(isObject) : [];
  const facts: StatusFact[] = [];
  for (const energy of energies) {
    const type = str(energy.type);
    const key = type ?? 'Energy';
    const level = num(energy.level);
    const autonomy = num(energy.autonomy);
    if (level !== undefined) {
      const percent = formatPercent(Math.round(level) / 100);
      facts.push({
        key: `${key}-level`,
        label: t('fleet:status.energy', { type: type ?? 'none' }),
        value:
          autonomy !== undefined
            ? t('fleet:status.levelRange', { level: percent, range: whole(autonomy) })
            : percent,
        tone: level < 20 ? 'bad' : level < 40 ? 'warn' : 'good',
      });
    }
    const charging =
      isObject(energy.extension) && isObject(energy.extension.electric)
        ? energy.extension.electric.charging
        : undefined;
    if (isObject(charging)) {
      const plugged = charging.plugged === true;
      const state = str(charging.status);
      const stateText = state ? t('fleet:status.chargingState', { state }) : undefined;
      facts.push({
        key: `${key}-charging`,
        label: t('fleet:status.charging'),
        value: stateText
          ? plugged
            ? t('fleet:status.chargingPlugged', { state: stateText })
            : stateText
          : plugged
            ? t('fleet:status.plugged')
            : t('fleet:status.notPlugged'),
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
      label: t('fleet:status.battery12v'),
      value: t('fleet:status.voltage', {
        voltage: formatNumber(battery, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
      }),
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
      label: t('fleet:status.doors'),
      value: locked.map((state) => t('fleet:status.lock', { state })).join(', '),
      tone: locked.includes('Unlocked') ? 'warn' : 'good',
    });
  const ignition = isObject(status.ignition) ? str(status.ignition.type) : undefined;
  if (ignition)
    facts.push({
      key: 'ignition',
      label: t('fleet:status.ignition'),
      value: t('fleet:status.ignitionState', { type: ignition }),
    });
  const moving =
    isObject(status.kinetic) && typeof status.kinetic.moving === 'boolean'
      ? status.kinetic.moving
      : undefined;
  if (moving !== undefined)
    facts.push({
      key: 'moving',
      label: t('fleet:status.moving'),
      value: moving ? t('fleet:status.yes') : t('fleet:status.no'),
    });
  const position =
    isObject(status.lastPosition) && isObject(status.lastPosition.geometry)
      ? status.lastPosition.geometry.coordinates
      : undefined;
  if (Array.isArray(position) && num(position[0]) !== undefined && num(position[1]) !== undefined)
    facts.push({
      key: 'position',
      label: t('fleet:status.position'),
      // Coordinates as a map tool takes them (a point, five decimals), whatever the language.
      value: `${Number(position[1]).toFixed(5)}, ${Number(position[0]).toFixed(5)}`,
    });
  const preconditioning =
    isObject(status.preconditioning) && isObject(status.preconditioning.airConditioning)
      ? str(status.preconditioning.airConditioning.status)
      : undefined;
  if (preconditioning)
    facts.push({
      key: 'ac',
      label: t('fleet:status.airConditioning'),
      value: t('fleet:status.airConditioningState', { state: preconditioning }),
    });
  const privacy = isObject(status.privacy) ? str(status.privacy.state) : undefined;
  if (privacy && privacy !== 'None')
    facts.push({
      key: 'privacy',
      label: t('fleet:status.privacy'),
      value: privacyLabel(privacy),
      tone: 'warn',
    });
  // Not in the fleet API's Status: what another connector may report, shown as it says it.
  const sleep =
    str(status.sleepState) ?? (isObject(status.vehicle) ? str(status.vehicle.sleepState) : undefined);
  if (sleep) facts.push({ key: 'sleep', label: t('fleet:status.sleep'), value: sleep });
  const wakeUps = isObject(status.wakeUpBudget) ? status.wakeUpBudget : undefined;
  const remaining = wakeUps ? num(wakeUps.remaining) : undefined;
  if (wakeUps && remaining !== undefined) {
    const limit = num(wakeUps.limit);
    facts.push({
      key: 'wakeups',
      label: t('fleet:status.wakeUpsLeft'),
      value:
        limit !== undefined
          ? t('fleet:status.wakeUpsLeftOf', { left: remaining, limit })
          : t('fleet:status.wakeUpsLeftCount', { left: remaining }),
      tone: remaining <= 2 ? 'warn' : 'good',
    });
  }
  return facts;
}
