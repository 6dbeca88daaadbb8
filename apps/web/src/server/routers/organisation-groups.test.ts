// Partner client-support groups and Tier 2 Support: admins manage who is in them (kb 003), and
// membership is what decides who is told of new tickets and escalations.
import { describe, expect, test } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { decideRemoveGroupMember, type Role } from '@handoff/domain';
import {
  changeFeed,
  commit,
  first,
  tablesOf,
  teamRepository,
  verifyPassword,
  type Db,
} from '@handoff/db';
import { demoKeys } from '@handoff/db/testing';
import {
  callerFor,
  loginOf,
  refusalOf,
  rejectionOf,
  steppingClock,
  userIdOf,
  useSeededDbs,
} from '../test-callers';

const dbs = useSeededDbs();
const as = (email: string) => callerFor(dbs.db, email, steppingClock());
const admin = () => as(loginOf.admin);
const rita = () => as('rita@badgerhealth.example');
const parker = () => as('partner@handoff.test');
const tatum = () => as('tier2@handoff.test');

const teamId = async (db: Db, name: string) => (await teamRepository.findByName(db, name))!.id;
const badger = () => teamId(dbs.db, 'Badger Health Client Support');
const tier2 = () => teamId(dbs.db, 'Tier 2 Support');
const helpDesk = () => demoKeys(dbs.db).team('US - Help Desk').id;
/** The id of a seeded demo login. */
const userId = (email: string) => demoKeys(dbs.db).user(email).id;

/** Every row a membership change may write: logins, memberships, customer records. */
async function peopleSnapshot() {
  const { users, teamMembers, customers } = tablesOf(dbs.db);
  return {
    users: await dbs.db.select().from(users).orderBy(asc(users.id)),
    members: await dbs.db
      .select()
      .from(teamMembers)
      .orderBy(asc(teamMembers.teamId), asc(teamMembers.userId)),
    customers: await dbs.db.select().from(customers).orderBy(asc(customers.id)),
  };
}

const membersOf = async (name: string) =>
  (await (await admin()).organisation.groups())
    .find((g) => g.name === name)
    ?.members.map((m) => m.name);
const newTicketSubjects = async (email: string) =>
  (await (await as(email)).notification.mine()).items.map((n) => n.subject);

const quinn = {
  name: 'Quinn Newagent',
  email: 'quinn@aegent.example',
  password: 'quinn-initial-1',
};

describe('who may manage the groups', () => {
  const others: Role[] = [
    'l1',
    'hdqa',
    'cps',
    'es',
    'sncc',
    'technologist',
    'tier2',
    'partner_agent',
    'customer',
  ];

  test.each(others)('%s → FORBIDDEN on every procedure, and nothing changes', async (role) => {
    const caller = await as(loginOf[role]);
    const before = await peopleSnapshot();
    // The ids first: a call made before an await would be refused with nobody listening yet.
    const [badgerId, tier2Id] = [await badger(), await tier2()];
    const calls = [
      caller.organisation.groups(),
      caller.organisation.createGroupMember({ teamId: badgerId, ...quinn }),
      caller.organisation.addGroupMember({ teamId: tier2Id, userId: userId('tier2@handoff.test') }),
      caller.organisation.removeGroupMember({
        teamId: badgerId,
        userId: userId('partner2@handoff.test'),
      }),
    ];
    for (const refusal of await Promise.all(calls.map((call) => refusalOf(call))))
      expect(refusal.code).toBe('FORBIDDEN');
    expect(await peopleSnapshot()).toEqual(before);
  });

  test('nobody signed in → UNAUTHORIZED', async () => {
    expect((await refusalOf((await callerFor(dbs.db, null)).organisation.groups())).code).toBe(
      'UNAUTHORIZED',
    );
  });
});

describe('organisation.groups', () => {
  test('each partner group and then Tier 2 Support, with members, the organisations supported and who else may join', async () => {
    const groups = await (await admin()).organisation.groups();
    expect(
      groups.map((g) => [
        g.name,
        g.kind,
        g.organisations,
        g.members.map((m) => m.name),
        g.candidates.map((c) => c.name),
      ]),
    ).toEqual([
      [
        'Badger Health Client Support',
        'partner',
        ['Badger Health'],
        ['Parker Partner', 'Piper Partner'],
        [],
      ],
      ['Tier 2 Support', 'tier2', [], ['Tatum Tier2', 'Toby Tier2'], []],
    ]);
    expect(groups.flatMap((g) => g.members.map((m) => m.removeRefusal))).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });

  test('a member with an open ticket shows why Remove is disabled, naming the ticket', async () => {
    const ticket = await (await rita()).partner.submit({ description: 'Portal login loops.' });
    await (await parker()).partner.claim({ incidentId: ticket.id });
    const badgerGroup = (await (await admin()).organisation.groups())[0]!;
    expect(badgerGroup.members.find((m) => m.name === 'Parker Partner')?.removeRefusal).toContain(
      `${ticket.number} (assignee and relationship agent)`,
    );
    expect(badgerGroup.members.find((m) => m.name === 'Piper Partner')?.removeRefusal).toBeNull();
  });
});

