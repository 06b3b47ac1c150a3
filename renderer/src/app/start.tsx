// The app itself, loaded by the page's entry (main.tsx) once the first reads are on their way: the stores (the
// session asked for at once), then the first render.
import { MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { bootstrap } from './bootstrap.js';
import { StoresProvider } from './stores-context.js';
import { cssVariablesResolver, theme } from './theme.js';

const root = document.getElementById('root');
if (root) {
  const stores = bootstrap();
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        <StoresProvider stores={stores}>
          <App />
        </StoresProvider>
      </MantineProvider>
    </StrictMode>,
  );
}
