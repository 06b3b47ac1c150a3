// The three builds (main, preload, renderer) and the renderer's build-time plugins, each a few lines with the
// measurement that justifies it. (Past 300 lines: the plugins are the build's own and read best beside its config.)
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { CONTRACT_TABLES_FILE, contractTablesModule } from './renderer/src/api/contract-tables-module.js';

/**
 * The HTTP client's routes and the change events' names as literals computed now from the contract, in place of
 * the module that derives them in the page (renderer/src/api/contract-tables.ts): the page then evaluates no zod
 * schema of the registry.
 */
function contractTables(): Plugin {
  const file = resolve(CONTRACT_TABLES_FILE);
  return {
    name: 'depot-remote:contract-tables',
    load: (id) => (id === file ? contractTablesModule() : null),
  };
}

/**
 * The router's page table as pages.lazy.ts (most pages in chunks of their own) instead of pages.ts (every page
 * with the app, as the tests import them).
 */
function lazyPages(): Plugin {
  const routes = resolve('renderer/src/app/Routes.tsx');
  return {
    name: 'depot-remote:lazy-pages',
    enforce: 'pre',
    resolveId: (source, importer) =>
      importer === routes && source === './pages.js' ? resolve('renderer/src/app/pages.lazy.ts') : null,
  };
}

/**
 * Three kinds of scripts: the page's entry (main.tsx and what it needs to send the first reads), the app (start.tsx
 * and everything else it imports) and the other pages (pages.lazy.ts's chunks) — rather than the bundler's many
 * small chunks shared between the app and those pages, each one more request before the app can run. The app's
 * closure is its static import graph, read once the modules are parsed.
 *
 * The app itself is four chunks, all fetched with the entry (preloadApp): React, Mantine, the i18n libraries, and
 * the rest. One chunk of ~1 MB took 46–52 ms of the main thread's CPU to evaluate before the first render; the same
 * modules in four took 25–29 ms (thread time in light Chromium traces of the fleet's page load; docs/benchmarks.md,
 * 3 December 2026, session 4). Each library's list holds its own dependencies too (Mantine's get-nonce…), so no
 * library chunk imports from the app's.
 */
function appChunks() {
  const entry = resolve('renderer/src/main.tsx');
  const app = resolve('renderer/src/app/start.tsx');
  const closures = { entry: new Set<string>(), app: new Set<string>() };
  const plugin: Plugin = {
    name: 'depot-remote:app-chunks',
    buildEnd() {
      const fill = (into: Set<string>, id: string) => {
        if (into.has(id)) return;
        into.add(id);
        for (const dep of this.getModuleInfo(id)?.importedIds ?? []) fill(into, dep);
      };
      fill(closures.entry, entry);
      fill(closures.app, app);
    },
  };
  const ofApp = (id: string) => closures.app.has(id) && !closures.entry.has(id);
  /** A library's chunk: its modules the app uses and the entry does not (those stay with the entry). */
  const library = (name: string, packages: string[], priority: number) => {
    const path = new RegExp(`[\\\\/]node_modules[\\\\/](${packages.join('|')})[\\\\/]`);
    return {
      name,
      test: (id: string) => ofApp(id) && path.test(id),
      priority,
      includeDependenciesRecursively: false,
    };
  };
  const output = {
    codeSplitting: {
      groups: [
        library('react', ['react', 'react-dom', 'scheduler'], 3),
        library(
          'mantine',
          [
            '@mantine',
            '@floating-ui',
            'react-number-format',
            'react-remove-scroll',
            'react-remove-scroll-bar',
            'react-style-singleton',
            'use-sidecar',
            'use-callback-ref',
            'get-nonce',
            'detect-node-es',
            'tslib',
            'clsx',
          ],
          2,
        ),
        library('intl', ['i18next', 'i18next-icu', 'react-i18next', 'intl-messageformat', '@formatjs'], 1),
        {
          name: 'start',
          test: ofApp,
          // The app's own closure is whole already; its dependencies shared with the entry stay with the entry.
          includeDependenciesRecursively: false,
        },
      ],
    },
  };
  return { plugin, output };
}
const chunks = appChunks();

