import type { DeliveryDto } from '../../../../preload/contract/deliveries.js';
import { t } from '../../i18n/index.js';
import { featureLabel } from '../remotes/features.js';

/**
 * What a delivery carries, in a few words: the remote types, the event statuses (so the Accepted, SentToVehicle
 * and Done notifications of one command differ) and the vehicle, by its depot label when `vehicleName` knows it.
 * E.g. "Horn · Accepted · Van 01", or "Horn, Doors (3 events) · Accepted, Success · 2 vehicles". The statuses are
 * the payload's own eventStatus.status, as the receiving system logs them.
 */
export function deliveryWhat(
  d: Pick<DeliveryDto, 'kind' | 'eventCount' | 'remoteTypes' | 'vins' | 'statuses'>,
  vehicleName: (vin: string) => string | undefined = () => undefined,
): string {
  if (d.kind === 'test') return t('deliveries:what.test');
  const types = [...new Set(d.remoteTypes)].map(featureLabel).join(', ') || t('deliveries:what.notification');
  const what = d.eventCount === 1 ? types : t('deliveries:what.events', { types, count: d.eventCount });
  const statuses = [...new Set(d.statuses)].join(', ');
  const vins =
    d.vins.length === 1
      ? (vehicleName(d.vins[0]!) ?? d.vins[0]!)
      : d.vins.length > 1
        ? t('deliveries:what.vehicles', { count: d.vins.length })
        : '';
  return [what, statuses, vins].filter(Boolean).join(' · ');
}
