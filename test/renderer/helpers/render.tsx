import { MantineProvider } from '@mantine/core';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { SessionDto } from '../../../preload/contract/access.js';
import { StoresProvider } from '../../../renderer/src/app/stores-context.js';
import { theme } from '../../../renderer/src/app/theme.js';
import { createStores, type Stores } from '../../../renderer/src/stores/app-stores.js';
import { type FakeClient, fakeClient, session as adminSession } from './fake-client.js';

/**
 * Renders inside the app's providers. The stores start signed in (as Ada, an admin, unless `session` says who;
 * null: as they are), as the app is once past the sign-in; the operator name typed for a token session is kept.
 */
export function renderWithStores(
  ui: ReactElement,
  client: FakeClient = fakeClient(),
  stores?: Stores,
  options: { session?: SessionDto | null } = {},
) {
  const s = stores ?? createStores(client);
  const signedIn = options.session === undefined ? adminSession() : options.session;
  if (signedIn && s.session.getState().session === null)
    s.session.setState({ status: signedIn.signedIn ? 'signed-in' : 'signed-out', session: signedIn });
  const result = render(
    <MantineProvider theme={theme}>
      <StoresProvider stores={s}>{ui}</StoresProvider>
    </MantineProvider>,
  );
  return { ...result, stores: s, client };
}
