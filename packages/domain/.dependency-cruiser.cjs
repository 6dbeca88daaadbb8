// packages/domain must be a DAG: `pnpm lint` fails on any import cycle, type-only imports included
// (tsPreCompilationDeps keeps `import { type X }` edges that the compiler would erase).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'An import cycle in packages/domain (type imports count): move the shared piece down a level.',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'node_modules' },
  },
};
