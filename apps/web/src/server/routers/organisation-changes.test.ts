// Organisation and membership admin on the commit module (issue 12): each mutation commits exactly
// the change events its effects name, and a failure half-way through its commit leaves no
// organisation, domain, team, login, customer record, membership or event behind.
// Data from the fixture builders, not the demo seed.
import { describe, expect, test } from 'vitest';
import { changeFeed, tablesOf, userRepository, type Db } from '@handoff/db';
import { buildTeam, buildUser } from '@handoff/db/testing/builders';
import { rejectionOf } from '../test-callers';
import { changeKit, rowCounts, failureText } from '../testing/change-kit';

let db: Db;
const { callerOf, refuseInsertsInto, refuseDeletesFrom } = changeKit((opened) => (db = opened), {
  clock: '2026-12-01T16:00:00.000Z',
});

const counts = () =>
  rowCounts(db, [
    'organisations',
    'organisationDomains',
    'teams',
    'users',
    'customers',
    'teamMembers',
    'changeEvents',
  ]);

/** An administrator, a partner group with two agents, and an organisation it supports. */
async function partnerDesk() {
  const admin = await buildUser(db, { role: 'admin' });
  const group = await buildTeam(db, { name: 'Acme Client Support', kind: 'partner' });
  const parker = await buildUser(db, { role: 'partner_agent', name: 'Parker' }, [group.id]);
  const piper = await buildUser(db, { role: 'partner_agent', name: 'Piper' }, [group.id]);
  const loner = await buildUser(db, { role: 'partner_agent', name: 'Lone Agent' });
  const caller = callerOf(admin.id);
  const organisation = await (
    await caller
  ).organisation.create({
    name: 'Acme',
    domains: ['acme.example'],
    partnerTeamId: group.id,
  });
  return { admin, group, parker, piper, loner, caller, organisation };
}

const password = 'correct-horse-battery-7';

describe('each admin mutation commits exactly the change events its effects name', () => {
  test.each([
    [
      'organisation.create (existing group)',
      async (d: Awaited<ReturnType<typeof partnerDesk>>) => {
        const o = await (
          await d.caller
        ).organisation.create({
          name: 'Beta',
          domains: ['beta.example'],
          partnerTeamId: d.group.id,
        });
        return [{ entity: 'organisation', entityId: o.id, kind: 'created', teamIds: [d.group.id] }];
      },
    ],
    [
      'organisation.create (new group)',
      async (d: Awaited<ReturnType<typeof partnerDesk>>) => {
        const o = await (
          await d.caller
        ).organisation.create({
          name: 'Gamma',
          domains: ['gamma.example'],
          newPartnerTeamName: 'Gamma Client Support',
        });
        return [{ entity: 'organisation', entityId: o.id, kind: 'created', teamIds: [] }];
      },
    ],
    [
      'organisation.setDomains',
      async (d: Awaited<ReturnType<typeof partnerDesk>>) => {
        await (
          await d.caller
        ).organisation.setDomains({
          organisationId: d.organisation.id,
          domains: ['acme.example', 'acme.test'],
        });
        return [
          {
            entity: 'organisation',
            entityId: d.organisation.id,
            kind: 'domains_set',
            teamIds: [d.group.id],
          },
        ];
      },
    ],
    [
      'organisation.createEndUser (by domain)',
      async (d: Awaited<ReturnType<typeof partnerDesk>>) => {
        await (
          await d.caller
        ).organisation.createEndUser({
          name: 'Rae',
          email: 'rae@acme.example',
          password,
          organisationId: null,
        });
        return [
          { entity: 'organisation', entityId: d.organisation.id, kind: 'end_user_added.domain' },
        ];
      },
    ],
    [
      'organisation.createGroupMember',
      async (d: Awaited<ReturnType<typeof partnerDesk>>) => {
        await (
          await d.caller
        ).organisation.createGroupMember({
          teamId: d.group.id,
          name: 'Quinn',
          email: 'quinn@agent.example',
          password,
        });
        return [
          { entity: 'team', entityId: d.group.id, kind: 'member_added', teamIds: [d.group.id] },
        ];
      },
    ],
    [
      'organisation.addGroupMember',
      async (d: Awaited<ReturnType<typeof partnerDesk>>) => {
        await (
          await d.caller
        ).organisation.addGroupMember({ teamId: d.group.id, userId: d.loner.id });
        return [
          {
            entity: 'team',
            entityId: d.group.id,
            kind: 'member_added',
            teamIds: [d.group.id],
            userIds: [d.loner.id],
          },
        ];
      },
    ],
    [
      'organisation.removeGroupMember',
      async (d: Awaited<ReturnType<typeof partnerDesk>>) => {
        await (
          await d.caller
        ).organisation.removeGroupMember({ teamId: d.group.id, userId: d.piper.id });
        return [
          {
            entity: 'team',
            entityId: d.group.id,
            kind: 'member_removed',
            teamIds: [d.group.id],
            userIds: [d.piper.id],
          },
        ];
      },
    ],
  ])('%s', async (_, run) => {
    const d = await partnerDesk();
    const before = await changeFeed.findLatestChangeId(db);
    const expected = await run(d);
    const events = await changeFeed.findChangesSince(db, before);
    expect(events).toMatchObject(expected.map((e) => ({ ...e, actorId: d.admin.id })));
    expect(events).toHaveLength(expected.length);
  });
});

