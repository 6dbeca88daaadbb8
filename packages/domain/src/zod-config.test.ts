// Every domain module takes zod from ./zod-config, so the parsers never probe eval (the app's CSP
// forbids it) however a bundler orders or skips modules (issue 16: the domain package is
// side-effect free for the browser bundle).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import './zod-config';
import { z } from 'zod';

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : e.name.endsWith('.ts') && !e.name.includes('.test.')
        ? [join(dir, e.name)]
        : [],
  );

test('every domain module that builds schemas sets the zod config first', () => {
  const unconfigured = sources(__dirname).filter((f) => {
    const text = readFileSync(f, 'utf8');
    return (
      !f.endsWith('zod-config.ts') &&
      /import \{ z \} from 'zod'/.test(text) &&
      !/import '(\.\.\/|\.\/)+zod-config';\nimport \{ z \} from 'zod';/.test(text)
    );
  });
  expect(unconfigured).toEqual([]);
});

test('zod runs without its JIT', () => {
  expect(z.config().jitless).toBe(true);
});
