// The callback model, its validation and the helpers around it.
export * from './callback-model.js';
export {
  callbackSubscribeSchema,
  callbackBodySchema,
  callbackStatusSetterSchema,
} from './callback-schema.js';
export type { CallbackStatusSetter } from './callback-schema.js';
export { webhookTargetProblem } from './webhook-target.js';
export { headerNameProblem, headerValueProblem, attributeValueProblem } from './attribute-rules.js';
export * from './attribute-values.js';
export { batchingOf, turnsBatchingOff, type BatchingSource } from './batching-rules.js';
export { DEFAULT_RETRY_NUMBER, DEFAULT_RETRY_DELAY, DEFAULT_BATCH_WINDOW } from './delivery-schema.js';
export { isSigningSecret, generateSigningSecret, maskSecret } from './signing-secret.js';
export * from './parse-callback.js';
export * from './sealed-headers.js';
export * from './built-in.js';
export * from './built-in-body.js';
