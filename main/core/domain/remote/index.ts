export type * from './remote-body.js';
export { parseRemote, remoteTypeOfBody, formatPath } from './parse-remote.js';
export type { ParsedRemote } from './parse-remote.js';
export {
  remoteBodySchema,
  remoteActionSchemas,
  remoteChargingSchema,
  remoteStolenSchema,
  remoteLightsSchema,
  remoteWakeUpSchema,
  remotePreconditioningSchema,
  remoteDoorsSchema,
  remoteHornSchema,
  remoteImmobilizationSchema,
  remoteNavigationSchema,
  labelSchema,
  REMOTE_ACTION_KEYS,
  LABEL_MAX_LENGTH,
  isRfc3339DateTime,
  timeOfDaySeconds,
} from './remote-schema.js';