/**
 * The app's chunk (start.tsx), the chunks it imports and its styles if any (none while the CSS is one file, see
 * `cssCodeSplit` below), announced in the page's head so the browser fetches them alongside the entry instead of
 * after it has run (`import()` of the app would start the fetch only then): the early reads still go first, since a
 * preload fetches and compiles without running anything. On a fleet page load this took the app's chunk from
 * arriving ~75 ms after the entry ran to arriving with it (docs/benchmarks.md, 3 December 2026, session 2).
 */
function preloadApp(): Plugin {
  const app = resolve('renderer/src/app/start.tsx');
  return {
    name: 'depot-remote:preload-app',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return [];
        // The app's chunk is a code-splitting group (appChunks): found by the module it holds, not as a facade.
        const start = Object.values(bundle).find((c) => c.type === 'chunk' && c.moduleIds.includes(app));
        if (!start || start.type !== 'chunk') return [];
        // Its imports but the entry, which the page loads anyway.
        const entries = new Set(
          Object.values(bundle).flatMap((c) => (c.type === 'chunk' && c.isEntry ? [c.fileName] : [])),
        );
        const scripts = [...start.imports.filter((file) => !entries.has(file)), start.fileName];
        const styles = [...(start.viteMetadata?.importedCss ?? [])];
        return [
          ...scripts.map((file) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: '', href: `./${file}` },
            injectTo: 'head' as const,
          })),
          ...styles.map((file) => ({
            tag: 'link',
            attrs: { rel: 'preload', as: 'style', crossorigin: '', href: `./${file}` },
            injectTo: 'head' as const,
          })),
        ];
      },
    },
  };
}

/**
 * Mantine's CSS variables for the app's theme (its colours, fonts, sizes: ~7 KB), computed now and written into the
 * page's head, in place of the MantineProvider computing them on the first render (the theme's every colour and
 * shade through Mantine's resolver, then a style element added): that was main-thread work between the data's
 * arrival and the first frame, where the page's parser now reads them while it waits for the scripts. The same
 * text Mantine's provider would write (rendered by it, here, with its global and static classes left to the page,
 * which still adds them); start.tsx turns the provider's own off (`withCssVariables={false}`). From the first
 * render's start to the shell's: 13 → 8.5 ms (medians, fleet page loads of instrumented builds, 3 December 2026).
 */
function themeVariables(): Plugin {
  return {
    name: 'depot-remote:theme-variables',
    transformIndexHtml: {
      order: 'post',
      async handler() {
        const [
          { MantineProvider },
          { createElement },
          { renderToStaticMarkup },
          { cssVariablesResolver, theme },
        ] = await Promise.all([
          import('@mantine/core'),
          import('react'),
          import('react-dom/server'),
          import('./renderer/src/app/theme.js'),
        ]);
        const markup = renderToStaticMarkup(
          createElement(MantineProvider, {
            theme,
            cssVariablesResolver,
            defaultColorScheme: 'light',
            withGlobalClasses: false,
            withStaticClasses: false,
          }),
        );
        const css = /^<style data-mantine-styles="true">([^<]*)<\/style>$/.exec(markup)?.[1];
        if (!css)
          throw new Error(`Mantine's CSS variables were not rendered as one style element: ${markup}`);
        return [{ tag: 'style', attrs: { 'data-mantine-styles': 'true' }, children: css, injectTo: 'head' }];
      },
    },
  };
}

/**
 * Mantine's `useId` (@mantine/hooks) as React's own id, without the random one Mantine puts in its place from a
 * layout effect once mounted. That state update, in every input, menu and popover of the page, is a synchronous
 * update during the first render's commit: React then runs all the passive effects and renders those components a
 * second time before the browser may paint the first frame (traced on the fleet's page load: ~7 ms of effects and a
 * ~12 ms second render, between the first render and its frame). React's ids are already unique in the page, and
 * stable (the page has no server rendering for them to differ from). Same id for a given `staticId` as Mantine's.
 */
