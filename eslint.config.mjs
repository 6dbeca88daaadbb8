// One flat config for the whole monorepo. Typed rules come from typescript-eslint's
// project service; the dependency direction of STYLE.md §2 is enforced with
// no-restricted-imports so a package cannot quietly start depending on I/O.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const io = [
  'better-sqlite3',
  'drizzle-orm',
  'drizzle-orm/*',
  'node:*',
  'fs',
  'path',
  'react',
  'react-dom',
  'next',
  'next/*',
  'next-auth',
  'next-auth/*',
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/.next/**',
      '**/dist/**',
      '**/coverage/**',
      '**/next-env.d.ts',
      '**/migrations/**',
      '**/test-results/**',
      '**/playwright-report/**',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { attributes: false } },
      ],
      '@typescript-eslint/only-throw-error': 'off',
    },
  },
  {
    files: ['packages/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@handoff/*', ...io],
              message: 'packages/domain is pure: no I/O, no database, no React, nothing of ours.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@handoff/web', '@handoff/ui', 'react', 'react-dom', 'next', 'next/*'],
              message: 'packages/db may import only @handoff/domain of ours.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@handoff/db',
                '@handoff/web',
                'better-sqlite3',
                'drizzle-orm',
                'drizzle-orm/*',
                'node:*',
                'next-auth',
                'next-auth/*',
              ],
              message: 'packages/ui imports no server code.',
            },
          ],
        },
      ],
    },
  },
  {
    // Issue 20, stage 1: repository functions are async (the shape a PostgreSQL driver needs) while
    // their bodies still run better-sqlite3's synchronous statements, so many await nothing yet.
    // The promise rules (no-floating-promises, no-misused-promises, await-thenable) stay on.
    files: [
      'packages/db/src/repositories/**/*.ts',
      'packages/db/src/change-feed/**/*.ts',
      'packages/db/src/lease/**/*.ts',
      'packages/db/src/sla/**/*.ts',
      'packages/db/src/*.ts',
    ],
    ignores: ['**/*.test.ts'],
    rules: { '@typescript-eslint/require-await': 'off' },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
);
