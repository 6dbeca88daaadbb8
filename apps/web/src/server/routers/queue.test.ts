import { beforeEach, describe, expect, test } from 'vitest';
import { teamRepository, type Db } from '@handoff/db';
import { demoKeys } from '@handoff/db/testing';
import { callerFor, rejectionOf, useSeededDbs } from '../test-callers';

const dbs = useSeededDbs();
let db: Db;
beforeEach(() => {
  db = dbs.db;
});

const teamId = async (name: string) => (await teamRepository.findByName(db, name))!.id;
const serviceId = (name: string) => demoKeys(db).service(name).id;
const netId = 'NetID';
const duo = 'Duo Multi-Factor Authentication';
/** The three demo incidents in the US - Help Desk queue, by who called. */
const demoCall = {
  casey: 'Forgot NetID password after returning from leave.', // NetID, in progress
  oscar: 'Canvas course shows "unauthorized" for a TA.', // Canvas, new
  priya: 'Laptop drops UWNet every few minutes in the Grad School office.', // UWNet, in progress
};
const demoCallId = (who: keyof typeof demoCall) => demoKeys(db).incident(demoCall[who]).id;
const contact = (i: number) => ({
  callerName: `Caller ${i}`,
  callerEmail: `caller${i}@wisc.edu`,
  serviceId: serviceId(i % 3 === 0 ? netId : duo), // NetID on every third contact, Duo otherwise
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
    expect(ids).toEqual([
      ...created.map((c) => c.id).reverse(),
      ...(['priya', 'oscar', 'casey'] as const).map(demoCallId),
    ]);
  });

  test.each<
    [
      string,
      { status?: 'new' | 'in_progress'; service?: string },
      (c: { id: number; serviceId: number }) => boolean,
      (keyof typeof demoCall)[],
    ]
  >([
    // Every incident this test creates is new.
    ['status new', { status: 'new' as const }, () => true, ['oscar']],
    ['status in progress', { status: 'in_progress' as const }, () => false, ['priya', 'casey']],
    ['service NetID', { service: netId }, (c) => c.serviceId === serviceId(netId), ['casey']],
    [
      'status new and service Duo',
      { status: 'new' as const, service: duo },
      (c) => c.serviceId === serviceId(duo),
      [],
    ],
  ])('filter by %s, paged by 4', async (_name, { service, ...filter }, keep, seeded) => {
    const { l1, created } = await fill();
    const byService = service === undefined ? {} : { serviceId: serviceId(service) };
    const { ids } = await pageAll(
      l1,
      { teamId: await teamId('US - Help Desk'), ...filter, ...byService },
      4,
    );
    expect(ids).toEqual([
      ...created
        .filter(keep)
        .map((c) => c.id)
        .reverse(),
      ...seeded.map(demoCallId),
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
    ).toEqual([demoKeys(db).incident('No wired connectivity in Bascom Hall room 112.').number]);
    expect((await sncc.queue.list({ teamId: await teamId('SNCC-Sysops') })).items).toEqual([]);
    const admin = await callerFor(db, 'admin@handoff.test');
    expect(
      (await admin.queue.list({ teamId: await teamId('HD ES') })).items.map((i) => i.number),
    ).toEqual([demoKeys(db).incident('Payroll access request stuck in approval.').number]);
  });

  test('queue.teams lists only my own teams', async () => {
    expect(
      (await (await callerFor(db, 'sncc@handoff.test')).queue.teams()).map((x) => x.name),
    ).toEqual(['SNCC-Network', 'SNCC-Sysops']);
  });
});
