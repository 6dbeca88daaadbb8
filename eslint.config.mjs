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
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
);
