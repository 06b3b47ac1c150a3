// The energies the agent names a vehicle's with (the core's VEHICLE_ENERGIES; the contract carries a string, so a
// newer agent's value is shown as it came).
export const VEHICLE_ENERGIES = ['Electric', 'PlugInHybrid', 'Hybrid', 'Combustion', 'Unknown'] as const;
export type VehicleEnergy = (typeof VEHICLE_ENERGIES)[number];

export function isVehicleEnergy(value: string): value is VehicleEnergy {
  return (VEHICLE_ENERGIES as readonly string[]).includes(value);
}
