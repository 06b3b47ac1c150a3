// listVehicles and getVehicle.
import type { VehiclesService } from '../services/vehicles-service.js';
import type { OperationHandlers } from './ports.js';

export function vehicleHandlers(
  vehicles: VehiclesService,
): Pick<OperationHandlers, 'listVehicles' | 'getVehicle'> {
  return {
    listVehicles: (query) => vehicles.list(query),
    getVehicle: ({ vid }) => vehicles.get(vid),
  };
}
