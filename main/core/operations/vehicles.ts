// listVehicles and getVehicle. The list answers each vehicle without its raw status: the fleet view needs the
// condition and the status's age, and a 2,000-vehicle fleet is then 1.9 MB instead of 5; getVehicle carries it.
import type { VehicleDto, VehicleSummaryDto } from '../../../preload/contract/dto.js';
import type { VehiclesService } from '../services/vehicles-service.js';
import type { OperationHandlers } from './ports.js';

export function summaryOf({ status: _status, ...summary }: VehicleDto): VehicleSummaryDto {
  return summary;
}

export function vehicleHandlers(
  vehicles: VehiclesService,
): Pick<OperationHandlers, 'listVehicles' | 'getVehicle'> {
  return {
    listVehicles: (query) => {
      const page = vehicles.list(query);
      return { ...page, items: page.items.map(summaryOf) };
    },
    getVehicle: ({ vid }) => vehicles.get(vid),
  };
}
