import { MantineProvider } from '@mantine/core';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { StoresProvider } from '../../../renderer/src/app/stores-context.js';
import { theme } from '../../../renderer/src/app/theme.js';
import { createStores, type Stores } from '../../../renderer/src/stores/app-stores.js';
import { type FakeClient, fakeClient } from './fake-client.js';

export function renderWithStores(ui: ReactElement, client: FakeClient = fakeClient(), stores?: Stores) {
  const s = stores ?? createStores(client);
  const result = render(
    <MantineProvider theme={theme}>
      <StoresProvider stores={s}>{ui}</StoresProvider>
    </MantineProvider>,
  );
  return { ...result, stores: s, client };
}