describe('organisation.createGroupMember', () => {
  test('a new partner agent can sign in and, being in the group, is told of the next ticket from its organisation', async () => {
    const created = await (
      await admin()
    ).organisation.createGroupMember({
      teamId: await badger(),
      ...quinn,
      email: ' Quinn@Aegent.Example ',
    });
    expect(created).toMatchObject({
      name: quinn.name,
      email: quinn.email,
      role: 'partner_agent',
      teamName: 'Badger Health Client Support',
    });

    // Sign-in checks the password against the stored hash exactly so (auth.ts).
    const { users, outbox } = tablesOf(dbs.db);
    const login = (await first(dbs.db.select().from(users).where(eq(users.email, quinn.email))))!;
    expect(login.role).toBe('partner_agent');
    expect(await verifyPassword(quinn.password, login.passwordHash)).toBe(true);
    expect(await verifyPassword('not-the-password', login.passwordHash)).toBe(false);
    expect(await membersOf('Badger Health Client Support')).toEqual([
      'Parker Partner',
      'Piper Partner',
      'Quinn Newagent',
    ]);

    const ticket = await (
      await rita()
    ).partner.submit({ description: 'Cannot print discharge papers.' });
    expect(await newTicketSubjects(quinn.email)).toEqual([
      `Your input is needed on [${ticket.number}]: new ticket from Rita Requester (Badger Health)`,
    ]);
    expect(
      (await dbs.db.select().from(outbox).where(eq(outbox.toAddress, quinn.email))).map(
        (m) => m.template,
      ),
    ).toEqual(['partner-new-ticket']);
    // …and, as a member, may claim it.
    await (await as(quinn.email)).partner.claim({ incidentId: ticket.id });
  });

  test('a new Tier 2 login goes into Tier 2 Support and is told of the next escalation', async () => {
    const created = await (
      await admin()
    ).organisation.createGroupMember({
      teamId: await tier2(),
      name: 'Tess Tiertwo',
      email: 'tess@mei.example',
      password: 'tess-initial-1',
    });
    expect(created).toMatchObject({ role: 'tier2', teamName: 'Tier 2 Support' });
    const ticket = await (await rita()).partner.submit({ description: 'Lab PDF will not open.' });
    await (await parker()).partner.claim({ incidentId: ticket.id });
    await (
      await parker()
    ).partner.escalate({
      incidentId: ticket.id,
      expectedVersion: 2,
      privateComment: 'Viewer says unsupported encryption.',
    });
    expect(
      (await newTicketSubjects('tess@mei.example')).some((s) => s.includes(ticket.number)),
    ).toBe(true);
  });

  test.each([
    [
      'an address a login uses',
      { email: 'partner@handoff.test' },
      'BAD_REQUEST',
      { email: 'Someone already uses this address' },
    ],
    [
      'an address a login uses, in other case',
      { email: 'Partner@Handoff.Test' },
      'BAD_REQUEST',
      { email: 'Someone already uses this address' },
    ],
    [
      'an address a customer record without a login uses',
      { email: 'noor@badgerhealth.example' },
      'BAD_REQUEST',
      { email: 'Someone already uses this address' },
    ],
    [
      'a team that is not a partner group or Tier 2',
      {
        get teamId() {
          return helpDesk();
        },
      },
      'BAD_REQUEST',
      { teamId: 'Choose a partner client-support group or Tier 2 Support.' },
    ],
    [
      'a team that does not exist',
      { teamId: 9999 },
      'BAD_REQUEST',
      { teamId: 'Choose a partner client-support group or Tier 2 Support.' },
    ],
    [
      'a short password (the end-user rule)',
      { password: 'short' },
      'BAD_REQUEST',
      { password: 'Use at least 8 characters' },
    ],
    ['no name', { name: '  ' }, 'BAD_REQUEST', { name: 'Give their name' }],
    [
      'a malformed address',
      { email: 'quinn-at-aegent' },
      'BAD_REQUEST',
      { email: 'Enter a valid e-mail address' },
    ],
  ])('refused: %s, and nothing changes', async (_name, change, code, fields) => {
    const before = await peopleSnapshot();
    const refusal = await refusalOf(
      (await admin()).organisation.createGroupMember({
        teamId: await badger(),
        ...quinn,
        ...change,
      }),
    );
    expect(refusal).toMatchObject({ code, fields });
    expect(await peopleSnapshot()).toEqual(before);
  });
});

