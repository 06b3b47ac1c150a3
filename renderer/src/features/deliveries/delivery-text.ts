import type { DeliveryDto } from '../../../../preload/contract/deliveries.js';
import { featureLabel } from '../remotes/features.js';

/**
 * What a delivery carries, in a few words: the remote types, the event statuses (so the Accepted, SentToVehicle
 * and Done notifications of one command differ) and the vehicle, by its depot label when `vehicleName` knows it.
 * E.g. "Horn · Accepted · Van 01", or "Horn, Doors (3 events) · Accepted, Success · 2 vehicles".
 */
export function deliveryWhat(
  d: Pick<DeliveryDto, 'kind' | 'eventCount' | 'remoteTypes' | 'vins' | 'statuses'>,
  vehicleName: (vin: string) => string | undefined = () => undefined,
): string {
  if (d.kind === 'test') return 'Test notification';
  const types = [...new Set(d.remoteTypes)].map(featureLabel).join(', ') || 'Notification';
  const what = d.eventCount === 1 ? types : `${types} (${d.eventCount} events)`;
  const statuses = [...new Set(d.statuses)].join(', ');
  const vins =
    d.vins.length === 1
      ? (vehicleName(d.vins[0]!) ?? d.vins[0]!)
      : d.vins.length > 1
        ? `${d.vins.length} vehicles`
        : '';
  return [what, statuses, vins].filter(Boolean).join(' · ');
}