describe('a failure half-way through an admin commit leaves nothing behind', () => {
  test.each([['organisation_domains'], ['change_events']])(
    'organisation.create with a new group failing at %s: no team, organisation, domain or event',
    async (table) => {
      const { caller } = await partnerDesk();
      const before = await counts();
      await refuseInsertsInto(table);
      const call = (await caller).organisation.create({
        name: 'Gamma',
        domains: ['gamma.example'],
        newPartnerTeamName: 'Gamma Client Support',
      });
      expect(failureText(await rejectionOf(call))).toMatch(/disk full/);
      expect(await counts()).toEqual(before);
    },
  );

  test.each([['organisation_domains'], ['change_events']])(
    'organisation.setDomains failing at %s: the old domains stay',
    async (table) => {
      const { caller, organisation } = await partnerDesk();
      const { organisationDomains } = tablesOf(db);
      const domains = () =>
        db.select().from(organisationDomains).orderBy(organisationDomains.domain);
      const before = await domains();
      await refuseInsertsInto(table);
      const call = (await caller).organisation.setDomains({
        organisationId: organisation.id,
        domains: ['acme.test'],
      });
      expect(failureText(await rejectionOf(call))).toMatch(/disk full/);
      expect(await domains()).toEqual(before);
    },
  );

  test.each([['users'], ['change_events']])(
    'organisation.createEndUser failing at %s: no customer record, login or event',
    async (table) => {
      const { caller } = await partnerDesk();
      const before = await counts();
      await refuseInsertsInto(table);
      const call = (await caller).organisation.createEndUser({
        name: 'Rae',
        email: 'rae@acme.example',
        password,
        organisationId: null,
      });
      expect(failureText(await rejectionOf(call))).toMatch(/disk full/);
      expect(await counts()).toEqual(before);
    },
  );

  test.each([['team_members'], ['change_events']])(
    'organisation.createGroupMember failing at %s: no login, membership or event',
    async (table) => {
      const { caller, group } = await partnerDesk();
      const before = await counts();
      await refuseInsertsInto(table);
      const call = (await caller).organisation.createGroupMember({
        teamId: group.id,
        name: 'Quinn',
        email: 'quinn@agent.example',
        password,
      });
      expect(failureText(await rejectionOf(call))).toMatch(/disk full/);
      expect(await counts()).toEqual(before);
    },
  );

  test('organisation.addGroupMember failing at the change feed: not a member', async () => {
    const { caller, group, loner } = await partnerDesk();
    const before = await counts();
    await refuseInsertsInto('change_events');
    const call = (await caller).organisation.addGroupMember({ teamId: group.id, userId: loner.id });
    expect(failureText(await rejectionOf(call))).toMatch(/disk full/);
    expect(await counts()).toEqual(before);
  });

  test.each([
    ['at the change feed', () => refuseInsertsInto('change_events')],
    ['at the delete itself', () => refuseDeletesFrom('team_members')],
  ])('organisation.removeGroupMember failing %s: still a member', async (_, refuse) => {
    const { caller, group, piper } = await partnerDesk();
    const before = await counts();
    await refuse();
    const call = (await caller).organisation.removeGroupMember({
      teamId: group.id,
      userId: piper.id,
    });
    expect(failureText(await rejectionOf(call))).toMatch(/disk full/);
    expect(await counts()).toEqual(before);
    expect((await userRepository.findActorById(db, piper.id))!.teamIds).toEqual([group.id]);
  });
});
