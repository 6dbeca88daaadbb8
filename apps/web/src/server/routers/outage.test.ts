// Outages, the public status page and HDQA's potential-outage alerts, against a real, seeded SQLite file.
import { beforeEach, describe, expect, test } from 'vitest';
import { asc, count, eq } from 'drizzle-orm';
import { first, tablesOf, type Db } from '@handoff/db';
import { demoKeys } from '@handoff/db/testing';
import { callerFor, rejectionOf, useSeededDbs } from '../test-callers';

const dbs = useSeededDbs();
let db: Db;
let at: string;
// A clock the test moves by hand, so incidents land exactly where the alert window needs them.
const clock = () => at;
const minutesAfter = (base: string, m: number) =>
  new Date(Date.parse(base) + m * 60_000).toISOString();
const start = '2026-12-08T15:00:00.000Z';
beforeEach(() => {
  db = dbs.db;
  at = start;
});

const as = (email: string | null) => callerFor(db, email, clock);
const teamId = (name: string) => demoKeys(db).team(name).id;
const outageCount = async () =>
  (await first(db.select({ n: count() }).from(tablesOf(db).outages)))!.n;
const canvas = () => demoKeys(db).service('Canvas').id;
const customer = (netId: string) => demoKeys(db).customer(netId).id;
const fileStorage = () => demoKeys(db).service('Enterprise File Storage').id;
const declare = {
  title: 'Canvas is down',
  get serviceIds() {
    return [canvas()];
  },
  kind: 'unplanned' as const,
  publicSummary: 'Canvas pages do not load.',
};

