// Issue 12's evidence as a test: every mutating procedure fits the thin shape (≤ 15 lines), and no
// production file outside the commit module and the seed opens a transaction of its own.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import {
  maxProcedureLines,
  mutationBodies,
  repositoryWriteExceptions,
  repositoryWriters,
  transactionAllowed,
  transactionCallers,
} from '../../../../scripts/procedure-lines.mjs';

describe('the write path', () => {
  test(`every mutating procedure is ${maxProcedureLines} lines or fewer`, () => {
    const rows = mutationBodies();
    // The table the issue note lists (node scripts/procedure-lines.mjs --markdown prints it).
    console.log(rows.map((r) => `${r.router}.${r.procedure}\t${r.lines}`).join('\n'));
    expect(rows.length).toBeGreaterThan(40);
    expect(rows.filter((r) => r.lines > maxProcedureLines)).toEqual([]);
  });

  test('only the commit module and the seed call .transaction(', () => {
    const callers = transactionCallers();
    expect(callers).toContain('packages/db/src/commit/commit.ts');
    expect(callers.filter((f) => !transactionAllowed(f))).toEqual([]);
  });

  test('repositories are read-only, but for the documented exceptions', () => {
    expect(repositoryWriters()).toEqual(Object.keys(repositoryWriteExceptions).sort());
  });
});

describe('the checks can fail', () => {
  const root = mkdtempSync(join(tmpdir(), 'write-path-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('a long mutation body is counted, with its router key or factory name', () => {
    const dir = join(root, 'routers');
    mkdirSync(dir, { recursive: true });
    const body = Array.from({ length: 16 }, (_, i) => `  const a${i} = ${i};`).join('\n');
    writeFileSync(
      join(dir, 'long.ts'),
      `export const r = {\n  save: p.mutation(() => {\n${body}\n  }),\n  ok: p.mutation(() => 1),\n};\n` +
        `function stepProcedure() {\n  return p.mutation(async () => {\n    return 1;\n  });\n}\n`,
    );
    writeFileSync(join(dir, 'long.test.ts'), `p.mutation(() => {\n${body}\n});\n`);
    expect(mutationBodies(dir)).toEqual([
      { router: 'long', procedure: 'save', lines: 18 },
      { router: 'long', procedure: 'stepProcedure()', lines: 3 },
      { router: 'long', procedure: 'ok', lines: 1 },
    ]);
  });

  test('a write in a repository is found; a Map.delete and a test are not', () => {
    const file = (rel: string, text: string) => {
      mkdirSync(join(root, rel, '..'), { recursive: true });
      writeFileSync(join(root, rel), text);
    };
    file(
      'packages/db/src/repositories/a.ts',
      'export const f = (db) => db.update(t).set({}).run();\n',
    );
    file('packages/db/src/repositories/b.ts', 'const m = new Map(); m.delete(1);\nexport {};\n');
    file('packages/db/src/repositories/c.test.ts', 'tx.insert(t).values({}).run();\n');
    expect(repositoryWriters(root)).toEqual(['packages/db/src/repositories/a.ts']);
  });

  test('a transaction opened in a router is found; comments, tests and the seed are not', () => {
    const file = (rel: string, text: string) => {
      mkdirSync(join(root, rel, '..'), { recursive: true });
      writeFileSync(join(root, rel), text);
    };
    file('apps/web/src/server/routers/x.ts', 'db.transaction((tx) => tx.run());\n');
    file('apps/web/src/server/routers/w.ts', "db.$client.exec('BEGIN IMMEDIATE');\n");
    file('apps/web/src/server/y.ts', '// never db.transaction( here\nexport {};\n');
    file('apps/web/src/server/x.test.ts', 'db.transaction(() => 1);\n');
    file('packages/db/src/seed/demo.ts', 'db.transaction(() => 1);\n');
    file('packages/db/src/commit/commit.ts', 'db.transaction(() => 1);\n');
    file('packages/db/src/pg/commit.ts', 'db.transaction(async () => 1);\n');
    file('packages/db/src/pg/lease.ts', 'db.transaction(async () => 1);\n');
    const callers = transactionCallers(root);
    expect(callers).toEqual([
      'apps/web/src/server/routers/w.ts',
      'apps/web/src/server/routers/x.ts',
      'packages/db/src/commit/commit.ts',
      'packages/db/src/pg/commit.ts',
      'packages/db/src/pg/lease.ts',
      'packages/db/src/seed/demo.ts',
    ]);
    expect(callers.filter((f) => !transactionAllowed(f))).toEqual([
      'apps/web/src/server/routers/w.ts',
      'apps/web/src/server/routers/x.ts',
      'packages/db/src/pg/lease.ts',
    ]);
  });
});
