// What the mirror's route modules share: their dependencies, path parameters and error responses.
import { z } from 'zod';
import type { CallbacksService } from '../../../services/callbacks-service.js';
import type { RemotesService } from '../../../services/remotes-service.js';
import type { VehiclesService } from '../../../services/vehicles-service.js';
import { idParam } from '../../route-kit.js';
import { mirrorErrorSchema } from './mirror-schemas.js';

export interface FleetMirrorDeps {
  callbacks: CallbacksService;
  vehicles: VehiclesService;
  remotes: RemotesService;
  /** The fleet the connector serves: the only `{fid}` the mirror answers to (null: none). */
  fleetId: () => string | null;
  connectorName: string;
  now: () => number;
}

export const tags = ['stellantis-mirror'];

/** The fleet API's media type for what it finds (errors stay application/json, as in the spec). */
export const HAL = 'application/hal+json';

export const fleetParams = z.object({ fid: idParam });
export const vehicleParams = fleetParams.extend({ vid: idParam.describe('The vehicle’s id (or its VIN)') });
export const callbackParams = fleetParams.extend({ cbid: idParam });
export const vehicleCallbackParams = vehicleParams.extend({ cbid: idParam });

export const mirrorErrors = <C extends number>(...codes: C[]) =>
  Object.fromEntries(codes.map((c) => [c, mirrorErrorSchema])) as Record<C, typeof mirrorErrorSchema>;

/** The query string as the client sent it (for the links of a collection). */
export const rawQueryOf = (url: string) => url.split('?')[1] ?? '';
