// Every domain module takes zod from ./zod-config, so the parsers never probe eval (the app's CSP
// forbids it) however a bundler orders or skips modules (issue 16: the domain package is
// side-effect free for the browser bundle).
import { expect, test } from 'vitest';
import './zod-config';
import { z } from 'zod';

// Vite's import.meta.glob (vitest runs on Vite; its client types are not a dependency here).
declare global {
  interface ImportMeta {
    glob<T>(
      patterns: string[],
      options: { query: string; import: string; eager: true },
    ): Record<string, T>;
  }
}

// The package's own sources, as text (Vite reads them; the domain itself does no I/O).
const sources = import.meta.glob<string>(['./**/*.ts', '!./**/*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

test('every domain module that builds schemas sets the zod config first', () => {
  expect(Object.keys(sources).length).toBeGreaterThan(50);
  const unconfigured = Object.entries(sources).filter(([f, text]) => {
    return (
      !f.endsWith('zod-config.ts') &&
      /import \{ z \} from 'zod'/.test(text) &&
      !/import '(\.\.\/|\.\/)+zod-config';\nimport \{ z \} from 'zod';/.test(text)
    );
  });
  expect(unconfigured.map(([f]) => f)).toEqual([]);
});

test('zod runs without its JIT', () => {
  expect(z.config().jitless).toBe(true);
});