describe('organisation.addGroupMember', () => {
  test('an existing partner agent joins a second group and is told of that organisation’s tickets too', async () => {
    const org = await (
      await admin()
    ).organisation.create({
      name: 'Cedar Clinics',
      domains: 'cedarclinics.example',
      newPartnerTeamName: 'Cedar Client Support',
    });
    await (
      await admin()
    ).organisation.createEndUser({
      name: 'Cora Cedar',
      email: 'cora@cedarclinics.example',
      password: 'cora-initial-1',
      organisationId: null,
    });
    const cedar = (await (await admin()).organisation.groups()).find(
      (g) => g.id === org.partnerTeamId,
    )!;
    expect(cedar).toMatchObject({
      members: [],
      candidates: [{ name: 'Parker Partner' }, { name: 'Piper Partner' }],
    });

    expect(
      await (
        await admin()
      ).organisation.addGroupMember({
        teamId: org.partnerTeamId,
        userId: userId('partner@handoff.test'),
      }),
    ).toEqual({
      name: 'Parker Partner',
      teamName: 'Cedar Client Support',
    });
    const ticket = await (
      await as('cora@cedarclinics.example')
    ).partner.submit({
      description: 'Scheduler shows yesterday.',
    });
    expect(await newTicketSubjects('partner@handoff.test')).toEqual([
      `Your input is needed on [${ticket.number}]: new ticket from Cora Cedar (Cedar Clinics)`,
    ]);
    expect(await newTicketSubjects('partner2@handoff.test')).toEqual([]);
    expect(await membersOf('Badger Health Client Support')).toEqual([
      'Parker Partner',
      'Piper Partner',
    ]);
  });

  test.each([
    [
      'a Tier 2 agent into a partner group',
      'Badger Health Client Support',
      'tier2@handoff.test',
      "Only partner agents can be in Badger Health Client Support, a partner client-support group; Tatum Tier2's role is Tier 2 Support.",
    ],
    [
      'an end user into a partner group',
      'Badger Health Client Support',
      'rita@badgerhealth.example',
      "Only partner agents can be in Badger Health Client Support, a partner client-support group; Rita Requester's role is Customer.",
    ],
    [
      'a partner agent into Tier 2 Support',
      'Tier 2 Support',
      'partner@handoff.test',
      "Only Tier 2 agents can be in Tier 2 Support; Parker Partner's role is Partner agent.",
    ],
    [
      'an admin into Tier 2 Support',
      'Tier 2 Support',
      'admin@handoff.test',
      "Only Tier 2 agents can be in Tier 2 Support; Alex Admin's role is Administrator.",
    ],
    [
      'someone already in the group',
      'Badger Health Client Support',
      'partner2@handoff.test',
      'Piper Partner is already in Badger Health Client Support.',
    ],
  ])('refused: %s, and nothing changes', async (_name, group, email, message) => {
    const before = await peopleSnapshot();
    const refusal = await refusalOf(
      (await admin()).organisation.addGroupMember({
        teamId: await teamId(dbs.db, group),
        userId: userId(email),
      }),
    );
    expect(refusal).toEqual({ code: 'BAD_REQUEST', message, fields: { userId: message } });
    expect(await peopleSnapshot()).toEqual(before);
  });

  test.each([
    [
      'nobody by that id',
      async () => ({ teamId: await badger(), userId: 9999 }),
      { userId: 'Choose a person from the list' },
    ],
    [
      'a team that is not a support group',
      () => ({ teamId: helpDesk(), userId: userId('partner@handoff.test') }),
      { teamId: 'Choose a partner client-support group or Tier 2 Support.' },
    ],
  ])('refused: %s', async (_name, input, fields) => {
    const before = await peopleSnapshot();
    expect(
      await refusalOf((await admin()).organisation.addGroupMember(await input())),
    ).toMatchObject({
      code: 'BAD_REQUEST',
      fields,
    });
    expect(await peopleSnapshot()).toEqual(before);
  });
});

