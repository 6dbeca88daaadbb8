// Issue 18: administrators set each team's leads on /admin (who is told of breaches and sees /reports),
// through the commit module, audited and announced; nobody else may, and bad input changes nothing.
import { describe, expect, test } from 'vitest';
import { changeFeed, ensurePortalSystemActor, tablesOf, teamRepository } from '@handoff/db';
import { roles } from '@handoff/domain';
import {
  callerFor,
  fixedClock,
  loginOf,
  rejectionOf,
  useSeededDbs,
  userIdOf,
} from '../test-callers';

const dbs = useSeededDbs();
const now = '2026-11-24T16:00:00.000Z';
const range = { from: '2026-11-01T00:00:00.000Z', to: '2026-11-25T00:00:00.000Z' };

const leadRows = () => {
  const { teamLeads } = tablesOf(dbs.db);
  return dbs.db.select().from(teamLeads).orderBy(teamLeads.teamId, teamLeads.userId);
};
const state = async () => {
  const { adminAudit } = tablesOf(dbs.db);
  return {
    leads: await leadRows(),
    audit: await dbs.db.select().from(adminAudit).orderBy(adminAudit.id),
  };
};
/** The team leads, the admin audit and the newest change: what a refused call must leave as it was. */
const everything = async () => ({
  ...(await state()),
  change: await changeFeed.findLatestChangeId(dbs.db),
});

describe('sla.teamLeads / sla.setTeamLeads', () => {
  test('an administrator sees each team’s leads and who may lead', async () => {
    const overview = await (await callerFor(dbs.db, loginOf.admin)).sla.teamLeads();
    const cps = overview.teams.find((t) => t.name === 'US - Help Desk CPS')!;
    expect(cps.leads.map((l) => l.email)).toEqual(['cps@handoff.test']);
    const emails = overview.candidates.map((c) => c.email);
    expect(emails).toContain('cps2@handoff.test');
    expect(emails).not.toContain('customer@handoff.test');
    expect(emails).not.toContain('partner@handoff.test');
  });

  test('the portal’s system user is no candidate, and setting it as a lead is refused by name', async () => {
    const db = dbs.db;
    const system = await ensurePortalSystemActor(db, now);
    const admin = await callerFor(db, loginOf.admin);
    const overview = await admin.sla.teamLeads();
    expect(overview.candidates.map((c) => c.id)).not.toContain(system.id);
    expect(overview.candidates.map((c) => c.email)).toContain(loginOf.l1);
    const teamId = (await teamRepository.findByName(db, 'US - Help Desk CPS'))!.id;
    const before = await everything();
    const refusal = await rejectionOf(admin.sla.setTeamLeads({ teamId, userIds: [system.id] }));
    expect(refusal).toMatchObject({
      code: 'BAD_REQUEST',
      message: `${system.name} is a system account, which nobody signs in as, and cannot lead a team.`,
    });
    expect(await everything()).toEqual(before);
  });

  test('setting a team’s leads: one commit, admin audit rows, one event; the new lead sees /reports', async () => {
    const db = dbs.db;
    const cpsTeam = (await teamRepository.findByName(db, 'US - Help Desk CPS'))!.id;
    const [cps, cps2, admin] = [
      await userIdOf(db, 'cps@handoff.test'),
      await userIdOf(db, 'cps2@handoff.test'),
      await userIdOf(db, loginOf.admin),
    ];
    expect(
      await rejectionOf((await callerFor(db, 'cps2@handoff.test')).reports.dashboard(range)),
    ).toMatchObject({ code: 'FORBIDDEN' });

    const before = await changeFeed.findLatestChangeId(db);
    const auditBefore = (await state()).audit.length;
    await (
      await callerFor(db, loginOf.admin, fixedClock(now))
    ).sla.setTeamLeads({
      teamId: cpsTeam,
      userIds: [cps2],
    });
    expect((await leadRows()).filter((l) => l.teamId === cpsTeam)).toEqual([
      { teamId: cpsTeam, userId: cps2 },
    ]);
    expect((await state()).audit.slice(auditBefore)).toMatchObject([
      {
        actorId: admin,
        entity: 'team_lead',
        entityKey: String(cpsTeam),
        field: 'lead',
        fromValue: String(cps),
        toValue: null,
        at: now,
      },
      {
        actorId: admin,
        entity: 'team_lead',
        entityKey: String(cpsTeam),
        field: 'lead',
        fromValue: null,
        toValue: String(cps2),
        at: now,
      },
    ]);
    const events = await changeFeed.findChangesSince(db, before);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      entity: 'teamLead',
      entityId: cpsTeam,
      kind: 'leads_changed',
      teamIds: [cpsTeam],
      userIds: [cps2, cps],
    });
    expect(
      (await (await callerFor(db, 'cps2@handoff.test')).reports.dashboard(range)).summary,
    ).toBeDefined();
    expect(
      await rejectionOf((await callerFor(db, 'cps@handoff.test')).reports.dashboard(range)),
    ).toMatchObject({ code: 'FORBIDDEN' });

    // The admin audit log names the team and the people.
    const log = await (await callerFor(db, loginOf.admin)).admin.auditLog({});
    expect(log.items.slice(0, 2).map((e) => e.words)).toEqual([
      {
        entity: 'Team lead',
        entityKey: 'US - Help Desk CPS',
        field: 'Lead',
        fromValue: null,
        toValue: 'Cory CPS',
      },
      {
        entity: 'Team lead',
        entityKey: 'US - Help Desk CPS',
        field: 'Lead',
        fromValue: 'Cameron CPS',
        toValue: null,
      },
    ]);
  });

  test.each(roles.filter((r) => r !== 'admin'))('%s may neither see nor set them', async (role) => {
    const db = dbs.db;
    const teamId = (await teamRepository.findByName(db, 'US - Help Desk CPS'))!.id;
    const before = await everything();
    const caller = await callerFor(db, loginOf[role]);
    expect(await rejectionOf(caller.sla.teamLeads())).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      await rejectionOf(
        caller.sla.setTeamLeads({ teamId, userIds: [await userIdOf(db, loginOf[role])] }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(await everything()).toEqual(before);
  });

  test.each([
    [
      'a person listed twice',
      (t: number, u: number) => ({ teamId: t, userIds: [u, u] }),
      'BAD_REQUEST',
    ],
    [
      'a customer',
      async (t: number) => ({ teamId: t, userIds: [await userIdOf(dbs.db, loginOf.customer)] }),
      'BAD_REQUEST',
    ],
    [
      'a partner agent',
      async (t: number) => ({
        teamId: t,
        userIds: [await userIdOf(dbs.db, loginOf.partner_agent)],
      }),
      'BAD_REQUEST',
    ],
    ['no such user', (t: number) => ({ teamId: t, userIds: [99_999] }), 'BAD_REQUEST'],
    ['no such team', (_: number, u: number) => ({ teamId: 99_999, userIds: [u] }), 'NOT_FOUND'],
    ['the leads it has', (t: number, u: number) => ({ teamId: t, userIds: [u] }), 'BAD_REQUEST'],
  ] as const)('refuses %s and changes nothing', async (_, input, code) => {
    const db = dbs.db;
    const teamId = (await teamRepository.findByName(db, 'US - Help Desk CPS'))!.id;
    const before = await everything();
    const call = (await callerFor(db, loginOf.admin)).sla.setTeamLeads(
      await input(teamId, await userIdOf(db, 'cps@handoff.test')),
    );
    expect(await rejectionOf(call)).toMatchObject({ code });
    expect(await everything()).toEqual(before);
  });
});
