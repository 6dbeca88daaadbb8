// The background machinery on a pg Reader (issue 20): the engine-neutral lease, change-feed
// subscription, pruners and SLA warning scheduler each dispatch to PostgreSQL when handed
// `pgReader(…)`, with two pools on one database standing for two servers.
import {
  counterRetentionMs,
  createIncident,
  effects,
  incidentEvent,
  incidentUpdate,
  newIncidentEffects,
  type Actor,
  type ChangeEvent,
} from '@handoff/domain';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findChangesSince, findLatestChangeId, pruneChanges } from '../change-feed/changes-since';
import { subscribe } from '../change-feed/subscribe';
import { type Db } from '../client';
import { commit, commitSync } from '../commit';
import { findLease, keepLease, releaseLease, tryLease } from '../lease/lease';
import { pgReader } from '../reader';
import * as idempotency from '../repositories/idempotency';
import { reserveNumber } from '../repositories/incident';
import * as signInThrottle from '../repositories/sign-in-throttle';
import * as liteSchema from '../schema';
import * as outboxRepository from '../repositories/outbox';
import * as sla from '../repositories/sla';
import {
  changeEvents,
  idempotencyKeys,
  outbox,
  signInCounters,
  slaWarnings,
  teamLeads,
} from '../schema-pg';
import { fireDueWarnings } from '../sla/warning-scheduler';
import { createTestDb } from '../testing';
import {
  buildIncident,
  buildService,
  buildSlaPolicy,
  buildTeam,
  buildUser,
} from '../testing/builders';
import { createPgDb, type PgDb } from './client';
import { createPgTestDb, copyToPg, type PgTestDb } from './testing';

let t: PgTestDb;
let db: PgDb;
let reader: Db;
beforeAll(async () => {
  t = await createPgTestDb();
  db = t.db;
  reader = pgReader(db);
});
afterAll(() => t.close());

