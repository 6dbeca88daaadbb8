// Per mutation of the incident aggregate: it commits exactly the change events its effects name,
// and a failure half-way through the commit leaves nothing behind. Data comes from the fixture
// builders, not from the demo seed's order.
import { describe, expect, test } from 'vitest';
import { afterHoursService, teamNames } from '@handoff/domain';
import { changeFeed, first, tablesOf, type Db } from '@handoff/db';
import { buildIncident, buildService, buildTeam, buildUser } from '@handoff/db/testing/builders';
import { eq } from 'drizzle-orm';
import { rejectionOf } from '../test-callers';
import { changeKit, failureText } from '../testing/change-kit';

let db: Db;
const { callerOf, refuseInsertsInto } = changeKit((opened) => (db = opened));

/** A help desk with one agent, a CPS team and the catalog entries the one-steps consult. */
async function desk() {
  const helpDesk = await buildTeam(db, { name: teamNames.helpDesk, kind: 'help_desk' });
  const cps = await buildTeam(db, { name: teamNames.cps, kind: 'support' });
  await buildService(db, {
    name: afterHoursService.service,
    category: afterHoursService.category,
    subcategory: afterHoursService.subcategory,
  });
  const service = await buildService(db);
  const agent = await buildUser(db, { role: 'l1' }, [helpDesk.id]);
  const caller = callerOf(agent.id);
  const incident = (values: Parameters<typeof buildIncident>[1] = {}) =>
    buildIncident(db, {
      ownerTeamId: helpDesk.id,
      serviceId: service.id,
      callerEmail: 'pat@example.edu',
      ...values,
    });
  return { helpDesk, cps, service, agent, caller, incident };
}

const changes = () => changeFeed.findChangesSince(db, 0);

async function rows() {
  const t = tablesOf(db);
  return {
    incidents: await db.select().from(t.incidents).orderBy(t.incidents.id),
    journal: (await db.select().from(t.journalEntries)).length,
    audit: (await db.select().from(t.auditEvents)).length,
    notifications: (await db.select().from(t.notifications)).length,
    outbox: (await db.select().from(t.outbox)).length,
    consults: await db.select().from(t.consultRequests).orderBy(t.consultRequests.id),
    changes: await changes(),
  };
}

describe('each incident mutation commits exactly the change events its effects name', () => {
  test('create: one `created` event for the owner team and the taker', async () => {
    const { caller, helpDesk, service, agent } = await desk();
    const created = await (
      await caller
    ).incident.create({
      callerName: 'Pat',
      callerPhone: '608-555-0100',
      serviceId: service.id,
      description: 'Cannot print',
      channel: 'phone',
    });
    expect(await changes()).toMatchObject([
      {
        entity: 'incident',
        entityId: created.id,
        kind: 'created',
        teamIds: [helpDesk.id],
        userIds: [agent.id],
        actorId: agent.id,
      },
    ]);
  });

  test('edit: one `edited` event; an edit that changes nothing announces nothing', async () => {
    const { caller, incident, helpDesk, agent } = await desk();
    const inc = await incident();
    await (
      await caller
    ).incident.edit({
      id: inc.id,
      expectedVersion: 1,
      patch: { description: inc.description },
    });
    expect(await changes()).toEqual([]);
    await (
      await caller
    ).incident.edit({
      id: inc.id,
      expectedVersion: 1,
      patch: { description: 'Cannot print at all' },
    });
    expect(await changes()).toMatchObject([
      {
        entity: 'incident',
        entityId: inc.id,
        kind: 'edited',
        teamIds: [helpDesk.id],
        actorId: agent.id,
      },
    ]);
  });

  test('add note: one `note_added` event; a customer-visible note also queues its e-mail', async () => {
    const { caller, incident } = await desk();
    const inc = await incident();
    await (
      await caller
    ).incident.addNote({
      incidentId: inc.id,
      body: 'We are on it.',
      visibility: 'customer',
    });
    expect(await changes()).toMatchObject([{ entityId: inc.id, kind: 'note_added' }]);
    expect((await rows()).outbox).toBe(1);
  });

  test('take ownership: one `onestep.take_ownership` event naming the team and the new owner', async () => {
    const { caller, incident, helpDesk, agent } = await desk();
    const inc = await incident();
    await (await caller).oneStep.takeOwnership({ incidentId: inc.id, expectedVersion: 1 });
    expect(await changes()).toMatchObject([
      {
        entity: 'incident',
        entityId: inc.id,
        kind: 'onestep.take_ownership',
        teamIds: [helpDesk.id],
        userIds: [agent.id],
      },
    ]);
  });

  test('resolve with a chat consult waiting: the step and the consult it ends, both announced', async () => {
    const { caller, incident, cps, helpDesk, agent } = await desk();
    const inc = await incident({ ownerAgentId: agent.id });
    const consult = (
      await db
        .insert(tablesOf(db).consultRequests)
        .values({
          incidentId: inc.id,
          team: 'cps',
          status: 'open',
          openedById: agent.id,
          openedAt: inc.createdAt,
          busyPromptAt: inc.createdAt,
        })
        .returning()
    )[0]!;
    await (
      await caller
    ).oneStep.resolve({
      incidentId: inc.id,
      expectedVersion: 1,
      resolutionNote: 'Reset the password.',
    });
    expect(await changes()).toMatchObject([
      { entity: 'incident', entityId: inc.id, kind: 'onestep.resolve' },
      {
        entity: 'consult',
        entityId: consult.id,
        kind: 'expired',
        // The answering team's queue and the incident's owner team, as every consult event.
        teamIds: [helpDesk.id, cps.id].sort((a, b) => a - b),
        userIds: [agent.id],
      },
    ]);
    expect((await rows()).consults).toMatchObject([{ id: consult.id, status: 'expired' }]);
  });
});

describe('a failure half-way through a commit leaves nothing behind', () => {
  // A trigger makes one table refuse inserts, so the commit fails after the writes before it.
  test.each([
    ['the outbox', 'outbox'],
    ['the change feed', 'change_events'],
  ])(
    'resolve failing at %s: no row change, journal entry, audit, notification, mail or event',
    async (_name, table) => {
      const { caller, incident, agent } = await desk();
      const inc = await incident({ ownerAgentId: agent.id });
      const before = await rows();
      await refuseInsertsInto(table);
      const error = await rejectionOf(
        (await caller).oneStep.resolve({
          incidentId: inc.id,
          expectedVersion: 1,
          resolutionNote: 'Fixed.',
        }),
      );
      expect(failureText(error)).toMatch(/disk full/);
      expect(await rows()).toEqual(before);
      const { incidents } = tablesOf(db);
      expect(
        await first(db.select().from(incidents).where(eq(incidents.id, inc.id))),
      ).toMatchObject({ status: 'new', version: 1 });
    },
  );

  test('create failing at the change feed: no incident, number, journal or audit row', async () => {
    const { caller, service } = await desk();
    const before = await rows();
    await refuseInsertsInto('change_events');
    await rejectionOf(
      (await caller).incident.create({
        callerName: 'Pat',
        callerEmail: 'pat@example.edu',
        serviceId: service.id,
        description: 'x',
        channel: 'email',
      }),
    );
    expect(await rows()).toEqual(before);
    // The number it reserved rolled back too: the counter never moved.
    expect(await db.select().from(tablesOf(db).counters)).toEqual([]);
  });
});