function mantineUseId(): Plugin {
  const file = /[\\/]node_modules[\\/]@mantine[\\/]hooks[\\/]esm[\\/]use-id[\\/]use-id\.mjs$/;
  return {
    name: 'depot-remote:mantine-use-id',
    // Said at once if an upgrade of Mantine moves the module: else the id would quietly be Mantine's again.
    buildStart() {
      if (!existsSync(resolve('node_modules/@mantine/hooks/esm/use-id/use-id.mjs')))
        throw new Error(
          '@mantine/hooks has no esm/use-id/use-id.mjs: update mantineUseId in electron.vite.config.ts.',
        );
    },
    load: (id) =>
      file.test(id)
        ? [
            `import { useId as useReactId } from 'react';`,
            `export function useId(staticId) {`,
            `  const reactId = useReactId();`,
            `  return typeof staticId === 'string' ? staticId : \`mantine-\${reactId.replace(/:/g, '')}\`;`,
            `}`,
          ].join('\n')
        : null,
  };
}

/**
 * The theme's readable palettes (renderer/src/app/readable-colors.ts) as values computed now, in place of the
 * module computing them as the page starts (every shade of every palette through Mantine's colour functions: ~2 ms
 * of the app's evaluation, traced, on the way to the first render). The same values: computed by the same module.
 */
function readableColors(): Plugin {
  const file = resolve('renderer/src/app/readable-colors.ts');
  const statement =
    /export const READABLE_COLORS: Record<string, MantineColorsTuple> = Object\.fromEntries\([^;]*\);/;
  return {
    name: 'depot-remote:readable-colors',
    enforce: 'pre',
    async transform(code, id) {
      if (id !== file) return null;
      if (!statement.test(code))
        throw new Error(`${file}: READABLE_COLORS is no longer computed as this plugin expects.`);
      const { READABLE_COLORS } = await import('./renderer/src/app/readable-colors.js');
      const values = `export const READABLE_COLORS: Record<string, MantineColorsTuple> = ${JSON.stringify(READABLE_COLORS)};`;
      return { code: code.replace(statement, values), map: null };
    },
  };
}

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
    // Minified: in web mode the agent serves it over the network. Split only where it saves work at load: the
    // entry sends the first reads before the app is evaluated, and the pages not opened first wait until asked.
    build: {
      minify: true,
      // One stylesheet, linked in the page's head, rather than one per chunk: the app's own styles (~10 KB) came
      // as the app chunk's CSS, and the entry's `import()` of the app is only made once that stylesheet has loaded
      // (Vite's preload helper waits for a chunk's CSS): a wait in series before the app could be evaluated. The
      // lazy pages' styles (~2 KB) come with it too, so opening one waits for no stylesheet either. Alternated
      // fleet page loads, 2,000 vehicles (3 December 2026, session 5): 364 → 356 ms (medians of 15), and from the
      // page's entry to the app evaluated 94 → 83 ms (medians of 8, marks in an instrumented build).
      cssCodeSplit: false,
      chunkSizeWarningLimit: 2000,
      rollupOptions: {
        input: { index: resolve('renderer/index.html') },
        output: chunks.output,
        // The contract's modules hold zod schemas beside the constants the UI reads (state names, limits): a schema
        // the page does not use is dropped rather than built at load. zod's builders and the contract's own
        // (defineOperation, pageOf) have no side effect the page relies on.
        treeshake: { manualPureFunctions: ['z', 'defineOperation', 'pageOf'] },
      },
    },
    plugins: [
      react(),
      contractTables(),
      lazyPages(),
      mantineUseId(),
      readableColors(),
      chunks.plugin,
      preloadApp(),
      themeVariables(),
    ],
  },
});