describe('outages (kb 001 step 3)', () => {
  test.each(['hdqa@handoff.test', 'sncc@handoff.test'])(
    '%s declares an outage, owned by an SNCC team, shown on the board',
    async (email) => {
      const created = await (
        await as(email)
      ).outage.declare({
        ...declare,
        ownerTeamId: teamId('SNCC-Sysops'),
      });
      expect(created).toMatchObject({ number: 'OUT-000003', status: 'active', version: 1 });
      const board = await (await as('l1@handoff.test')).outage.board();
      expect(
        board.active.map((o) => [o.number, o.ownerTeamName, o.services.map((s) => s.name)]),
      ).toContainEqual(['OUT-000003', 'SNCC-Sysops', ['Canvas']]);
    },
  );

  test.each([
    ['L1', 'l1@handoff.test', { ownerTeam: 'SNCC-Sysops' }, 'FORBIDDEN'],
    ['a customer', 'customer@handoff.test', { ownerTeam: 'SNCC-Sysops' }, 'FORBIDDEN'],
    ['an owner that is not SNCC', 'hdqa@handoff.test', { ownerTeam: 'HDQA' }, 'BAD_REQUEST'],
    [
      'an unknown service',
      'hdqa@handoff.test',
      { ownerTeam: 'SNCC-Sysops', serviceIds: [999] },
      'BAD_REQUEST',
    ],
    [
      'no service',
      'hdqa@handoff.test',
      { ownerTeam: 'SNCC-Sysops', serviceIds: [] },
      'BAD_REQUEST',
    ],
    [
      'a planned window in the past',
      'sncc@handoff.test',
      {
        ownerTeam: 'SNCC-Sysops',
        kind: 'planned',
        startAt: '2026-12-01T10:00:00Z',
        expectedEndAt: '2026-12-01T12:00:00Z',
      },
      'BAD_REQUEST',
    ],
  ] as const)('%s → %s, nothing stored', async (_name, email, { ownerTeam, ...change }, code) => {
    const before = await outageCount();
    const input = {
      ...declare,
      ...change,
      ownerTeamId: teamId(ownerTeam),
      serviceIds: 'serviceIds' in change ? [...change.serviceIds] : declare.serviceIds,
    };
    expect(await rejectionOf((await as(email)).outage.declare(input))).toMatchObject({ code });
    expect(await outageCount()).toBe(before);
  });

  test('SNCC posts timestamped updates, starts a planned window and resolves it; HDQA may not', async () => {
    const sncc = await as('sncc@handoff.test');
    const planned = await sncc.outage.declare({
      ...declare,
      kind: 'planned',
      startAt: '2026-12-09T08:00:00Z',
      expectedEndAt: '2026-12-09T10:00:00Z',
      ownerTeamId: teamId('SNCC-Network'),
    });
    expect(
      await rejectionOf(
        (await as('hdqa@handoff.test')).outage.update({
          outageId: planned.id,
          expectedVersion: 1,
          publicSummary: 'x',
        }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
    at = minutesAfter(start, 10);
    await sncc.outage.update({
      outageId: planned.id,
      expectedVersion: 1,
      publicSummary: 'Moved to the Saturday window.',
    });
    expect(
      await rejectionOf(
        sncc.outage.update({ outageId: planned.id, expectedVersion: 1, publicSummary: 'stale' }),
      ),
    ).toMatchObject({ code: 'CONFLICT' });
    at = minutesAfter(start, 20);
    await sncc.outage.start({ outageId: planned.id, expectedVersion: 2 });
    at = minutesAfter(start, 30);
    await sncc.outage.resolve({
      outageId: planned.id,
      expectedVersion: 3,
      note: 'Maintenance done.',
    });
    const board = await sncc.outage.board();
    const shown = board.recentlyResolved.find((o) => o.id === planned.id)!;
    expect(shown).toMatchObject({
      status: 'resolved',
      startAt: minutesAfter(start, 20),
      endAt: minutesAfter(start, 30),
      publicSummary: 'Moved to the Saturday window.',
    });
    expect(shown.updates.map((u) => [u.kind, u.body, u.createdAt])).toEqual([
      ['resolved', 'Maintenance done.', minutesAfter(start, 30)],
      ['started', 'The outage has started.', minutesAfter(start, 20)],
      ['summary', 'Moved to the Saturday window.', minutesAfter(start, 10)],
      ['declared', 'Planned outage declared: Canvas pages do not load.', start],
    ]);
    expect(shown.can).toEqual({
      update: 'OUT-000003 is resolved; its summary is final.',
      start: 'OUT-000003 is resolved; only a planned outage starts.',
      resolve: 'OUT-000003 is already resolved.',
    });
  });

  test('the public status needs no sign-in and shows nothing internal', async () => {
    await (
      await as('sncc@handoff.test')
    ).outage.declare({
      ...declare,
      ownerTeamId: teamId('SNCC-Sysops'),
    });
    const status = await (await as(null)).outage.publicStatus();
    expect(status.active.map((o) => o.number)).toEqual(['OUT-000003', 'OUT-000001']);
    expect(status.planned.map((o) => o.title)).toEqual(['Campus Network core maintenance']);
    const text = JSON.stringify(status);
    expect(text).not.toContain('ownerTeam');
    expect(text).not.toContain('Sydney SNCC');
    expect(text).not.toContain('authorName');
    // So do the known outages of one service (the portal's "is this already known?").
    expect(
      (await (await as(null)).outage.forService({ serviceId: canvas() })).map((o) => o.number),
    ).toEqual(['OUT-000003']);
    // The staff board (owners, authors) needs a staff sign-in; everything else a sign-in.
    expect(await rejectionOf((await as('customer@handoff.test')).outage.board())).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await rejectionOf((await as(null)).outage.board())).toMatchObject({
      code: 'UNAUTHORIZED',
    });
    expect(await rejectionOf((await as(null)).problem.list({ view: 'open' }))).toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });
});

const contact = (customerId: number, serviceId = fileStorage()) => ({
  callerName: `Customer ${customerId}`,
  callerPhone: '608-555-0101',
  customerId,
  serviceId,
  description: 'Cannot open the department share.',
  channel: 'phone' as const,
});

describe('potential-outage alerts (3 incidents on one service within 30 minutes, none linked)', () => {
  async function threeContacts(spacingMinutes: number, serviceId = fileStorage()) {
    const l1 = await as('l1@handoff.test');
    const ids = [];
    for (const [i, netId] of ['onguyen', 'pshah', 'qbrooks'].entries()) {
      at = minutesAfter(start, i * spacingMinutes);
      ids.push(await l1.incident.create(contact(customer(netId), serviceId)));
    }
    return ids;
  }
  const alertedIds = async () =>
    (await (await as('hdqa@handoff.test')).alert.potentialOutages()).alerts.map((a) => [
      a.serviceName,
      a.incidents.map((i) => i.id),
    ]);

  test('three contacts 10 minutes apart raise the alert on HDQA’s home; linking one to a problem clears it', async () => {
    const created = await threeContacts(10);
    expect(await alertedIds()).toEqual([['Enterprise File Storage', created.map((c) => c.id)]]);
    await (await as('hdqa@handoff.test')).problem.create({ incidentIds: [created[0]!.id] });
    expect(await alertedIds()).toEqual([]);
  });

  test('three contacts 20 minutes apart (40 minutes in all) raise nothing with the defaults', async () => {
    await threeContacts(20);
    expect(await alertedIds()).toEqual([]);
  });

  test('the thresholds are settings an admin changes: 4 incidents silence three; a 60-minute window catches the slow ones', async () => {
    const admin = await as('admin@handoff.test');
    expect(await admin.alert.settings()).toEqual({ minIncidents: 3, windowMinutes: 30 });
    await threeContacts(20);
    await admin.alert.updateSettings({ minIncidents: 3, windowMinutes: 60 });
    expect(await alertedIds()).toHaveLength(1);
    await admin.alert.updateSettings({ minIncidents: 4, windowMinutes: 60 });
    expect(await alertedIds()).toEqual([]);
    expect(
      await rejectionOf(admin.alert.updateSettings({ minIncidents: 1, windowMinutes: 60 })),
    ).toMatchObject({ code: 'BAD_REQUEST' });
    expect(
      await rejectionOf(
        (await as('hdqa@handoff.test')).alert.updateSettings({
          minIncidents: 5,
          windowMinutes: 60,
        }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(await admin.alert.settings()).toEqual({ minIncidents: 4, windowMinutes: 60 });
  });

  test('HDQA sees unlinked incidents grouped by service; L1 may not read alerts', async () => {
    const created = await threeContacts(5);
    at = minutesAfter(start, 30);
    await (await as('l1@handoff.test')).incident.create(contact(customer('ralvarez'), canvas()));
    const groups = await (await as('hdqa@handoff.test')).alert.unlinkedByService();
    expect(groups[0]).toMatchObject({ serviceName: 'Enterprise File Storage' });
    expect(groups[0]!.incidents.map((i) => i.id)).toEqual(created.map((c) => c.id).reverse());
    expect(groups.map((g) => g.serviceName)).toContain('Canvas');
    expect(await rejectionOf((await as('l1@handoff.test')).alert.potentialOutages())).toMatchObject(
      {
        code: 'FORBIDDEN',
      },
    );
  });

  test('a service with two catalog rows is listed once (issue 19 item 6)', async () => {
    const { services } = tablesOf(db);
    const dcs = await db
      .select()
      .from(services)
      .where(eq(services.name, 'Departmental Computer Support'))
      .orderBy(asc(services.id));
    expect(dcs).toHaveLength(2);
    const l1 = await as('l1@handoff.test');
    const made = [];
    for (const s of dcs) made.push(await l1.incident.create(contact(customer('ralvarez'), s.id)));
    const groups = await (await as('hdqa@handoff.test')).alert.unlinkedByService();
    const named = groups.filter((g) => g.serviceName === 'Departmental Computer Support');
    expect(named).toHaveLength(1);
    expect(named[0]!.serviceIds.sort()).toEqual(dcs.map((s) => s.id).sort());
    expect(named[0]!.incidents.map((i) => i.id).sort()).toEqual(made.map((m) => m.id).sort());
  });
});
