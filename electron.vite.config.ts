import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// Three targets from the design card's top-level folders. The headless agent is a second
// entry of the main build so it ships compiled exactly like the desktop entry.
export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: { index: resolve('main/index.ts'), agent: resolve('main/agent.ts') },
      },
    },
  },
  preload: {
    // A sandboxed window can only load a CommonJS preload.
    build: {
      rollupOptions: { input: { index: resolve('preload/index.ts') }, output: { format: 'cjs' } },
    },
  },
  renderer: {
    root: 'renderer',
    // Minified: in web mode the agent serves it over the network.
    // One bundle is right for a UI served from the local agent or app:// (no network cost to split for).
    build: {
      minify: true,
      chunkSizeWarningLimit: 2000,
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
    plugins: [react()],
  },
});
