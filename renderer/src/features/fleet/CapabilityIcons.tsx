// The nine features of a vehicle as a row of small icons (the list's symbols, FeatureSprite.tsx): coloured when it
// can, crossed out when not, the reason on hover. Not focusable (a row is one tab stop, not nine): the features it
// cannot do are also said in words, hidden from sight but read with the row.
import type { VehicleSummaryDto } from '../../../../preload/contract/dto.js';
import { t } from '../../i18n/index.js';
import { FEATURE_ORDER, featureLabel } from '../remotes/features.js';
import { capabilityReasonText } from './capability-text.js';
import { featureIcon } from './FeatureSprite.js';
import classes from './FleetGrid.module.css';

/** The features it cannot do, named (the icons alone would rely on shade). */
export function cannotText(vehicle: VehicleSummaryDto): string {
  const cannot = FEATURE_ORDER.filter((type) => vehicle.capabilities[type]?.supported !== true).map(
    featureLabel,
  );
  return cannot.length === 0
    ? t('fleet:capability.all')
    : t('fleet:capability.cannot', { features: cannot.join(', ') });
}

export function CapabilityIcons({ vehicle }: { vehicle: VehicleSummaryDto }) {
  return (
    <span className={classes.icons} data-testid="capabilities">
      {FEATURE_ORDER.map((type) => {
        const capability = vehicle.capabilities[type];
        const can = capability?.supported === true;
        const feature = featureLabel(type);
        return (
          <span
            key={type}
            className={classes.icon}
            data-can={can}
            title={
              can
                ? t('fleet:capability.available', { feature })
                : t('fleet:capability.unavailable', {
                    feature,
                    reason: capabilityReasonText(capability) ?? t('fleet:capability.reasonUnknown'),
                  })
            }
          >
            {featureIcon(type, 15)}
          </span>
        );
      })}
      <span className={classes.srOnly}>{cannotText(vehicle)}</span>
    </span>
  );
}