const until = async (check: () => boolean, ms = 5_000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

/** Another server on the same database: its own pool, as a Reader. */
async function withServer<T>(run: (server: Db) => Promise<T>): Promise<T> {
  const pool = createPgDb(t.url, { max: 2 });
  try {
    return await run(pgReader(pool));
  } finally {
    await pool.$client.end();
  }
}

describe('the lease on a pg Reader (lease/lease.ts dispatches)', () => {
  const at = Date.parse('2026-12-01T12:00:00.000Z');

  test('tryLease, findLease and releaseLease run on pg', async () => {
    const take = (holder: string, nowMs = at) =>
      tryLease(reader, { name: 'dispatch', holder, nowMs, ttlMs: 10_000 });
    expect(await take('a')).toBe(true);
    expect(await take('b')).toBe(false);
    expect(await findLease(reader, 'dispatch')).toEqual({
      name: 'dispatch',
      holder: 'a',
      expiresAt: new Date(at + 10_000).toISOString(),
    });
    await releaseLease(reader, 'dispatch', 'a');
    expect(await take('b')).toBe(true);
  });

  test('keepLease: of two servers one holds; when it stops the other takes over within the ttl', async () => {
    const ttlMs = 600;
    const running = new Set<string>();
    let bothAtOnce = false;
    const keeper = (server: Db, holder: string) =>
      keepLease(server, {
        name: 'keep',
        holder,
        ttlMs,
        start: () => {
          running.add(holder);
          if (running.size > 1) bothAtOnce = true;
        },
        stop: () => void running.delete(holder),
        onError: () => {},
      });
    const servers = [createPgDb(t.url, { max: 1 }), createPgDb(t.url, { max: 1 })];
    try {
      const a = keeper(pgReader(servers[0]!), 'a');
      await a.ready;
      const b = keeper(pgReader(servers[1]!), 'b');
      await b.ready;
      expect([a.holds(), b.holds(), [...running]]).toEqual([true, false, ['a']]);
      // Server a dies without releasing: b takes over once a's lease has run out.
      await servers[0]!.$client.end();
      const died = Date.now();
      await until(() => b.holds());
      expect(Date.now() - died).toBeLessThan(ttlMs + ttlMs / 3 + 1_000);
      await until(() => !a.holds());
      expect([...running]).toEqual(['b']);
      expect(bothAtOnce).toBe(false);
      expect((await findLease(reader, 'keep'))?.holder).toBe('b');
      await b.stop();
      expect(await findLease(reader, 'keep')).toBeUndefined();
      await a.stop().catch(() => {});
    } finally {
      await servers[1]!.$client.end();
    }
  });
});

describe('the change feed on a pg Reader', () => {
  let actor: Actor;
  let serviceId: number;
  beforeAll(async () => {
    const team = await buildTeam(pgReader(db));
    serviceId = (await buildService(pgReader(db))).id;
    const user = await buildUser(pgReader(db), {}, [team.id]);
    actor = { id: user.id, name: user.name, role: 'l1', teamIds: [team.id], customerId: null };
  });

  const createOn = async (server: Db) => {
    const now = new Date().toISOString();
    const drafts = createIncident({
      input: {
        callerName: 'Casey Caller',
        callerPhone: '608-555-0199',
        serviceId,
        description: 'VPN drops.',
        channel: 'phone',
      },
      actor,
      now,
      ownerTeamId: actor.teamIds[0]!,
    });
    return (
      await commit(server, async (read) =>
        newIncidentEffects(drafts, { number: await reserveNumber(read), now }),
      )
    ).changeIds;
  };

  test('findLatestChangeId and findChangesSince read the feed on pg', async () => {
    const before = await findLatestChangeId(reader);
    const ids = [...(await createOn(reader)), ...(await createOn(reader))];
    expect(await findLatestChangeId(reader)).toBe(ids[1]);
    expect((await findChangesSince(reader, before)).map((c) => c.id)).toEqual(ids);
    expect(await findChangesSince(reader, before, { teamIds: [-1] })).toEqual([]);
  });

  test("subscribe sees another server's commit at once (NOTIFY; its poll is a minute away)", async () => {
    const got: ChangeEvent[] = [];
    const sub = subscribe(reader, {
      afterId: await findLatestChangeId(reader),
      pollMs: 60_000,
      onChanges: (c) => void got.push(...c),
    });
    await sub.ready;
    const committed = await withServer(async (other) => [
      ...(await createOn(other)),
      ...(await createOn(other)),
    ]);
    await until(() => got.length >= committed.length);
    expect(got.map((c) => c.id)).toEqual(committed);
    expect(sub.lastId()).toBe(committed[1]);
    await sub.stop();
    await createOn(reader);
    await new Promise((r) => setTimeout(r, 100));
    expect(got).toHaveLength(committed.length);
  });

  test('subscribe hands out every change after afterId once, in order, and flush reads now', async () => {
    const start = await findLatestChangeId(reader);
    const before = await createOn(reader);
    const seen: number[] = [];
    const sub = subscribe(reader, {
      afterId: start,
      pollMs: 60_000,
      batch: 1,
      onChanges: (c) => void seen.push(...c.map((x) => x.id)),
    });
    await sub.ready;
    expect(seen).toEqual(before);
    const after = await createOn(reader);
    await sub.flush();
    await until(() => seen.length >= before.length + after.length);
    await sub.stop();
    expect(seen).toEqual([...before, ...after]);
  });
});

describe('the pruners on a pg Reader', () => {
  const now = '2026-11-24T16:00:00.000Z';

  test('pruneChanges deletes changes older than the retention', async () => {
    const row = (at: string) => ({
      entity: 'incident',
      entityId: 1,
      kind: 'created',
      teamIds: [],
      userIds: [],
      at,
    });
    const [old, recent] = await db
      .insert(changeEvents)
      .values([row('2020-01-01T00:00:00.000Z'), row('2026-11-20T00:00:00.000Z')])
      .returning();
    expect(await pruneChanges(reader, now, 30)).toBe(1);
    const left = (await db.select({ id: changeEvents.id }).from(changeEvents)).map((r) => r.id);
    expect(left).toContain(recent!.id);
    expect(left).not.toContain(old!.id);
    expect(await pruneChanges(reader, now, 30)).toBe(0);
  });

  test('the idempotency pruner deletes expired keys', async () => {
    const incident = await buildIncident(pgReader(db));
    const actor = await buildUser(pgReader(db));
    const key = (k: string, expiresAt: string) => ({
      actorId: actor.id,
      operation: 'incident.create',
      key: k,
      fingerprint: 'f',
      incidentId: incident.id,
      createdAt: '2026-11-01T00:00:00.000Z',
      expiresAt,
    });
    await db
      .insert(idempotencyKeys)
      .values([
        key('expired', '2026-11-23T00:00:00.000Z'),
        key('live', '2026-11-25T00:00:00.000Z'),
      ]);
    expect(await idempotency.pruneExpired(reader, now)).toBe(1);
    expect((await db.select().from(idempotencyKeys)).map((k) => k.key)).toEqual(['live']);
  });

  test('the sign-in throttle pruner deletes counters whose window and lock are over', async () => {
    const nowMs = Date.parse(now);
    const longAgo = nowMs - counterRetentionMs - 1;
    await db.insert(signInCounters).values([
      { kind: 'account', key: 'gone', failures: 3, windowStart: longAgo, lockedUntil: null },
      { kind: 'account', key: 'locked', failures: 9, windowStart: longAgo, lockedUntil: nowMs + 1 },
      { kind: 'client', key: 'recent', failures: 1, windowStart: nowMs, lockedUntil: null },
    ]);
    expect(await signInThrottle.pruneExpired(reader, nowMs)).toBe(1);
    const left = await db.select().from(signInCounters).orderBy(asc(signInCounters.key));
    expect(left.map((c) => c.key)).toEqual(['locked', 'recent']);
  });
});

describe('lists in a promised order on pg', () => {
  test('the pending outbox comes in id order after a row was updated (PostgreSQL moves it)', async () => {
    // An updated row gets a new place in PostgreSQL's heap, so without an ORDER BY it comes last.
    const at = '2026-12-03T09:00:00.000Z';
    const rows = await db
      .insert(outbox)
      .values(
        [1, 2, 3].map((n) => ({
          template: 'ack',
          toAddress: `order${n}@example.edu`,
          subject: `Order ${n}`,
          textBody: 'x',
          messageId: `<order-${n}-${process.pid}@handoff.test>`,
          createdAt: at,
          nextAttemptAt: at,
        })),
      )
      .returning({ id: outbox.id });
    const ids = rows.map((r) => r.id);
    // Held and back: the status is indexed, so each update writes the row anew (not in place).
    for (const status of ['held', 'pending'] as const)
      await db.update(outbox).set({ status }).where(eq(outbox.id, ids[0]!));
    const pending = (await outboxRepository.findPending(reader)).map((r) => r.id);
    expect(pending.filter((id) => ids.includes(id))).toEqual(ids);
  });
});

describe('the SLA warning scheduler on a pg Reader', () => {
  test("a team's leads come in team then user order, whatever order they were added in", async () => {
    // The scheduler tells a team's first lead; PostgreSQL returns rows in no promised order
    // (CI once saw one user's two teams swapped), so findLeads orders them itself.
    const [first, second] = [await buildTeam(pgReader(db)), await buildTeam(pgReader(db))];
    const [early, late] = [await buildUser(pgReader(db)), await buildUser(pgReader(db))];
    await db.insert(teamLeads).values([
      { teamId: second.id, userId: late.id },
      { teamId: second.id, userId: early.id },
      { teamId: first.id, userId: late.id },
      { teamId: first.id, userId: early.id },
    ]);
    const leads = await sla.findLeads(reader, [second.id, first.id]);
    expect(leads.map((l) => [l.teamId, l.userId])).toEqual([
      [first.id, early.id],
      [first.id, late.id],
      [second.id, early.id],
      [second.id, late.id],
    ]);
  });

  test('gives each warning once, also when two servers race for it', async () => {
    // warning-scheduler.test.ts's team on SQLite (1 h respond, 8 h resolve: 75% at 18:00), moved to pg.
    const lite = createTestDb({ seed: false });
    const team = await buildTeam(lite.db, { notify: 'everyone' });
    await buildSlaPolicy(lite.db, { teamId: team.id });
    const member = await buildUser(lite.db, { email: 'member@handoff.test' }, [team.id]);
    const lead = await buildUser(lite.db, { email: 'lead@handoff.test' }, [team.id]);
    lite.db.insert(liteSchema.teamLeads).values({ teamId: team.id, userId: lead.id }).run();
    const incident = await buildIncident(lite.db, {
      ownerTeamId: team.id,
      createdAt: '2026-03-02T12:00:00.000Z',
    });
    commitSync(lite.db, (read) => {
      const { incidents } = liteSchema;
      const cur = read.select().from(incidents).where(eq(incidents.id, incident.id)).get()!;
      const set = {
        ownerAgentId: member.id,
        status: 'in_progress' as const,
        version: 2,
        updatedAt: 'x',
      };
      return effects('2026-03-02T12:00:00.000Z', {
        writes: [incidentUpdate(cur, set, 1)],
        events: [incidentEvent(cur.id, 'edited', null, cur, set)],
      });
    });
    const pg = await copyToPg(lite.db);
    lite.close();
    try {
      const second = createPgDb(pg.url, { max: 2 });
      try {
        expect(await fireDueWarnings(pg.reader, '2026-03-02T17:59:59.000Z')).toBe(0);
        const fired = await Promise.all([
          fireDueWarnings(pg.reader, '2026-03-02T18:00:00.000Z'),
          fireDueWarnings(pgReader(second), '2026-03-02T18:00:00.000Z'),
        ]);
        expect(fired.sort()).toEqual([0, 1]);
        expect(await fireDueWarnings(pg.reader, '2026-03-02T20:00:00.000Z')).toBe(1);
        const given = await pg.db.select({ level: slaWarnings.level }).from(slaWarnings);
        expect(given.map((w) => w.level).sort()).toEqual(['at_risk', 'breached']);
      } finally {
        await second.$client.end();
      }
    } finally {
      await pg.close();
    }
  });
});
