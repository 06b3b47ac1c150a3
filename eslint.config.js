// Lint enforces the architecture's import boundaries (docs/architecture.md in shared docs):
// the process a file runs in is obvious from where it lives, and lint keeps it that way.
import js from '@eslint/js';
import i18next from 'eslint-plugin-i18next';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const electronOnlyInShell = {
  name: 'electron',
  message:
    'Electron may only be imported in main/shell, main/index.ts and preload (the core runs under plain Node).',
};
const electronLog = {
  name: 'electron-log/main',
  message: 'electron-log/main needs Electron: use it only in main/shell.',
};
const sqliteOnlyInDb = {
  name: 'better-sqlite3',
  message: 'better-sqlite3 belongs to main/core/db: go through a repository.',
};
const fastifyOnlyInServers = {
  name: 'fastify',
  message: 'fastify belongs to main/core/api and main/core/receiver.',
};
const noMainFromRenderer = {
  group: ['**/main/**', '../main/*', '../../main/*'],
  message: 'The renderer never imports main/: use the contract in preload/contract.',
};
const inCore = [electronOnlyInShell, electronLog, sqliteOnlyInDb, fastifyOnlyInServers];

// The words (main/core/i18n) are for the edges only: the API and the desktop shell render codes with them; backup
// and diagnostics are the agent's one-off commands, which nothing below the edges imports either.
// The layers inside the core import downwards only: domain <- db <- kernel <- services <- outbox, receiver <- api,
// operations <- create-core.ts (which wires, and holds no rule). The kernel holds what services, outbox and
// receiver share (ServiceError, Actor, the audit trail, the DTO mappers). A pattern names what a layer must not reach.
const coreNotTheProcesses = {
  regex: '(^|/)(headless|shell)/',
  message:
    'main/core runs under the agent and the shell alike: it never imports main/headless or main/shell.',
};
// A folder name stands for all of it; an entry with a slash carries its own exception (a lookahead).
const layer = (name, folders, allowed) => ({
  regex: `(^|/)(${folders.map((f) => (f.includes('/') ? f : `${f}/`)).join('|')})|(^|/)create-core\\.js$`,
  message: `${name} imports only ${allowed} (layers inside the core: see eslint.config.js).`,
});
// connector/connector.ts is the connector's port (interface and errors); the connectors themselves are wired in.
const connectorImplementations = 'connector/(?!connector\\.js$)';
const dbLayer = layer(
  'main/core/db',
  [
    'api',
    'config',
    'connector',
    'backup',
    'diagnostics',
    'events',
    'i18n',
    'kernel',
    'operations',
    'outbox',
    'receiver',
    'secrets',
    'services',
    'updates',
  ],
  'the domain, ports and the contract',
);
const kernelLayer = layer(
  'main/core/kernel',
  [
    'api',
    'backup',
    'config',
    'connector',
    'diagnostics',
    'i18n',
    'operations',
    'outbox',
    'receiver',
    'secrets',
    'services',
    'updates',
  ],
  'the domain, db, events, ports and the contract',
);
const servicesLayer = layer(
  'main/core/services',
  [
    'api',
    'backup',
    'diagnostics',
    'i18n',
    'operations',
    'outbox',
    'receiver',
    'secrets',
    connectorImplementations,
    'updates',
  ],
  'the domain, db, kernel, events, ports, config/stored-settings, connector/connector.ts and the contract',
);
const outboxLayer = layer(
  'main/core/outbox',
  [
    'api',
    'backup',
    'config',
    'connector',
    'diagnostics',
    'i18n',
    'operations',
    'receiver',
    'secrets',
    'services',
    'updates',
  ],
  'the domain, db, kernel, events, ports and the contract',
);
// The receiver hands events to the ingest service (its one service dependency, a type).
const receiverLayer = layer(
  'main/core/receiver',
  [
    'api',
    'backup',
    'config',
    'connector',
    'diagnostics',
    'i18n',
    'operations',
    'outbox',
    'secrets',
    'services/(?!ingest-service\\.js$)',
    'updates',
  ],
  'the domain, db, kernel, events, ports, services/ingest-service.ts and the contract',
);
const coreLayer = (paths, ...patterns) => ['error', { paths, patterns: [coreNotTheProcesses, ...patterns] }];

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', '.ci-out', 'coverage', 'bench/.*.bundle.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['main/core/**/*.ts'],
    ignores: ['main/core/db/**', 'main/core/api/**', 'main/core/receiver/**'],
    rules: { 'no-restricted-imports': coreLayer(inCore) },
  },
  { files: ['main/core/kernel/**/*.ts'], rules: { 'no-restricted-imports': coreLayer(inCore, kernelLayer) } },
  {
    files: ['main/core/services/**/*.ts'],
    rules: { 'no-restricted-imports': coreLayer(inCore, servicesLayer) },
  },
  { files: ['main/core/outbox/**/*.ts'], rules: { 'no-restricted-imports': coreLayer(inCore, outboxLayer) } },
  {
    // The domain imports nothing but the schema library, Node built-ins, its own files and, of the contract, only
    // the shared vocabulary (the words the core and its clients must spell alike).
    files: ['main/core/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!zod$|node:|\\.{1,2}/)',
              message: 'The domain imports no package but zod (and Node built-ins).',
            },
            {
              regex: '(^|/)preload/(?!contract/vocabulary\\.js$)',
              message: 'Of the contract, the domain imports only preload/contract/vocabulary.ts.',
            },
            {
              // Every folder of main/core but the domain itself (test/core/layers.test.ts checks none is missing).
              regex:
                '(^|/)(main|renderer|api|backup|config|connector|db|diagnostics|events|headless|i18n|kernel|operations|outbox|ports|receiver|secrets|services|shell|updates)/|(^|/)create-core\\.js$',
              message: 'The domain depends on nothing else in the app.',
            },
            {
              // Pure rules: node:crypto (ids, digests) is computation; files, sockets and processes are I/O.
              regex:
                '^node:(fs|net|http|https|http2|child_process|dgram|dns|tls|cluster|worker_threads)(/|$)',
              message:
                'The domain does no I/O: files, network and processes belong to db, connector and servers.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['main/core/db/**/*.ts'],
    rules: {
      'no-restricted-imports': coreLayer([electronOnlyInShell, electronLog, fastifyOnlyInServers], dbLayer),
    },
  },
  {
    files: ['main/core/api/**/*.ts'],
    rules: { 'no-restricted-imports': coreLayer([electronOnlyInShell, electronLog, sqliteOnlyInDb]) },
  },
  {
    files: ['main/core/receiver/**/*.ts'],
    rules: {
      'no-restricted-imports': coreLayer([electronOnlyInShell, electronLog, sqliteOnlyInDb], receiverLayer),
    },
  },
  {
    // Issue 18: the loopback server that serves a shared-folder update feed to electron-updater is a server too.
    files: ['main/core/updates/folder-server.ts'],
    rules: { 'no-restricted-imports': coreLayer([electronOnlyInShell, electronLog, sqliteOnlyInDb]) },
  },
  {
    files: ['main/agent.ts', 'main/headless/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electronOnlyInShell, electronLog, sqliteOnlyInDb] }],
    },
  },
  {
    files: ['preload/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!zod$|\\.{1,2}/).*',
              message: 'preload/contract imports nothing but the schema library (zod) and its own files.',
            },
            { group: ['**/main/**', '**/renderer/**'], message: 'The contract depends on nothing.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell, sqliteOnlyInDb, fastifyOnlyInServers],
          patterns: [noMainFromRenderer],
        },
      ],
    },
  },
  // Issue 17: every word a person reads comes from the catalogs (resources/locales). Text in JSX and the attributes
  // a person reads (labels, titles, placeholders, accessible names) must be t(...) calls, not literals.
  {
    files: ['renderer/src/**/*.tsx'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'jsx-attributes': {
            include: [
              'label',
              'title',
              'placeholder',
              'aria-label',
              'aria-description',
              'aria-valuetext',
              'description',
              'alt',
              'error',
              'tooltip',
              'emptyText',
              'what',
              'confirmLabel',
              'keepLabel',
            ],
            exclude: ['.*'],
          },
          words: { exclude: ['[0-9!-/:-@[-`{-~\\s·→←↑↓…—–•×✓]+'] },
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
