import type { DeliveryDto } from '../../../../preload/contract/deliveries.js';
import { featureLabel } from '../remotes/features.js';

/** What a delivery carries, in a few words; a vehicle by its depot label when `vehicleName` knows it. */
export function deliveryWhat(
  d: Pick<DeliveryDto, 'kind' | 'eventCount' | 'remoteTypes' | 'vins'>,
  vehicleName: (vin: string) => string | undefined = () => undefined,
): string {
  if (d.kind === 'test') return 'Test notification';
  const types = [...new Set(d.remoteTypes)].map(featureLabel).join(', ');
  const vins =
    d.vins.length === 1
      ? ` · ${vehicleName(d.vins[0]!) ?? d.vins[0]}`
      : d.vins.length > 1
        ? ` · ${d.vins.length} vehicles`
        : '';
  const events = d.eventCount === 1 ? '1 event' : `${d.eventCount} events`;
  return `${types || 'Notification'} (${events})${vins}`;
}
