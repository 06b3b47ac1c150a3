// A data folder holding known secrets, for the support bundle's tests: a callback with a signing key, a Basic
// password and a sealed header value, and Stellantis credentials in the settings (saved, sealed, by the core).
import { expect } from 'vitest';
import { adminActor } from '../../helpers/actors.js';
import { callbackBody, type Harness } from '../../helpers/api-harness.js';

export interface FolderSecrets {
  signingSecret: string;
  basicPassword: string;
  headerValue: string;
  stellantisClientId: string;
  stellantisUser: string;
  stellantisPassword: string;
}

/** Stores the secrets through the API and the settings service; resolves with the callback's id. */
export async function seedSecrets(h: Harness, s: FolderSecrets): Promise<string> {
  const created = await h.call({
    method: 'POST',
    url: '/api/v1/callbacks',
    payload: callbackBody({
      signingSecret: s.signingSecret,
      authentication: { type: 'Basic', username: 'depot', password: s.basicPassword },
      callback: {
        webhook: {
          target: 'http://127.0.0.1:9/site',
          name: 'site',
          attributes: [{ type: 'Header', key: 'X-Api-Key', value: s.headerValue }],
        },
      },
    }),
  });
  expect(created.statusCode, created.body).toBe(201);
  await h.core.services.settings.save(
    {
      connector: 'simulator',
      stellantis: {
        baseUrl: 'https://api.example.test/connectedcar/v3',
        fleetId: 'fleet-42',
        clientId: s.stellantisClientId,
        user: s.stellantisUser,
        certFile: '/etc/depot/client.pem',
        keyFile: '/etc/depot/client.key',
        caFile: '/etc/depot/ca.pem',
        password: s.stellantisPassword,
      },
      publicReceiverUrl: null,
      receiver: { port: 5781, bind: '127.0.0.1', tls: null },
      notifications: { desktop: false },
    },
    adminActor(),
  );
  return created.json().id as string;
}
