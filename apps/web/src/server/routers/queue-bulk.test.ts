// The queue grid's bulk assign and bulk link (issue 15): each selected row is its own call and its own
// commit, under its own rules; a refused row says why and changes nothing, the others still go.
import { describe, expect, test } from 'vitest';
import { can, roles, type Role } from '@handoff/domain';
import { changeFeed, first, tablesOf, userRepository, type Db } from '@handoff/db';
import { buildIncident, buildService, buildTeam, buildUser } from '@handoff/db/testing/builders';
import { useEmptyDb } from '@handoff/db/testing/change-kit';
import { asc, eq } from 'drizzle-orm';
import { createCaller } from '../root';
import { rejectionOf, steppingClock } from '../test-callers';

let db: Db;
useEmptyDb((opened) => {
  db = opened;
});

async function team() {
  const desk = await buildTeam(db, { name: 'Bulk Desk', kind: 'help_desk' });
  const other = await buildTeam(db, { name: 'Other Team', kind: 'support' });
  const service = await buildService(db);
  const lead = await buildUser(db, { role: 'l1', name: 'Lee Lead' }, [desk.id]);
  const member = await buildUser(db, { role: 'l1', name: 'Mo Member' }, [desk.id]);
  const outsider = await buildUser(db, { role: 'l1', name: 'Ola Outsider' }, [other.id]);
  const as = async (userId: number) =>
    createCaller({
      db,
      actor: (await userRepository.findActorById(db, userId))!,
      now: steppingClock(),
    });
  const incident = (values: Parameters<typeof buildIncident>[1] = {}) =>
    buildIncident(db, {
      ownerTeamId: desk.id,
      serviceId: service.id,
      ownerAgentId: null,
      ...values,
    });
  return { desk, other, service, lead, member, outsider, as, incident };
}

const incidentRow = async (id: number) => {
  const { incidents } = tablesOf(db);
  return (await first(db.select().from(incidents).where(eq(incidents.id, id))))!;
};
const journalOf = async (id: number) => {
  const { journalEntries } = tablesOf(db);
  return (
    await db
      .select()
      .from(journalEntries)
      .where(eq(journalEntries.incidentId, id))
      .orderBy(asc(journalEntries.id))
  ).map((j) => j.body);
};
const auditOf = async (id: number) => {
  const { auditEvents } = tablesOf(db);
  return (await db.select().from(auditEvents).where(eq(auditEvents.incidentId, id)))
    .map((a) => a.field)
    .sort();
};

