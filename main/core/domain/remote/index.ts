export type * from './remote-body.js';
export { parseRemote, remoteTypeOfBody, formatPath } from './parse-remote.js';
export type { ParsedRemote } from './parse-remote.js';
export {
  remoteBodySchema,
  remoteActionSchemas,
  labelSchema,
  REMOTE_ACTION_KEYS,
  LABEL_MAX_LENGTH,
} from './remote-schema.js';
export { remoteChargingSchema } from './charging-schema.js';
export { remoteStolenSchema, remoteImmobilizationSchema } from './stolen-schema.js';
export {
  remoteLightsSchema,
  remoteWakeUpSchema,
  remoteDoorsSchema,
  remoteHornSchema,
} from './controls-schema.js';
export { remotePreconditioningSchema } from './preconditioning-schema.js';
export { remoteNavigationSchema } from './navigation-schema.js';
export { isRfc3339DateTime, timeOfDaySeconds } from './remote-formats.js';
