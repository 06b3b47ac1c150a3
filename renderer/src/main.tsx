import '@mantine/core/styles.css';
import { MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import { bootstrap } from './app/bootstrap.js';
import { StoresProvider } from './app/stores-context.js';
import { theme } from './app/theme.js';

const root = document.getElementById('root');
if (root) {
  const stores = bootstrap();
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={theme} defaultColorScheme="light">
        <StoresProvider stores={stores}>
          <App />
        </StoresProvider>
      </MantineProvider>
    </StrictMode>,
  );
}
