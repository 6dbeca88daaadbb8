// Issue 12 item 6 as a test: no test hard-codes a seed-order id (INC-000009, serviceId: 11,
// incidentId: 1); tests build their rows or look demo rows up by natural key (demoKeys).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { seedOrderAllowed, seedOrderHits } from '../../../../scripts/seed-order-ids.mjs';

const countByFile = (hits: { file: string }[]) =>
  hits.reduce<Record<string, number>>((n, h) => ({ ...n, [h.file]: (n[h.file] ?? 0) + 1 }), {});

describe('seed-order ids in tests', () => {
  const hits = seedOrderHits();

  test('no test outside the allow-list hard-codes one (a hard rule: there is no backlog)', () => {
    expect(hits.filter((h) => !(h.file in seedOrderAllowed))).toEqual([]);
  });

  test('every allow-listed file still has a hit (a stale entry is removed)', () => {
    const counts = countByFile(hits);
    expect(Object.keys(seedOrderAllowed).filter((file) => !counts[file])).toEqual([]);
  });
});

describe('the guard can fail', () => {
  const root = mkdtempSync(join(tmpdir(), 'seed-order-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('finds literal numbers and small ids in tests and helpers, not in comments or production code', () => {
    const dir = join(root, 'src', 'routers');
    mkdirSync(join(root, 'src', 'testing'), { recursive: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'x.test.ts'),
      [
        "expect(n).toBe('INC-000009');",
        'call({ serviceId: 11, teamId: 999 });',
        'call({ incidentId: 1 });',
        'outage({ serviceIds: [9, 10] });',
        'incidentRepository.findById(db, 4);',
        '// the seed has INC-000001 and serviceId: 11',
        'call({ serviceId: service.id, ownerAgentId: 0, teamId: 9999 });',
        'at(1.5, { userId: 1.5 });',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'y-scenarios.ts'), 'export const ids = { customerId: 9 };\n');
    writeFileSync(join(root, 'src', 'testing', 'fixture.ts'), 'make({ userId: 3 });\n');
    writeFileSync(join(dir, 'production.ts'), "const fallback = { teamId: 1, n: 'INC-000001' };\n");
    expect(seedOrderHits(root, ['src']).map((h) => [h.file, h.line])).toEqual([
      ['src/routers/x.test.ts', 1],
      ['src/routers/x.test.ts', 2],
      ['src/routers/x.test.ts', 3],
      ['src/routers/x.test.ts', 4],
      ['src/routers/x.test.ts', 5],
      ['src/routers/y-scenarios.ts', 1],
      ['src/testing/fixture.ts', 1],
    ]);
  });
});
