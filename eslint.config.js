// Lint enforces the architecture's import boundaries (docs/architecture.md in shared docs):
// the process a file runs in is obvious from where it lives, and lint keeps it that way.
import js from '@eslint/js';
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

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', '.ci-out', 'coverage'] },
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
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [electronOnlyInShell, electronLog, sqliteOnlyInDb, fastifyOnlyInServers] },
      ],
    },
  },
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
              regex:
                '(^|/)(main|renderer|api|config|connector|db|events|outbox|ports|receiver|secrets|services)/',
              message: 'The domain depends on nothing else in the app.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['main/core/db/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electronOnlyInShell, electronLog, fastifyOnlyInServers] }],
    },
  },
  {
    files: ['main/core/api/**/*.ts', 'main/core/receiver/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electronOnlyInShell, electronLog, sqliteOnlyInDb] }],
    },
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
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
