// The lease on a real PostgreSQL, with the semantics of lease/lease.test.ts on SQLite: two servers
// (two pools) on one database, exactly one holder, taken over when the holder stops renewing.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createPgDb, type PgDb } from './client';
import { findLeasePg, keepLeasePg, releaseLeasePg, tryLeasePg } from './lease';
import { createPgTestDb, type PgTestDb } from './testing';

let t: PgTestDb;
let db: PgDb;
beforeAll(async () => {
  t = await createPgTestDb();
  db = t.db;
});
afterAll(() => t.close());

const at = Date.parse('2026-12-01T12:00:00.000Z');
let n = 0;

describe('tryLeasePg', () => {
  test.each([
    ['a free lease is taken', [], 'b', at, true],
    ['a current lease of another holder is refused', [['a', at]], 'b', at + 9_999, false],
    ['the holder renews its own lease', [['a', at]], 'a', at + 5_000, true],
    ['an expired lease is taken over', [['a', at]], 'b', at + 10_000, true],
  ] as const)('%s', async (_, before, holder, nowMs, expected) => {
    const name = `mail-${++n}`;
    const lease = (h: string, when: number) =>
      tryLeasePg(db, { name, holder: h, nowMs: when, ttlMs: 10_000 });
    for (const [h, when] of before) expect(await lease(h, when)).toBe(true);
    expect(await lease(holder, nowMs)).toBe(expected);
    expect((await findLeasePg(db, name))?.holder).toBe(expected ? holder : before[0]?.[0]);
  });

  test('a release frees it at once, but only by its holder', async () => {
    const name = `mail-${++n}`;
    const lease = (h: string) => tryLeasePg(db, { name, holder: h, nowMs: at, ttlMs: 10_000 });
    expect(await lease('a')).toBe(true);
    await releaseLeasePg(db, name, 'b');
    expect(await lease('b')).toBe(false);
    await releaseLeasePg(db, name, 'a');
    expect(await lease('b')).toBe(true);
  });

  test('of ten servers racing for a free lease at once, exactly one gets it', async () => {
    const name = `mail-${++n}`;
    const servers = Array.from({ length: 10 }, () => createPgDb(t.url, { max: 1 }));
    try {
      const won = await Promise.all(
        servers.map((s, i) => tryLeasePg(s, { name, holder: `s${i}`, nowMs: at, ttlMs: 10_000 })),
      );
      expect(won.filter(Boolean)).toHaveLength(1);
      expect((await findLeasePg(db, name))?.holder).toBe(`s${won.indexOf(true)}`);
    } finally {
      await Promise.all(servers.map((s) => s.$client.end()));
    }
  });
});

describe('keepLeasePg', () => {
  const until = async (check: () => boolean, ms = 5_000) => {
    const deadline = Date.now() + ms;
    while (!check()) {
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  test('two servers: exactly one runs the work; when the holder dies the other takes over within the lease time', async () => {
    const name = `mail-${++n}`;
    const ttlMs = 600;
    const running = new Set<string>();
    let bothAtOnce = false;
    const keeper = (server: PgDb, holder: string) =>
      keepLeasePg(server, {
        name,
        holder,
        ttlMs,
        start: () => {
          running.add(holder);
          if (running.size > 1) bothAtOnce = true;
        },
        stop: () => void running.delete(holder),
        onError: () => {},
      });
    const first = createPgDb(t.url, { max: 1 });
    const second = createPgDb(t.url, { max: 1 });
    const a = keeper(first, 'a');
    await a.ready;
    const b = keeper(second, 'b');
    await b.ready;
    expect([a.holds(), b.holds()]).toEqual([true, false]);
    // Server a dies: its connection is gone, it renews no more (and, unable to, stops its work).
    await first.$client.end();
    const died = Date.now();
    await until(() => b.holds());
    expect(Date.now() - died).toBeLessThan(ttlMs + ttlMs / 3 + 1_000);
    expect(a.holds()).toBe(false);
    expect([...running]).toEqual(['b']);
    expect(bothAtOnce).toBe(false);
    expect((await findLeasePg(db, name))?.holder).toBe('b');
    await b.stop();
    expect(await findLeasePg(db, name)).toBeUndefined();
    await second.$client.end();
    await a.stop().catch(() => {});
  });
});
