// Lint rules that keep the architecture honest: the renderer is untrusted and
// browser-only, the core runs without Electron, and a feature (renderer or
// main) does not reach into another feature's folder: it uses only what that
// feature's index exports (shared widgets live in the shared folders; the
// core's kernel, which every feature builds on, imports no feature).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const RENDERER = 'src/renderer/src';
/** Renderer folders that are one feature each. */
const FEATURES = ['intake', 'tickets', 'collection', 'stock', 'settings', 'customers', 'figures', 'backups', 'setup'];

const rendererBoundary = {
  group: ['**/main/**', '**/preload/**', '**/harness/**', 'electron', 'node:*', 'better-sqlite3', 'typeorm', 'pdfmake', 'pdfmake/*'],
  message: 'The renderer is browser code: it talks to main only through the contract (src/shared) and api.ts.',
};

const CORE = 'src/main/core';
/** Main-side folders under core/features, one feature each: intake, tickets, repair, stock, collection... */
const CORE_FEATURES = ['intake', 'tickets', 'repair', 'stock', 'collection', 'customers', 'staff', 'settings', 'printing', 'figures', 'data-safety'];
/** The kernel every feature builds on (storage, the ticket's record, rules, documents, security) knows no feature. */
const CORE_KERNEL = ['record', 'storage', 'rules', 'documents', 'security'];

const coreBoundary = {
  group: ['electron', '**/shell/**', '**/renderer/**'],
  message: 'The core runs under Node and vitest: no Electron, no shell, no renderer.',
};

const coreFeatureBoundaries = CORE_FEATURES.map((feature) => ({
  files: [`${CORE}/features/${feature}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          coreBoundary,
          {
            group: CORE_FEATURES.filter((other) => other !== feature).map((other) => `../${other}/**`),
            message: "A feature does not reach into another feature's folder: import what it offers from its index.ts (`../<feature>`).",
          },
        ],
      },
    ],
  },
}));

const coreKernelBoundary = {
  files: CORE_KERNEL.map((folder) => `${CORE}/${folder}/**/*.ts`),
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          coreBoundary,
          { group: ['**/features/**', '../features'], message: 'The kernel knows no feature: features build on it, not the other way round.' },
        ],
      },
    ],
  },
};

/**
 * data-safety modules that read a whole database table by table on a connection of their own: a SQLite file being
 * checked, restored or exported (with the driver), and the export's reader of a PostgreSQL server (its cursor).
 */
const WHOLE_DATABASE_READERS = ['data-file.ts', 'integrity-worker.ts', 'restore-desk.ts', 'sqlite-export-source.ts', 'postgres-export-source.ts'];

/** What an SQL statement's text starts with. */
const SQL_START = String.raw`/^\s*(SELECT|WITH|INSERT|UPDATE|DELETE|PRAGMA|BEGIN|COMMIT|ROLLBACK|DECLARE|CLOSE|TRUNCATE|ALTER)\b/`;
const RUNS_NO_SQL = "A use case runs no SQL of its own: put the statement in its aggregate's query module (queries/<aggregate>.ts) and call that.";

/**
 * SQL lives in query modules, one per aggregate (`features/<x>/queries/<aggregate>.ts`, `record/queries/`): a use
 * case calls a named function with typed parameters and typed rows, never a statement of its own. The whole-database
 * readers below are each one engine's implementation of a generic reader, and hold their statements themselves.
 */
const sqlInQueryModules = {
  files: [`${CORE}/features/**/*.ts`, `${CORE}/record/**/*.ts`],
  ignores: [`${CORE}/**/queries/**`, ...WHOLE_DATABASE_READERS.map((file) => `${CORE}/features/data-safety/${file}`)],
  rules: {
    'no-restricted-syntax': [
      'error',
      { selector: "CallExpression[callee.property.name='query']", message: RUNS_NO_SQL },
      { selector: "CallExpression[callee.name='rowsOf']", message: RUNS_NO_SQL },
      { selector: `TemplateLiteral > TemplateElement:first-child[value.raw=${SQL_START}]`, message: RUNS_NO_SQL },
      { selector: `Literal[value=${SQL_START}]`, message: RUNS_NO_SQL },
    ],
  },
};

const featureBoundaries = FEATURES.map((feature) => ({
  files: [`${RENDERER}/${feature}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          rendererBoundary,
          {
            group: FEATURES.filter((other) => other !== feature).flatMap((other) => [`../${other}/**`, `../../${other}/**`, `../../../${other}/**`]),
            message:
              "A feature does not reach into another feature's folder: import what it exports from its index.ts, or move what both use into a shared folder (forms, desk, session, printing, shell, widgets).",
          },
        ],
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['out/**', 'out-*/**', 'dist/**', 'node_modules/**', 'test-output/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: [`${RENDERER}/**/*.{ts,tsx}`],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': ['error', { patterns: [rendererBoundary] }],
    },
  },
  ...featureBoundaries,
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/main/**', '**/renderer/**', '**/preload/**', 'electron', 'node:*'],
              message: 'Shared code runs on both sides: plain TypeScript only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [`${CORE}/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns: [coreBoundary] }] },
  },
  ...coreFeatureBoundaries,
  coreKernelBoundary,
  sqlInQueryModules,
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    // Scripts, the bench and the harness print to the terminal on purpose.
    files: ['scripts/**', 'bench/**', 'src/harness/**', 'tests/**'],
    rules: { 'no-console': 'off' },
  },
);
