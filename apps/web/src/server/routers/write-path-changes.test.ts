// The aggregates issue 12 moved last onto the commit module (portal case, outage declaration, saved
// queue views, on-call contacts): each mutation commits exactly the change events its effects name,
// and a failure half-way through the commit leaves nothing behind. Data from the fixture builders.
import { describe, expect, test } from 'vitest';
import { teamNames } from '@handoff/domain';
import { changeFeed, tablesOf, type Db } from '@handoff/db';
import { buildCustomer, buildService, buildTeam, buildUser } from '@handoff/db/testing/builders';
import { rejectionOf } from '../test-callers';
import { changeKit, rowCounts, failureText } from '../testing/change-kit';

let db: Db;
const { callerOf, refuseInsertsInto } = changeKit((opened) => (db = opened), {
  clock: '2026-11-24T16:00:00.000Z',
});

const counts = () =>
  rowCounts(db, [
    'incidents',
    'journalEntries',
    'auditEvents',
    'attachments',
    'outbox',
    'outages',
    'outageServices',
    'outageUpdates',
    'queueViews',
    'oncallContacts',
    'counters',
    'changeEvents',
  ]);

/** A customer with a Help Online login, a customer-facing service and the Help Desk queue. */
async function portal() {
  const helpDesk = await buildTeam(db, { name: teamNames.helpDesk, kind: 'help_desk' });
  const service = await buildService(db, { customerFacing: true });
  const customer = await buildCustomer(db);
  const login = await buildUser(db, { role: 'customer', customerId: customer.id });
  const file = {
    serviceId: service.id,
    description: 'Remote Desktop refuses my connection.',
    preferredContact: 'email' as const,
    workRelated: true,
    attachments: [
      { fileName: 'error.txt', contentType: 'text/plain', dataBase64: btoa('error 0x204') },
    ],
  };
  return { helpDesk, service, customer, login, caller: callerOf(login.id), file };
}

/** Two SNCC teams, a service, and an HDQA agent who declares. */
async function sncc() {
  const sysops = await buildTeam(db, { name: teamNames.snccSysops, kind: 'support' });
  await buildTeam(db, { name: teamNames.snccNetwork, kind: 'support' });
  const service = await buildService(db);
  const hdqa = await buildUser(db, { role: 'hdqa' });
  const declaration = {
    title: 'Wireless down in Bascom',
    kind: 'unplanned' as const,
    publicSummary: 'Wireless is down in Bascom Hall.',
    ownerTeamId: sysops.id,
    serviceIds: [service.id],
  };
  return { sysops, service, hdqa, caller: callerOf(hdqa.id), declaration };
}

describe('each mutation commits exactly the change events its effects name', () => {
  test('case.create: one `created` event for the Help Desk queue and the customer; its upload is stored', async () => {
    const { caller, file, helpDesk, login } = await portal();
    const before = await changeFeed.findLatestChangeId(db);
    const created = await (await caller).case.create(file);
    const events = await changeFeed.findChangesSince(db, before);
    expect(events).toMatchObject([
      {
        entity: 'incident',
        entityId: created.id,
        kind: 'created',
        teamIds: [helpDesk.id],
        userIds: [login.id],
        actorId: login.id,
      },
    ]);
    expect(events).toHaveLength(1);
    expect(await db.select().from(tablesOf(db).attachments)).toMatchObject([
      { incidentId: created.id, filename: 'error.txt', size: 11, uploadedById: login.id },
    ]);
  });

  test('outage.declare: one `declared` event for the owner team and the declarer', async () => {
    const { caller, declaration, sysops, hdqa, service } = await sncc();
    const before = await changeFeed.findLatestChangeId(db);
    const declared = await (await caller).outage.declare(declaration);
    expect(declared).toMatchObject({ number: 'OUT-000001', status: 'active', version: 1 });
    const events = await changeFeed.findChangesSince(db, before);
    expect(events).toMatchObject([
      {
        entity: 'outage',
        entityId: declared.id,
        kind: 'declared',
        teamIds: [sysops.id],
        userIds: [hdqa.id],
      },
    ]);
    expect(events).toHaveLength(1);
    expect(await db.select().from(tablesOf(db).outageServices)).toEqual([
      { outageId: declared.id, serviceId: service.id },
    ]);
  });

  test('queue.saveView / deleteView: one event each, for the agent alone', async () => {
    const team = await buildTeam(db);
    const agent = await buildUser(db, { role: 'l1' }, [team.id]);
    const caller = callerOf(agent.id);
    const before = await changeFeed.findLatestChangeId(db);
    const settings = { sort: 'age' as const, dir: 'asc' as const, columns: [] };
    const view = await (await caller).queue.saveView({ name: 'Mine', settings });
    await (await caller).queue.deleteView({ id: view.id });
    expect(await changeFeed.findChangesSince(db, before)).toMatchObject([
      { entity: 'queueView', entityId: view.id, kind: 'saved', teamIds: [], userIds: [agent.id] },
      { entity: 'queueView', entityId: view.id, kind: 'deleted', teamIds: [], userIds: [agent.id] },
    ]);
    expect(await changeFeed.findChangesSince(db, before)).toHaveLength(2);
  });
});

describe('a failure half-way through a commit leaves nothing behind', () => {
  test.each([['attachments'], ['change_events']])(
    'case.create failing at %s: no incident, journal, audit, upload, number or event',
    async (table) => {
      const { caller, file } = await portal();
      const before = await counts();
      await refuseInsertsInto(table);
      expect(failureText(await rejectionOf((await caller).case.create(file)))).toMatch(/disk full/);
      expect(await counts()).toEqual(before);
    },
  );

  test.each([['outage_services'], ['outage_updates'], ['change_events']])(
    'outage.declare failing at %s: no outage, services, timeline, number or event',
    async (table) => {
      const { caller, declaration } = await sncc();
      const before = await counts();
      await refuseInsertsInto(table);
      expect(failureText(await rejectionOf((await caller).outage.declare(declaration)))).toMatch(
        /disk full/,
      );
      expect(await counts()).toEqual(before);
    },
  );

  test('an on-call contact failing at the change feed is not created', async () => {
    const admin = await buildUser(db, { role: 'admin' });
    const before = await counts();
    await refuseInsertsInto('change_events');
    const contact = { schedule: 'aims' as const, name: 'Ann', phone: '608-555-0100', position: 0 };
    expect(
      failureText(await rejectionOf((await callerOf(admin.id)).oncall.create(contact))),
    ).toMatch(/disk full/);
    expect(await counts()).toEqual(before);
  });
});