describe('organisation.removeGroupMember', () => {
  test('a member with no open tickets leaves, and is no longer told of the group’s new tickets', async () => {
    expect(
      await (
        await admin()
      ).organisation.removeGroupMember({
        teamId: await badger(),
        userId: userId('partner2@handoff.test'),
      }),
    ).toEqual({
      name: 'Piper Partner',
      teamName: 'Badger Health Client Support',
    });
    expect(await membersOf('Badger Health Client Support')).toEqual(['Parker Partner']);
    const ticket = await (await rita()).partner.submit({ description: 'Portal login loops.' });
    expect(await newTicketSubjects('partner@handoff.test')).toHaveLength(1);
    expect(await newTicketSubjects('partner2@handoff.test')).toEqual([]);
    // Out of the group, Piper cannot even see it, let alone claim it.
    expect(
      await rejectionOf(
        (await as('partner2@handoff.test')).partner.claim({ incidentId: ticket.id }),
      ),
    ).toMatchObject({
      code: 'NOT_FOUND',
      message: `No incident ${ticket.number} that you can see.`,
    });
  });

  test('the relationship agent of an open ticket is refused, naming it, through claim, escalation and pull; once resolved they may leave', async () => {
    const ticket = await (await rita()).partner.submit({ description: 'Portal login loops.' });
    await (await parker()).partner.claim({ incidentId: ticket.id });
    const remove = async () =>
      (await admin()).organisation.removeGroupMember({
        teamId: await badger(),
        userId: userId('partner@handoff.test'),
      });
    const before = await peopleSnapshot();
    expect(await refusalOf(remove())).toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: expect.stringContaining(`${ticket.number} (assignee and relationship agent)`),
    });

    await (
      await parker()
    ).partner.escalate({
      incidentId: ticket.id,
      expectedVersion: 2,
      privateComment: 'Stuck on SSO.',
    });
    await (await tatum()).partner.claim({ incidentId: ticket.id });
    expect((await refusalOf(remove())).message).toBe(
      `Parker Partner still works open tickets of Badger Health Client Support: ${ticket.number} (relationship agent). ` +
        'A partner agent keeps the requester through every escalation, so they can leave the group once those tickets are resolved.',
    );
    // Tatum, who pulled it, cannot leave Tier 2 Support either.
    expect(
      await refusalOf(
        (await admin()).organisation.removeGroupMember({
          teamId: await tier2(),
          userId: userId('tier2@handoff.test'),
        }),
      ),
    ).toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: `Tatum Tier2 still works open tickets of Tier 2 Support: ${ticket.number} (assignee). Have them return those tickets to the partner agent first.`,
    });
    expect(await peopleSnapshot()).toEqual(before);

    await (
      await tatum()
    ).partner.return({
      incidentId: ticket.id,
      expectedVersion: 4,
      privateComment: 'Renewed the IdP certificate.',
    });
    await (
      await parker()
    ).oneStep.resolve({
      incidentId: ticket.id,
      expectedVersion: 5,
      resolutionNote: 'Certificate renewed; sign in again.',
    });
    await (
      await admin()
    ).organisation.removeGroupMember({
      teamId: await tier2(),
      userId: userId('tier2@handoff.test'),
    });
    await remove();
    expect(await membersOf('Badger Health Client Support')).toEqual(['Piper Partner']);
  });

  test.each([
    [
      'the last member of a group that supports an organisation',
      'Badger Health Client Support',
      'Piper Partner is the last member of Badger Health Client Support, which supports Badger Health: nobody would be told of their new tickets. Add another agent first.',
    ],
    [
      'the last member of Tier 2 Support',
      'Tier 2 Support',
      'Toby Tier2 is the last member of Tier 2 Support: nobody would be told of escalations. Add another Tier 2 agent first.',
    ],
  ])('refused: %s, and nothing changes', async (_name, group, message) => {
    const [first, last] =
      group === 'Tier 2 Support'
        ? ['tier2@handoff.test', 'tier2b@handoff.test']
        : ['partner@handoff.test', 'partner2@handoff.test'];
    await (
      await admin()
    ).organisation.removeGroupMember({
      teamId: await teamId(dbs.db, group),
      userId: userId(first),
    });
    const before = await peopleSnapshot();
    expect(
      await refusalOf(
        (await admin()).organisation.removeGroupMember({
          teamId: await teamId(dbs.db, group),
          userId: userId(last),
        }),
      ),
    ).toMatchObject({ code: 'PRECONDITION_FAILED', message });
    expect(await peopleSnapshot()).toEqual(before);
  });

  test('the last member of a group that supports no organisation may leave', async () => {
    const org = await (
      await admin()
    ).organisation.create({
      name: 'Cedar Clinics',
      domains: 'cedarclinics.example',
      newPartnerTeamName: 'Cedar Client Support',
    });
    const partner2 = userId('partner2@handoff.test');
    await (
      await admin()
    ).organisation.addGroupMember({ teamId: org.partnerTeamId, userId: partner2 });
    // Cedar still supports Cedar Clinics; a group no organisation uses yet holds nobody to tell.
    expect(
      (
        await refusalOf(
          (await admin()).organisation.removeGroupMember({
            teamId: org.partnerTeamId,
            userId: partner2,
          }),
        )
      ).code,
    ).toBe('PRECONDITION_FAILED');
    const spare = (
      await dbs.db
        .insert(tablesOf(dbs.db).teams)
        .values({ name: 'Spare Client Support', kind: 'partner' })
        .returning()
    )[0]!;
    await (await admin()).organisation.addGroupMember({ teamId: spare.id, userId: partner2 });
    await (await admin()).organisation.removeGroupMember({ teamId: spare.id, userId: partner2 });
    expect(await membersOf('Spare Client Support')).toEqual([]);
  });

  test.each([
    [
      'someone not in the group',
      async () => ({ teamId: await badger(), userId: userId('tier2@handoff.test') }),
      'BAD_REQUEST',
      'That person is not in Badger Health Client Support.',
    ],
    [
      'a team that is not a support group',
      () => ({ teamId: helpDesk(), userId: userId('l1@handoff.test') }),
      'BAD_REQUEST',
      'Choose a partner client-support group or Tier 2 Support.',
    ],
  ])('refused: %s, and nothing changes', async (_name, input, code, message) => {
    const before = await peopleSnapshot();
    expect(
      await refusalOf((await admin()).organisation.removeGroupMember(await input())),
    ).toMatchObject({
      code,
      message,
    });
    expect(await peopleSnapshot()).toEqual(before);
  });
});

