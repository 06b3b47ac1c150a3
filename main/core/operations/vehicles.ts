// listVehicles and getVehicle. The list answers each vehicle without its raw status: the fleet view needs the
// condition and the status's age, and a 2,000-vehicle fleet is then 1.9 MB instead of 5; getVehicle carries it.
// The list's items come from one typed mapper (VehiclesService.summaries), in the schema's field order, and are
// answered without zod's check at each request (api/route-kit.ts, MAPPED_ANSWERS).
import type { VehiclesService } from '../services/vehicles-service.js';
import type { OperationHandlers } from './ports.js';

export function vehicleHandlers(
  vehicles: VehiclesService,
): Pick<OperationHandlers, 'listVehicles' | 'getVehicle'> {
  return {
    listVehicles: (query) => vehicles.summaries(query),
    getVehicle: ({ vid }) => vehicles.get(vid),
  };
}
