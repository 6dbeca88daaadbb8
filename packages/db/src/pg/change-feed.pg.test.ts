// The change feed on a real PostgreSQL: scoped reads as on SQLite, and a subscription that hears
// another server's commits at once (LISTEN/NOTIFY), falling back to polling when the push is lost.
import { effects, incidentEvent, type ChangeEvent } from '@handoff/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { changesSincePg, latestChangeIdPg, subscribePg } from './change-feed';
import { createPgDb, type PgDb } from './client';
import { commitPg } from './commit';
import { createPgTestDb, type PgTestDb } from './testing';

const at = '2026-11-24T17:00:00.000Z';
let t: PgTestDb;
let db: PgDb;
beforeAll(async () => {
  t = await createPgTestDb();
  db = t.db;
});
afterAll(() => t.close());

/** A change event about incident `id` (no row written: the feed has no foreign keys). */
const announce = (server: PgDb, id: number, teamId: number, userId: number | null = null) =>
  commitPg(
    server,
    effects(at, {
      events: [
        incidentEvent(id, 'edited', userId, {
          ownerTeamId: teamId,
          ownerAgentId: userId,
          createdById: null,
        }),
      ],
    }),
  );

const until = async (check: () => boolean, ms = 5_000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('changesSincePg', () => {
  test.each([
    ['no scope: every change', {}, [1, 2, 3]],
    ['a team', { teamIds: [7] }, [1, 3]],
    ['teams OR people', { teamIds: [8], userIds: [70] }, [1, 2]],
    ['AND entities', { teamIds: [7], entities: ['problem'] }, []],
    ['an empty team list matches nothing', { teamIds: [] }, []],
  ] as const)('%s', async (_, scope, expected) => {
    const before = await latestChangeIdPg(db);
    await announce(db, 1, 7, 70);
    await announce(db, 2, 8);
    await announce(db, 3, 7);
    const found = await changesSincePg(db, before, scope);
    expect(found.map((c) => c.entityId)).toEqual(expected);
  });

  test('limit and resume: after the last id seen, the rest in order', async () => {
    const before = await latestChangeIdPg(db);
    for (let i = 0; i < 5; i++) await announce(db, 100 + i, 9);
    const first = await changesSincePg(db, before, { teamIds: [9] }, 2);
    const rest = await changesSincePg(db, first[1]!.id, { teamIds: [9] });
    expect([...first, ...rest].map((c) => c.entityId)).toEqual([100, 101, 102, 103, 104]);
  });
});

describe('subscribePg', () => {
  test("hears another server's commit at once through NOTIFY (the poll is an hour away), exactly once, in order", async () => {
    const other = createPgDb(t.url, { max: 2 });
    const got: ChangeEvent[] = [];
    const sub = subscribePg(db, {
      afterId: await latestChangeIdPg(db),
      scope: { teamIds: [11] },
      pollMs: 3_600_000,
      onChanges: (c) => void got.push(...c),
    });
    await sub.ready;
    try {
      const written = [
        await announce(other, 1, 11),
        await announce(other, 2, 12),
        await announce(other, 3, 11),
      ];
      await until(() => got.length === 2);
      await new Promise((r) => setTimeout(r, 100));
      expect(got.map((c) => c.entityId)).toEqual([1, 3]);
      expect(sub.lastId()).toBe(written[2]!.changeIds[0]);
    } finally {
      await sub.stop();
      await other.$client.end();
    }
  });

  test('resumes after the last id it was given: nothing twice, nothing lost', async () => {
    const start = await latestChangeIdPg(db);
    await announce(db, 1, 13);
    const got: number[] = [];
    const first = subscribePg(db, {
      afterId: start,
      scope: { teamIds: [13] },
      onChanges: (c) => void got.push(...c.map((x) => x.entityId)),
    });
    await first.ready;
    await first.stop();
    await announce(db, 2, 13);
    const second = subscribePg(db, {
      afterId: first.lastId(),
      scope: { teamIds: [13] },
      onChanges: (c) => void got.push(...c.map((x) => x.entityId)),
    });
    await second.ready;
    await second.stop();
    expect(got).toEqual([1, 2]);
  });

  test('falls back to polling when its LISTEN connection is lost', async () => {
    const got: number[] = [];
    const errors: unknown[] = [];
    const sub = subscribePg(db, {
      afterId: await latestChangeIdPg(db),
      scope: { teamIds: [14] },
      pollMs: 150,
      onChanges: (c) => void got.push(...c.map((x) => x.entityId)),
      onError: (e) => void errors.push(e),
    });
    await sub.ready;
    try {
      await db.execute(
        sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN handoff_changes' AND pid <> pg_backend_pid()`,
      );
      await until(() => errors.length > 0);
      await announce(db, 1, 14);
      await until(() => got.length === 1);
      expect(got).toEqual([1]);
    } finally {
      await sub.stop();
    }
  });
});
