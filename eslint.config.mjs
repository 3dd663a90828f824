// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// Only repositories (and the database module) reach TypeORM's connection.
const NO_TYPEORM = [
  { name: '@nestjs/typeorm', message: 'Reach the database through a repository.' },
  { name: 'typeorm', allowTypeImports: true, message: 'Reach the database through a repository.' },
];

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '.data/**',
      'libs/api-client/src/schema.ts',
      'apps/api/src/database/migrations/**',
      'test-results/**',
      'playwright-report/**',
      'e2e/.artifacts/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['apps/api/**/*.ts'],
    rules: {
      // Nest injects by constructor type; `import type` would erase the token.
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
  {
    // SQL lives in repositories: services decide, `<domain>.repository.ts` reads and writes with
    // the `sql` tag on a Db (apps/api/src/database/sql.ts), `<domain>.importer.ts` writes 1C's
    // records. Nothing else runs statements or reaches TypeORM's connection.
    files: ['apps/api/src/**/*.ts'],
    ignores: [
      'apps/api/src/**/*.repository.ts',
      'apps/api/src/**/*.importer.ts',
      // What every importer builds on (the 1C-id cache and a full export's archiving).
      'apps/api/src/modules/exchange/record-importer.ts',
      'apps/api/src/**/*.spec.ts',
      'apps/api/src/**/*.entity.ts',
      'apps/api/src/database/**',
      'apps/api/src/app.module.ts',
      'apps/api/src/common/columns.ts',
      'apps/api/src/bin/migration-generate.ts',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='query']",
          message: 'SQL lives in <domain>.repository.ts: call the repository.',
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: NO_TYPEORM,
          patterns: [
            {
              regex: '^\\.\\./[^./][^/]*/[^/]+\\.(repository|importer)$',
              message: 'Another module’s repository is its own: call its service.',
            },
          ],
        },
      ],
    },
  },
  {
    // The exchange's list of the domains' importers: the one place that imports them.
    files: ['apps/api/src/modules/exchange/importers.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: NO_TYPEORM,
          patterns: [
            {
              regex: '^\\.\\./[^./][^/]*/[^/]+\\.repository$',
              message: 'Another module’s repository is its own: call its service.',
            },
          ],
        },
      ],
    },
  },
  {
    // Features talk to each other through their index.ts, never each other's files.
    files: ['apps/web/src/features/*/*/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./\\.\\./(?!\\.\\.)[^/]+/.+',
              message: 'Import another feature from its index.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/web/src/features/*/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./(?!\\.\\.)[^/]+/.+',
              message: 'Import another feature from its index.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/web/src/{app,components,lib}/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+features/[^/]+/(?!i18n/).+',
              message: 'Import a feature from its index.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: globals.node },
  },
);
