// Issue 15: the queue as a working grid, sorted and filtered on the server, page by page.
import { describe, expect, test } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { openStatuses, queueSorts, type QueueSort } from '@handoff/domain';
import { first, tablesOf, teamRepository, type Db } from '@handoff/db';
import { demoKeys } from '@handoff/db/testing';
import { callerFor, fixedClock, refusalOf, steppingClock, useSeededDbs } from '../test-callers';

const dbs = useSeededDbs();
type Caller = Awaited<ReturnType<typeof callerFor>>;
type Row = Awaited<ReturnType<Caller['queue']['grid']>>['items'][number];

const helpDesk = async (db: Db) => (await teamRepository.findByName(db, 'US - Help Desk'))!.id;
/** The four demo catalog entries the grid rows are spread over. */
const gridServices = (db: Db) => {
  const key = demoKeys(db);
  return [
    key.service('DoIT Departmental Support'),
    key.service('Departmental Computer Support', 'Desktop or laptop'),
    key.service('Departmental Computer Support', 'Installation'),
    key.service('Enterprise Business System'),
  ].map((s) => s.id);
};

/** Twelve more help-desk incidents with varied services, owners, statuses and promises. */
async function fill(db: Db) {
  const l1 = await callerFor(db, 'l1@handoff.test', steppingClock());
  const teamId = await helpDesk(db);
  const cps = (await callerFor(db, 'l1@handoff.test')).me;
  const me = await cps.get();
  const services = gridServices(db);
  for (let i = 0; i < 12; i++) {
    const row = await l1.incident.create({
      callerName: `Grid Caller ${i}`,
      callerPhone: '608-555-0100',
      serviceId: services[i % 4]!,
      description: `Grid row ${i}`,
      channel: 'phone',
    });
    const promise = new Date(Date.parse('2026-11-24T15:00:00.000Z') + (i % 5) * 1_200_000);
    const { incidents } = tablesOf(db);
    await db
      .update(incidents)
      .set({
        ownerTeamId: teamId,
        ownerAgentId: i % 3 === 0 ? me.id : null,
        status: i % 6 === 5 ? 'resolved' : i % 2 ? 'in_progress' : 'new',
        promises: i % 4 === 3 ? {} : { contactBy: promise.toISOString() },
      })
      .where(eq(incidents.id, row.id));
  }
  return teamId;
}

