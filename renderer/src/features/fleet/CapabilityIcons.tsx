// The nine features of a vehicle as a row of small icons: coloured when it can, crossed out when not, the reason on
// hover. Not focusable (a row is one tab stop, not nine): the features it cannot do are also said in words, hidden
// from sight but read with the row.
import type { VehicleSummaryDto } from '../../../../preload/contract/dto.js';
import { FEATURES, FEATURE_ORDER } from '../remotes/features.js';
import classes from './FleetGrid.module.css';

/** The features it cannot do, named (the icons alone would rely on shade). */
export function cannotText(vehicle: VehicleSummaryDto): string {
  const cannot = FEATURE_ORDER.filter((t) => vehicle.capabilities[t]?.supported !== true).map(
    (t) => FEATURES[t].label,
  );
  return cannot.length === 0 ? 'All nine features' : `Cannot: ${cannot.join(', ')}`;
}

export function CapabilityIcons({ vehicle }: { vehicle: VehicleSummaryDto }) {
  return (
    <span className={classes.icons} data-testid="capabilities">
      {FEATURE_ORDER.map((type) => {
        const feature = FEATURES[type];
        const capability = vehicle.capabilities[type];
        const can = capability?.supported === true;
        const Icon = feature.icon;
        return (
          <span
            key={type}
            className={classes.icon}
            data-can={can}
            title={
              can
                ? `${feature.label}: available`
                : `${feature.label}: not available — ${capability?.reason ?? 'unknown'}`
            }
          >
            <Icon size={15} aria-hidden />
          </span>
        );
      })}
      <span className={classes.srOnly}>{cannotText(vehicle)}</span>
    </span>
  );
}
