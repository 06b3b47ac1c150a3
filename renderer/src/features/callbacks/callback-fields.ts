// Where the core's messages about a callback body attach: the dotted paths of its fields (the API's
// `errors[].field`), each message shown beside its field.
export const FIELD = {
  name: 'callback.webhook.name',
  label: 'label',
  target: 'callback.webhook.target',
  webhook: 'callback.webhook',
  attributes: 'callback.webhook.attributes',
  remoteTypes: 'remoteTypes',
  retryPolicy: 'retryPolicy',
  retryNumber: 'retryPolicy.retryNumber',
  retryDelay: 'retryPolicy.retryDelay',
  batchSize: 'batchNotify.size',
  batchWindow: 'batchNotify.timeWindow',
  signingSecret: 'signingSecret',
  authentication: 'authentication',
  username: 'authentication.username',
  password: 'authentication.password',
  token: 'authentication.token',
} as const;
