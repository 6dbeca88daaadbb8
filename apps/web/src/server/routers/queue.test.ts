import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { teamRepository, type Db } from '@handoff/db';
import { callerFor, createTestDb, rejectionOf, type TestDb } from '../test-callers';

let t: TestDb;
let db: Db;
beforeEach(() => {
  t = createTestDb();
  db = t.db;
});
afterEach(() => t.close());

const teamId = async (name: string) => (await teamRepository.findByName(db, name))!.id;
const contact = (i: number) => ({
  callerName: `Caller ${i}`,
  callerEmail: `caller${i}@wisc.edu`,
  serviceId: i % 3 === 0 ? 6 : 7, // NetID on every third contact, Duo otherwise
  description: `Contact ${i}`,
  channel: 'email' as const,
});

describe('queue.list', () => {
  type Caller = Awaited<ReturnType<typeof callerFor>>;
  type Filter = { teamId: number; status?: 'new' | 'in_progress'; serviceId?: number };

  async function pageAll(caller: Caller, filter: Filter, limit: number) {
    const ids: number[] = [];
    const sizes: number[] = [];
    let cursor: number | null = null;
    do {
      const page: Awaited<ReturnType<Caller['queue']['list']>> = await caller.queue.list({
        ...filter,
        cursor,
        limit,
      });
      sizes.push(page.items.length);
      for (const item of page.items) {
        expect(item.ownerTeamId).toBe(filter.teamId);
        ids.push(item.id);
      }
      cursor = page.nextCursor;
    } while (cursor !== null);
    return { ids, sizes };
  }

  async function fill() {
    const l1 = await callerFor(db, 'l1@handoff.test');
    const created: { id: number; serviceId: number }[] = [];
    for (let i = 0; i < 30; i++) {
      const c = contact(i);
      created.push({ id: (await l1.incident.create(c)).id, serviceId: c.serviceId });
    }
    // Another team's incident stays out of this queue.
    await (await callerFor(db, 'cps@handoff.test')).incident.create(contact(99));
    return { l1, created };
  }

  test('pages of 7 over the team queue: every incident once, newest first', async () => {
    const { l1, created } = await fill();
    const { ids, sizes } = await pageAll(l1, { teamId: await teamId('US - Help Desk') }, 7);
    // 30 new plus the three seeded in the General Help Desk queue.
    expect(sizes).toEqual([7, 7, 7, 7, 5]);
    expect(ids).toEqual([...created.map((c) => c.id).reverse(), 3, 2, 1]);
  });

  test.each([
    ['status new', { status: 'new' as const }, (c: { id: number }) => c.id > 8, [2]],
    ['status in progress', { status: 'in_progress' as const }, () => false, [3, 1]],
    ['service NetID', { serviceId: 6 }, (c: { serviceId: number }) => c.serviceId === 6, [1]],
    [
      'status new and service Duo',
      { status: 'new' as const, serviceId: 7 },
      (c: { serviceId: number }) => c.serviceId === 7,
      [],
    ],
  ])('filter by %s, paged by 4', async (_name, filter, keep, seeded) => {
    const { l1, created } = await fill();
    const { ids } = await pageAll(l1, { teamId: await teamId('US - Help Desk'), ...filter }, 4);
    expect(ids).toEqual([
      ...created
        .filter(keep)
        .map((c) => c.id)
        .reverse(),
      ...seeded,
    ]);
  });

  test.each([
    ['l1', 'l1@handoff.test', 'US - Help Desk CPS'],
    ['a technologist', 'technologist@handoff.test', 'US - Help Desk'],
    ['sncc', 'sncc@handoff.test', 'HD ES'],
  ])('%s opening a queue of a team they are not in → FORBIDDEN', async (_name, email, team) => {
    const error = await rejectionOf(
      (await callerFor(db, email)).queue.list({ teamId: await teamId(team) }),
    );
    expect(error).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('not a member of that team'),
    });
  });

  test('sncc opens both of its queues; an admin opens any', async () => {
    const sncc = await callerFor(db, 'sncc@handoff.test');
    expect(
      (await sncc.queue.list({ teamId: await teamId('SNCC-Network') })).items.map((i) => i.number),
    ).toEqual(['INC-000008']);
    expect((await sncc.queue.list({ teamId: await teamId('SNCC-Sysops') })).items).toEqual([]);
    const admin = await callerFor(db, 'admin@handoff.test');
    expect(
      (await admin.queue.list({ teamId: await teamId('HD ES') })).items.map((i) => i.number),
    ).toEqual(['INC-000006']);
  });

  test('queue.teams lists only my own teams', async () => {
    expect(
      (await (await callerFor(db, 'sncc@handoff.test')).queue.teams()).map((x) => x.name),
    ).toEqual(['SNCC-Network', 'SNCC-Sysops']);
  });
});