async function walk(caller: Caller, input: Parameters<Caller['queue']['grid']>[0]) {
  const rows: Row[] = [];
  let cursor: Row['cursor'] | null = null;
  do {
    const page: Awaited<ReturnType<Caller['queue']['grid']>> = await caller.queue.grid({
      ...input,
      cursor,
      limit: 5,
    });
    rows.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return rows;
}

const keyOf: Record<QueueSort, (r: Row) => string | number> = {
  age: (r) => r.id,
  promise: (r) => r.nextPromiseAt ?? '~',
  status: (r) => r.status,
  service: (r) => r.serviceId,
  owner: (r) => r.ownerAgentId ?? 0,
  breach: (r) => r.slaDueAt ?? '~',
};

describe('queue.grid', () => {
  test.each(queueSorts.flatMap((s) => (['asc', 'desc'] as const).map((d) => [s, d] as const)))(
    'sorted by %s %s: every open incident once, in order, across pages',
    async (sort, dir) => {
      const db = dbs.db;
      const teamId = await fill(db);
      const l1 = await callerFor(db, 'l1@handoff.test', fixedClock());
      const rows = await walk(l1, { teamId, sort, dir });
      const { incidents } = tablesOf(db);
      const open = (
        await db
          .select({ id: incidents.id, status: incidents.status })
          .from(incidents)
          .where(eq(incidents.ownerTeamId, teamId))
          .orderBy(asc(incidents.id))
      ).filter((r) => openStatuses.includes(r.status));
      expect(rows.map((r) => r.id).sort()).toEqual(open.map((r) => r.id).sort());
      const sign = dir === 'asc' ? 1 : -1;
      const expected = [...rows].sort((a, b) => {
        const ka = keyOf[sort](a);
        const kb = keyOf[sort](b);
        return sign * (ka < kb ? -1 : ka > kb ? 1 : a.id - b.id);
      });
      expect(rows.map((r) => r.id)).toEqual(expected.map((r) => r.id));
    },
  );

  test('filters: a status (or all), a service, unowned', async () => {
    const db = dbs.db;
    const teamId = await fill(db);
    const l1 = await callerFor(db, 'l1@handoff.test', fixedClock());
    const resolved = await walk(l1, { teamId, status: 'resolved' });
    expect(resolved.length).toBeGreaterThan(0);
    expect(resolved.every((r) => r.status === 'resolved')).toBe(true);
    const all = await walk(l1, { teamId, status: 'all' });
    expect(all.length).toBeGreaterThan((await walk(l1, { teamId })).length);
    const serviceId = gridServices(db)[1]!;
    const service = await walk(l1, { teamId, serviceId, sort: 'promise' });
    expect(service.length).toBeGreaterThan(0);
    expect(service.every((r) => r.serviceId === serviceId)).toBe(true);
    const unowned = await walk(l1, { teamId, ownerAgentId: 0, sort: 'status' });
    expect(unowned.every((r) => r.ownerAgentId === null)).toBe(true);
  });

  test('time to breach: new incidents carry their first SLA breach, and the grid filters by it (issue 18)', async () => {
    const db = dbs.db;
    const teamId = await fill(db);
    const l1 = await callerFor(db, 'l1@handoff.test', fixedClock());
    const all = await walk(l1, { teamId, sort: 'breach' });
    const withClock = all.filter((r) => r.slaDueAt !== null);
    expect(withClock.length).toBeGreaterThan(0);
    // fixedClock reads 16:00Z; a first response of 1 business hour from the stepping clock's 09:00Z + n min.
    const soon = await walk(l1, { teamId, sort: 'breach', breachWithinMinutes: 0 });
    expect(soon.map((r) => r.id)).toEqual(
      all
        .filter((r) => r.slaDueAt !== null && r.slaDueAt <= '2026-11-24T16:00:00.000Z')
        .map((r) => r.id),
    );
    const week = await walk(l1, { teamId, sort: 'breach', breachWithinMinutes: 10_080 });
    expect(week.map((r) => r.id)).toEqual(
      withClock.filter((r) => r.slaDueAt! <= '2026-12-01T16:00:00.000Z').map((r) => r.id),
    );
    expect(week.length).toBeGreaterThan(soon.length);
  });

  test('overdue and due-soon markers come from the stored promises', async () => {
    const db = dbs.db;
    const teamId = await fill(db);
    // 16:00: promises at 15:00 and 15:40 are overdue, 16:20 and 16:40 due soon, none for no promise.
    const rows = await walk(await callerFor(db, 'l1@handoff.test', fixedClock()), { teamId });
    for (const r of rows) {
      const at = r.nextPromiseAt;
      const expected = !at ? null : at <= '2026-11-24T16:00:00.000Z' ? 'overdue' : 'due_soon';
      expect([r.number, r.marker]).toEqual([r.number, expected]);
    }
    expect(rows.some((r) => r.marker === 'overdue')).toBe(true);
    expect(rows.some((r) => r.marker === 'due_soon')).toBe(true);
  });

  test('counts per status match the rows', async () => {
    const db = dbs.db;
    const teamId = await fill(db);
    const l1 = await callerFor(db, 'l1@handoff.test', fixedClock());
    const counts = await l1.queue.counts({ teamId });
    const all = await walk(l1, { teamId, status: 'all' });
    for (const [status, n] of Object.entries(counts))
      expect([status, all.filter((r) => r.status === status).length]).toEqual([status, n]);
  });

  test("another team's grid and counts are refused; a partner agent sees only their group's tickets", async () => {
    const db = dbs.db;
    const teamId = await fill(db);
    const cps = await callerFor(db, 'cps@handoff.test');
    expect((await refusalOf(cps.queue.grid({ teamId }))).code).toBe('FORBIDDEN');
    expect((await refusalOf(cps.queue.counts({ teamId }))).code).toBe('FORBIDDEN');
    // A partner agent wrongly added to the help desk still sees none of its university incidents.
    const { users, teamMembers } = tablesOf(db);
    const parker = (await first(
      db.select().from(users).where(eq(users.email, 'partner@handoff.test')),
    ))!;
    await db.insert(teamMembers).values({ userId: parker.id, teamId });
    const asParker = await callerFor(db, 'partner@handoff.test');
    expect((await asParker.queue.grid({ teamId, status: 'all' })).items).toEqual([]);
    expect(await asParker.queue.counts({ teamId })).toEqual({});
  });

  test('a bad sort or cursor is a 400, not a 500', async () => {
    const db = dbs.db;
    const l1 = await callerFor(db, 'l1@handoff.test');
    const teamId = await helpDesk(db);
    // @ts-expect-error an unknown sort, as a crafted request would send it
    expect((await refusalOf(l1.queue.grid({ teamId, sort: 'password' }))).code).toBe('BAD_REQUEST');
    // @ts-expect-error a cursor of the wrong shape
    expect((await refusalOf(l1.queue.grid({ teamId, cursor: { id: 'x' } }))).code).toBe(
      'BAD_REQUEST',
    );
  });
});

describe('saved views', () => {
  const settings = {
    sort: 'promise' as const,
    dir: 'asc' as const,
    status: 'new' as const,
    columns: ['customer' as const, 'promise' as const],
  };
  test('are per user: saved, listed, replaced by name, deleted only by their owner', async () => {
    const db = dbs.db;
    const l1 = await callerFor(db, 'l1@handoff.test');
    const hdqa = await callerFor(db, 'hdqa@handoff.test');
    const saved = await l1.queue.saveView({ name: 'Due first', settings });
    await l1.queue.saveView({ name: 'Due first', settings: { ...settings, dir: 'desc' } });
    const mine = await l1.queue.views();
    expect(mine).toHaveLength(1);
    expect(mine[0]!.settings).toMatchObject({ dir: 'desc', columns: ['customer', 'promise'] });
    expect(await hdqa.queue.views()).toEqual([]);
    const latest = mine[0]!.id;
    expect(latest).not.toBe(saved.id);
    expect((await refusalOf(hdqa.queue.deleteView({ id: latest }))).code).toBe('NOT_FOUND');
    await l1.queue.deleteView({ id: latest });
    expect(await l1.queue.views()).toEqual([]);
  });

  test('a nameless view is refused with a message', async () => {
    const l1 = await callerFor(dbs.db, 'l1@handoff.test');
    const refusal = await refusalOf(l1.queue.saveView({ name: '  ', settings }));
    expect(refusal.code).toBe('BAD_REQUEST');
    expect(refusal.fields.name).toBe('Name the view');
  });
});
