// One vehicle on one line (40 px): its tick box, name and model, VIN, condition, status age, what it can do, what
// its commands are doing, quick actions. The row is the tab stop; its links and buttons are reached with the arrow
// keys (the tick box with Space on the row).
import { memo } from 'react';
import type { RemoteActionDto, VehicleSummaryDto } from '../../../../preload/contract/dto.js';
import { TimeAgo } from '../../components/TimeAgo.js';
import { t } from '../../i18n/index.js';
import { RowSelect } from '../groups/RowSelect.js';
import { CapabilityIcons } from './CapabilityIcons.js';
import { ConditionChips } from './ConditionChips.js';
import { energyLabel } from './fleet-filter.js';
import classes from './FleetGrid.module.css';
import { QuickActions, type QuickSend } from './QuickActions.js';
import { VehicleActivityBadge } from './VehicleActivityBadge.js';
import { makeAndModel } from './vehicle-name.js';

export const ROW_HEIGHT = 40;

export const FleetRow = memo(function FleetRow({
  vehicle,
  index,
  start,
  tabbable,
  latest,
  inFlight,
  onSend,
}: {
  vehicle: VehicleSummaryDto;
  index: number;
  start: number;
  tabbable: boolean;
  latest: RemoteActionDto | undefined;
  inFlight: RemoteActionDto[] | undefined;
  onSend: QuickSend;
}) {
  const name = vehicle.label ?? vehicle.vin;
  const model = makeAndModel(vehicle.brand, vehicle.model);
  const energy = energyLabel(vehicle.energy);
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      data-index={index}
      data-testid="vehicle-row"
      data-vehicle-id={vehicle.id}
      tabIndex={tabbable ? 0 : -1}
      className={classes.row}
      style={{ transform: `translateY(${start}px)`, height: ROW_HEIGHT }}
    >
      <div role="gridcell">
        <RowSelect vehicleId={vehicle.id} name={name} />
      </div>
      <div role="gridcell">
        <a
          href={`#/vehicles/${encodeURIComponent(vehicle.id)}`}
          className={classes.label}
          tabIndex={-1}
          data-row-item
          data-testid="vehicle-label"
        >
          {name}
        </a>
        <span className={classes.sub}>{model ? t('fleet:row.model', { model, energy }) : energy}</span>
      </div>
      <div role="gridcell" className={classes.vin}>
        {vehicle.vin}
      </div>
      <div role="gridcell">
        <ConditionChips vehicle={vehicle} />
      </div>
      <div role="gridcell" data-testid="status-age">
        {vehicle.statusAt ? (
          <TimeAgo iso={vehicle.statusAt} />
        ) : (
          <span style={{ color: 'var(--mantine-color-orange-8)' }}>{t('fleet:row.noStatus')}</span>
        )}
      </div>
      <div role="gridcell">
        <CapabilityIcons vehicle={vehicle} />
      </div>
      <div role="gridcell">
        <VehicleActivityBadge latest={latest} inFlight={inFlight} linkTabIndex={-1} rowItem />
      </div>
      <div role="gridcell">
        <QuickActions vehicle={vehicle} inFlight={inFlight} onSend={onSend} />
      </div>
    </div>
  );
});