describe('bulk assign to a team member', () => {
  test('each row under its own rules: the refused one says why and is unchanged, the others are assigned, journaled, audited and announced', async () => {
    const { lead, member, desk, as, incident } = await team();
    const fresh = await incident();
    const working = await incident({ status: 'in_progress', ownerAgentId: lead.id });
    const resolved = await incident({ status: 'resolved' });
    const before = await changeFeed.findLatestChangeId(db);
    const caller = as(lead.id);
    const results = [];
    for (const row of [fresh, resolved, working])
      results.push(
        await (
          await caller
        ).queue
          .assignToMember({ incidentId: row.id, expectedVersion: row.version, agentId: member.id })
          .then(() => 'ok')
          .catch((e: Error) => e.message),
      );
    expect(results).toEqual([
      'ok',
      `${resolved.number} is resolved; reopen it before assigning it.`,
      'ok',
    ]);
    expect(await incidentRow(fresh.id)).toMatchObject({
      ownerAgentId: member.id,
      status: 'assigned',
      version: fresh.version + 1,
    });
    expect(await incidentRow(working.id)).toMatchObject({
      ownerAgentId: member.id,
      status: 'in_progress',
    });
    expect(await incidentRow(resolved.id)).toEqual(resolved);
    expect(await journalOf(fresh.id)).toContain(
      `Lee Lead assigned ${fresh.number} to Mo Member (Bulk Desk).`,
    );
    expect(await journalOf(resolved.id)).toEqual([]);
    expect(await auditOf(fresh.id)).toEqual(['ownerAgentId', 'status']);
    expect(await auditOf(working.id)).toEqual(['ownerAgentId']);
    const { notifications } = tablesOf(db);
    const notified = await db.select().from(notifications).orderBy(asc(notifications.id));
    expect(notified.map((n) => [n.incidentId, n.audience, n.targetId])).toEqual([
      [fresh.id, 'user', member.id],
      [working.id, 'user', member.id],
    ]);
    const changes = await changeFeed.findChangesSince(db, before);
    expect(changes).toHaveLength(2);
    expect(changes).toMatchObject([
      {
        entity: 'incident',
        entityId: fresh.id,
        kind: 'assigned',
        teamIds: [desk.id],
        userIds: [member.id],
      },
      {
        entity: 'incident',
        entityId: working.id,
        kind: 'assigned',
        teamIds: [desk.id],
        userIds: [lead.id, member.id].sort((a, b) => a - b),
      },
    ]);
  });

  test.each([
    ['someone outside the owning team', 'outsider', 'FORBIDDEN', /Only members of Bulk Desk/],
  ] as const)('refused: %s', async (_, who, code, message) => {
    const fixture = await team();
    const row = await fixture.incident();
    const e = await rejectionOf(
      (await fixture.as(fixture[who].id)).queue.assignToMember({
        incidentId: row.id,
        expectedVersion: row.version,
        agentId: fixture.member.id,
      }),
    );
    expect(e).toMatchObject({ code, message: expect.stringMatching(message) as string });
    expect(await incidentRow(row.id)).toEqual(row);
  });

  test.each([
    [
      'a person of another team',
      (f: Awaited<ReturnType<typeof team>>) => f.outsider.id,
      'BAD_REQUEST',
      /Ola Outsider is not a member of Bulk Desk/,
    ],
    ['no such person', () => 9999, 'BAD_REQUEST', /No active user #9999/],
  ] as const)('refused: the chosen person is %s', async (_, agentOf, code, message) => {
    const f = await team();
    const row = await f.incident();
    const e = await rejectionOf(
      (await f.as(f.lead.id)).queue.assignToMember({
        incidentId: row.id,
        expectedVersion: row.version,
        agentId: agentOf(f),
      }),
    );
    expect(e).toMatchObject({ code, message: expect.stringMatching(message) as string });
    expect(await incidentRow(row.id)).toEqual(row);
  });

  test('a row changed since the grid loaded it is a CONFLICT, not overwritten', async () => {
    const f = await team();
    const row = await f.incident();
    const caller = f.as(f.lead.id);
    await (
      await caller
    ).queue.assignToMember({
      incidentId: row.id,
      expectedVersion: row.version,
      agentId: f.member.id,
    });
    const e = await rejectionOf(
      (await caller).queue.assignToMember({
        incidentId: row.id,
        expectedVersion: row.version,
        agentId: f.lead.id,
      }),
    );
    expect(e).toMatchObject({ code: 'CONFLICT' });
    expect((await incidentRow(row.id)).ownerAgentId).toBe(f.member.id);
  });

  // Every role through the permission table: members of the team of each role may assign when the
  // table says so; the others hear FORBIDDEN and nothing changes.
  test.each(roles.filter((r) => r !== 'customer'))(
    'role %s follows the permission table',
    async (role: Role) => {
      const f = await team();
      const actor = await buildUser(db, { role }, [f.desk.id]);
      const row = await f.incident();
      const call = (await f.as(actor.id)).queue.assignToMember({
        incidentId: row.id,
        expectedVersion: row.version,
        agentId: f.member.id,
      });
      if (can(role, 'incident.assign')) {
        await call;
        expect((await incidentRow(row.id)).ownerAgentId).toBe(f.member.id);
      } else {
        expect(await rejectionOf(call)).toMatchObject({ code: 'FORBIDDEN' });
        expect(await incidentRow(row.id)).toEqual(row);
      }
    },
  );

  test('the members list holds the active members of the team only, and only for its members', async () => {
    const f = await team();
    const gone = await buildUser(
      db,
      { role: 'l1', name: 'Gil Gone', deactivatedAt: '2026-01-01T00:00:00.000Z' },
      [f.desk.id],
    );
    expect(gone.id).toBeGreaterThan(0);
    expect(await (await f.as(f.lead.id)).queue.members({ teamId: f.desk.id })).toEqual([
      { id: f.lead.id, name: 'Lee Lead' },
      { id: f.member.id, name: 'Mo Member' },
    ]);
    expect(
      await rejectionOf((await f.as(f.outsider.id)).queue.members({ teamId: f.desk.id })),
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
