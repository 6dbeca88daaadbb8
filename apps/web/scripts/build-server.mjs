// Bundles the production server (src/serve.ts) into dist/serve.mjs: our own TypeScript (the app's
// server code and the workspace packages) is compiled in; every npm package stays external and is
// loaded from where pnpm installed it (resolved here, from the file that imports it).
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Bare imports that are not ours resolve as esbuild would, and stay outside the bundle. */
const externalPackages = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.path.startsWith('@handoff/') || args.pluginData === 'resolving') return undefined;
      if (args.path.startsWith('node:')) return { path: args.path, external: true };
      const resolved = await b.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: 'resolving',
      });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      return { path: resolved.path, external: true };
    });
  },
};

await build({
  entryPoints: [join(web, 'src/serve.ts')],
  outfile: join(web, 'dist/serve.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  plugins: [externalPackages],
  logLevel: 'warning',
});
console.log('Built dist/serve.mjs');