describe('membership changes on the change feed', () => {
  test('a removal commits exactly one change event, for the group and the person who left', async () => {
    const before = await changeFeed.findLatestChangeId(dbs.db);
    await (
      await admin()
    ).organisation.removeGroupMember({
      teamId: await badger(),
      userId: userId('partner2@handoff.test'),
    });
    expect(await changeFeed.findChangesSince(dbs.db, before)).toEqual([
      expect.objectContaining({
        entity: 'team',
        entityId: await badger(),
        kind: 'member_removed',
        teamIds: [await badger()],
        userIds: [userId('partner2@handoff.test')],
        actorId: userId(loginOf.admin),
      }),
    ]);
  });

  test('a new login into a group commits one member_added event; a refused add commits none', async () => {
    const before = await changeFeed.findLatestChangeId(dbs.db);
    await (await admin()).organisation.createGroupMember({ teamId: await badger(), ...quinn });
    const added = await refusalOf(
      (await admin()).organisation.addGroupMember({
        teamId: await badger(),
        userId: await userIdOf(dbs.db, quinn.email),
      }),
    );
    expect(added.code).toBe('BAD_REQUEST');
    expect(
      (await changeFeed.findChangesSince(dbs.db, before)).map((c) => [
        c.entity,
        c.entityId,
        c.kind,
      ]),
    ).toEqual([['team', await badger(), 'member_added']]);
  });

  test('a removal decided before someone else removed the same member changes nothing (the delete must take one row)', async () => {
    const piper = userId('partner2@handoff.test');
    const decided = decideRemoveGroupMember({
      group: await teamRepository.findSupportGroup(dbs.db, await badger()),
      userId: piper,
      openTickets: [],
      actorId: userId(loginOf.admin),
      now: '2026-11-25T15:00:00.000Z',
    });
    await (await admin()).organisation.removeGroupMember({ teamId: await badger(), userId: piper });
    const before = {
      people: await peopleSnapshot(),
      change: await changeFeed.findLatestChangeId(dbs.db),
    };
    await expect(commit(dbs.db, decided)).rejects.toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
    expect(await peopleSnapshot()).toEqual(before.people);
    expect(await changeFeed.findChangesSince(dbs.db, before.change)).toEqual([]);
  });
});
