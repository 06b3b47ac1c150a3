// The app itself, loaded by the page's entry (main.tsx) once the first reads are on their way: the stores (the
// session asked for at once), then the first render, once there is a whole first screen to draw.
import { MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LanguageRoot } from '../i18n/LanguageRoot.js';
import { startI18n } from '../i18n/index.js';
import { App } from './App.js';
import { bootstrap } from './bootstrap.js';
import { whenFirstScreenReady } from './first-data.js';
import { StoresProvider } from './stores-context.js';
import { theme } from './theme.js';

const root = document.getElementById('root');
if (root) {
  const stores = bootstrap();
  // English is bundled and ready at once; another language waits for its catalogs (a few ms from the agent). The
  // first render waits for the session and the page's first data, briefly (first-data.ts).
  void Promise.all([startI18n(), whenFirstScreenReady(stores)]).then(() =>
    createRoot(root).render(
      <StrictMode>
        {/* The theme's CSS variables (with cssVariablesResolver's) are in the page's head already, computed at build
            time (electron.vite.config.ts, themeVariables); the provider would only compute the same again. */}
        <MantineProvider theme={theme} defaultColorScheme="light" withCssVariables={false}>
          <StoresProvider stores={stores}>
            <LanguageRoot>
              <App />
            </LanguageRoot>
          </StoresProvider>
        </MantineProvider>
      </StrictMode>,
    ),
  );
}
