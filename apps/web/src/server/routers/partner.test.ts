import { beforeEach, describe, expect, test } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { type TRPCError } from '@trpc/server';
import { DomainError } from '@handoff/domain';
import { first, tablesOf, teamRepository, type Db } from '@handoff/db';
import { demoKeys } from '@handoff/db/testing';
import { callerFor, rejectionOf, steppingClock, useSeededDbs } from '../test-callers';

const dbs = useSeededDbs();
let db: Db;
let clock: () => string;
beforeEach(() => {
  db = dbs.db;
  clock = steppingClock();
});

const as = (email: string) => callerFor(db, email, clock);
const rita = () => as('rita@badgerhealth.example');
const parker = () => as('partner@handoff.test');
const piper = () => as('partner2@handoff.test');
const tatum = () => as('tier2@handoff.test');
const toby = () => as('tier2b@handoff.test');

const outboxTo = (address: string) => {
  const { outbox } = tablesOf(db);
  return db.select().from(outbox).where(eq(outbox.toAddress, address)).orderBy(outbox.id);
};
const rowsIn = async (table: 'incidents' | 'customers') =>
  (await first(db.select({ n: count() }).from(tablesOf(db)[table])))!.n;
const incidentCount = () => rowsIn('incidents');
const incidentRow = async (id: number) => {
  const { incidents } = tablesOf(db);
  return (await first(db.select().from(incidents).where(eq(incidents.id, id))))!;
};
const userByEmail = async (email: string) => {
  const { users } = tablesOf(db);
  return (await first(db.select().from(users).where(eq(users.email, email))))!;
};

async function submitted(description = 'Patient portal login loops back to the sign-in page.') {
  return (await rita()).partner.submit({ description });
}

async function claimedByParker() {
  const ticket = await submitted();
  await (await parker()).partner.claim({ incidentId: ticket.id });
  return ticket;
}

/** Adds partner agents to Badger Health's group, returning their e-mails. */
async function addPartnerAgents(n: number): Promise<string[]> {
  const team = (await teamRepository.findByName(db, 'Badger Health Client Support'))!.id;
  const { users, teamMembers } = tablesOf(db);
  const emails: string[] = [];
  for (let i = 0; i < n; i++) {
    const email = `agent${i}@partner.test`;
    const [user] = await db
      .insert(users)
      .values({ email, name: `Agent ${i}`, role: 'partner_agent', passwordHash: 'unused' })
      .returning();
    await db.insert(teamMembers).values({ userId: user!.id, teamId: team });
    emails.push(email);
  }
  return emails;
}

describe('partner.submit (kb 003 rules 2–3)', () => {
  test('a member of a supported organisation submits: the group queue has it and every member is notified in the app and by e-mail', async () => {
    const ticket = await submitted();
    expect(await incidentRow(ticket.id)).toMatchObject({
      ownerAgentId: null,
      status: 'new',
      channel: 'portal',
    });
    for (const [caller, address] of [
      [await parker(), 'partner@handoff.test'],
      [await piper(), 'partner2@handoff.test'],
    ] as const) {
      const { items, unread } = await caller.notification.mine();
      expect(items[0]).toMatchObject({
        incidentNumber: ticket.number,
        subject: `Your input is needed on [${ticket.number}]: new ticket from Rita Requester (Badger Health)`,
        readAt: null,
      });
      expect(unread).toBe(1);
      expect((await outboxTo(address)).map((m) => m.template)).toEqual(['partner-new-ticket']);
    }
    const queue = await (
      await piper()
    ).queue.list({ teamId: (await incidentRow(ticket.id)).ownerTeamId });
    expect(queue.items.map((i) => i.number)).toContain(ticket.number);
  });

  test('a requester on an unknown domain is refused with the reason, and nothing is created', async () => {
    const casey = await as('customer@handoff.test');
    const before = await incidentCount();
    expect(await casey.partner.myOrganisation()).toEqual({
      organisation: null,
      refusal: expect.stringContaining(
        'No supported organisation uses the e-mail domain grad.wisc.edu',
      ),
    });
    const error = await rejectionOf(casey.partner.submit({ description: 'Help' }));
    expect(error).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('ask your channel partner to send us the domain'),
    });
    expect(await incidentCount()).toBe(before);
  });

  test('an end user on an organisation domain not placed yet is placed by the domain when they submit', async () => {
    const { customers, users } = tablesOf(db);
    const customer = (
      await db
        .insert(customers)
        .values({
          name: 'Lee New',
          netId: 'lee@badgerhealth.example',
          email: 'lee@badgerhealth.example',
        })
        .returning()
    )[0]!;
    await db.insert(users).values({
      email: 'lee@badgerhealth.example',
      name: 'Lee New',
      role: 'customer',
      passwordHash: 'unused',
      customerId: customer.id,
    });
    const lee = await as('lee@badgerhealth.example');
    expect(await lee.partner.myOrganisation()).toEqual({
      organisation: { name: 'Badger Health', partnerTeamName: 'Badger Health Client Support' },
      refusal: null,
    });
    await lee.partner.submit({ description: 'Cannot print discharge papers.' });
    expect(
      await first(db.select().from(customers).where(eq(customers.id, customer.id))),
    ).toMatchObject({
      organisationId: demoKeys(db).organisation('Badger Health').id,
      organisation: 'Badger Health',
    });
  });

  test('a blank description → BAD_REQUEST at the field', async () => {
    const before = await incidentCount();
    const error = await rejectionOf((await rita()).partner.submit({ description: '  ' }));
    expect(error).toMatchObject({ code: 'BAD_REQUEST' });
    expect(await incidentCount()).toBe(before);
  });
});

describe('partner.claim: first claim wins', () => {
  test('50 concurrent claims through the router: exactly one assignee, 49 refusals naming them; the group told once', async () => {
    const ticket = await submitted();
    const emails = [
      'partner@handoff.test',
      'partner2@handoff.test',
      ...(await addPartnerAgents(48)),
    ];
    const settled = await Promise.allSettled(
      emails.map(async (email) => (await as(email)).partner.claim({ incidentId: ticket.id })),
    );

    const won = settled.flatMap((s, i) => (s.status === 'fulfilled' ? [emails[i]!] : []));
    expect(won).toHaveLength(1);
    const winner = await userByEmail(won[0]!);
    const refusals = settled.flatMap((s) =>
      s.status === 'rejected' ? [s.reason as TRPCError] : [],
    );
    expect(refusals).toHaveLength(49);
    for (const r of refusals) {
      expect(r).toMatchObject({
        code: 'CONFLICT',
        message: `${ticket.number} was already claimed by ${winner.name}.`,
      });
      expect(r.cause).toBeInstanceOf(DomainError);
    }
    expect(await incidentRow(ticket.id)).toMatchObject({
      ownerAgentId: winner.id,
      status: 'in_progress',
      version: 2,
    });
    const { outbox } = tablesOf(db);
    const claimMails = await db
      .select()
      .from(outbox)
      .where(eq(outbox.template, 'partner-claimed'))
      .orderBy(outbox.id);
    expect(claimMails).toHaveLength(50);
    expect(new Set(claimMails.map((m) => m.subject))).toEqual(
      new Set([`[${ticket.number}] claimed by ${winner.name}`]),
    );
    const panel = await (await parker()).partner.forIncident({ incidentId: ticket.id });
    expect(panel?.hops.map((h) => h.kind)).toEqual(['submitted', 'claimed']);
    expect(panel?.relationshipAgentName).toBe(winner.name);
  });

  test('the second partner agent is told who has it', async () => {
    const ticket = await claimedByParker();
    expect(
      await rejectionOf((await piper()).partner.claim({ incidentId: ticket.id })),
    ).toMatchObject({
      code: 'CONFLICT',
      message: `${ticket.number} was already claimed by Parker Partner.`,
    });
    const panel = await (await piper()).partner.forIncident({ incidentId: ticket.id });
    expect(panel?.actions.claim.disabledReason).toBe(
      `${ticket.number} was already claimed by Parker Partner.`,
    );
  });

  test('Take ownership cannot go around the claim', async () => {
    const ticket = await submitted();
    // Partner agents do not have the step at all; an admin is stopped by the partner-ticket rule first.
    expect(
      await rejectionOf(
        (await piper()).oneStep.takeOwnership({ incidentId: ticket.id, expectedVersion: 1 }),
      ),
    ).toMatchObject({
      code: 'FORBIDDEN',
      message: 'Your role (partner_agent) may not take ownership of incidents.',
    });
    expect(
      await rejectionOf(
        (await as('admin@handoff.test')).oneStep.takeOwnership({
          incidentId: ticket.id,
          expectedVersion: 1,
        }),
      ),
    ).toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: expect.stringContaining(
        'changes hands only by Claim, Escalate to Tier 2 and Return to agent',
      ),
    });
  });
});

describe('escalation to Tier 2 and back (kb 003 rule 6)', () => {
  test('escalating without a private comment is refused and changes nothing', async () => {
    const ticket = await claimedByParker();
    const before = await incidentRow(ticket.id);
    const error = await rejectionOf(
      (await parker()).partner.escalate({
        incidentId: ticket.id,
        expectedVersion: 2,
        privateComment: '   ',
      }),
    );
    expect(error).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('Write a private comment for Tier 2 first'),
    });
    expect(((error as TRPCError).cause as DomainError).fields).toHaveProperty('privateComment');
    expect(await incidentRow(ticket.id)).toEqual(before);
    expect(await outboxTo('tier2@handoff.test')).toEqual([]);
  });

  test('after escalating, the partner agent is not offered Pull; Tier 2 is (issue 19 item 6)', async () => {
    const ticket = await claimedByParker();
    await (
      await parker()
    ).partner.escalate({
      incidentId: ticket.id,
      expectedVersion: 2,
      privateComment: 'SSO loop; HAR attached.',
    });
    const partnerPanel = await (await parker()).partner.forIncident({ incidentId: ticket.id });
    expect(partnerPanel?.actions.claim).toMatchObject({ label: 'Pull', permitted: false });
    const tier2Panel = await (await tatum()).partner.forIncident({ incidentId: ticket.id });
    expect(tier2Panel?.actions.claim).toEqual({
      label: 'Pull',
      permitted: true,
      disabledReason: null,
    });
  });

  test('only the Tier 2 assignee returns it; the partner agent gets it back with the next input', async () => {
    const ticket = await claimedByParker();
    await (
      await parker()
    ).partner.escalate({
      incidentId: ticket.id,
      expectedVersion: 2,
      privateComment: 'SSO loop; HAR attached.',
    });
    expect(await incidentRow(ticket.id)).toMatchObject({ ownerAgentId: null, status: 'assigned' });
    expect((await (await tatum()).notification.mine()).items[0]?.subject).toBe(
      `Your input is needed on [${ticket.number}]`,
    );

    await (await tatum()).partner.claim({ incidentId: ticket.id });
    expect(
      await rejectionOf((await toby()).partner.claim({ incidentId: ticket.id })),
    ).toMatchObject({
      code: 'CONFLICT',
      message: `${ticket.number} was already pulled by Tatum Tier2.`,
    });
    expect(
      await rejectionOf(
        (await toby()).partner.return({
          incidentId: ticket.id,
          expectedVersion: 4,
          privateComment: 'x',
        }),
      ),
    ).toMatchObject({
      code: 'FORBIDDEN',
      message: `Only Tatum Tier2, who pulled ${ticket.number}, may return it.`,
    });
    expect(
      await rejectionOf(
        (await parker()).partner.return({
          incidentId: ticket.id,
          expectedVersion: 4,
          privateComment: 'x',
        }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      await rejectionOf(
        (await tatum()).partner.return({ incidentId: ticket.id, expectedVersion: 4 }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST' });
    await (
      await tatum()
    ).partner.comment({
      incidentId: ticket.id,
      body: 'IdP certificate expired; renewed.',
      visibility: 'internal',
    });
    await (await tatum()).partner.return({ incidentId: ticket.id, expectedVersion: 4 });

    const parkerId = (await userByEmail('partner@handoff.test')).id;
    expect(await incidentRow(ticket.id)).toMatchObject({
      ownerTeamId: (await teamRepository.findByName(db, 'Badger Health Client Support'))!.id,
      ownerAgentId: parkerId,
      version: 5,
    });
    const panel = await (await parker()).partner.forIncident({ incidentId: ticket.id });
    expect(panel).toMatchObject({
      phase: 'with_partner',
      roundTrips: 1,
      roundTripsText: '1 round trip',
      relationshipAgentName: 'Parker Partner',
    });
    expect(panel?.hops.map((h) => [h.kind, h.actorName, h.toTeamName, h.toAgentName])).toEqual([
      ['submitted', 'Rita Requester', 'Badger Health Client Support', null],
      ['claimed', 'Parker Partner', 'Badger Health Client Support', 'Parker Partner'],
      ['escalated', 'Parker Partner', 'Tier 2 Support', null],
      ['pulled', 'Tatum Tier2', 'Tier 2 Support', 'Tatum Tier2'],
      ['returned', 'Tatum Tier2', 'Badger Health Client Support', 'Parker Partner'],
    ]);
    expect(panel?.hops.every((h) => /\d+ (s|min|h|d)/.test(h.waited))).toBe(true);
    expect((await outboxTo('partner@handoff.test')).at(-1)).toMatchObject({
      subject: `Your input is needed on [${ticket.number}]`,
      template: 'partner-input-needed',
    });
  });

  test('Tier 2 cannot talk to the requester, through either comment procedure', async () => {
    const ticket = await claimedByParker();
    await (
      await parker()
    ).partner.escalate({
      incidentId: ticket.id,
      expectedVersion: 2,
      privateComment: 'Stuck.',
    });
    await (await tatum()).partner.claim({ incidentId: ticket.id });
    // One call at a time: a refusal that comes back while the next caller is looked up is awaited.
    for (const call of [
      async () =>
        (await tatum()).partner.comment({
          incidentId: ticket.id,
          body: 'Hi Rita, Tatum here.',
          visibility: 'customer',
        }),
      async () =>
        (await tatum()).incident.addNote({
          incidentId: ticket.id,
          body: 'Hi Rita, Tatum here.',
          visibility: 'customer',
        }),
    ]) {
      expect(await rejectionOf(call())).toMatchObject({
        code: 'FORBIDDEN',
        message: expect.stringContaining('Tier 2 comments are private'),
      });
    }
    // While Tier 2 holds it, the requester still sees it with the partner group.
    const seen = JSON.stringify([
      await (await rita()).incident.byNumber({ number: ticket.number }),
      await (await rita()).incident.myCases({}),
    ]);
    expect(seen).toContain('Badger Health Client Support');
    for (const hidden of ['Tatum', 'Tier 2']) expect(seen).not.toContain(hidden);
  });
});

describe('privacy: what the requester can fetch for a ticket with private comments', () => {
  const privateTexts = [
    'PRIVATE-1 escalation: SSO redirect loops, HAR attached.',
    'PRIVATE-2 Tier 2 found the IdP certificate expired.',
    'PRIVATE-3 partner note: requester is on the old build.',
    'PRIVATE-4 second escalation: still loops on Safari.',
    'PRIVATE-5 Tier 2: Safari blocks third-party cookies.',
  ];
  const tier2Names = ['Tatum', 'Toby', 'Tier2', 'Tier 2'];
  const firstAnswer = 'PUBLIC-1 Please sign in again; we renewed a certificate.';
  const secondAnswer = 'PUBLIC-2 In Safari, allow cookies for the portal and sign in again.';

  test('two round trips later, no response and no e-mail to the requester holds private text or a Tier 2 name', async () => {
    const ticket = await claimedByParker();
    let version = 2;
    const bump = () => ++version;
    await (
      await parker()
    ).partner.escalate({
      incidentId: ticket.id,
      expectedVersion: version,
      privateComment: privateTexts[0],
    });
    bump();
    await (await tatum()).partner.claim({ incidentId: ticket.id });
    bump();
    await (
      await tatum()
    ).partner.return({
      incidentId: ticket.id,
      expectedVersion: version,
      privateComment: privateTexts[1],
    });
    bump();
    await (
      await parker()
    ).incident.addNote({
      incidentId: ticket.id,
      body: privateTexts[2]!,
      visibility: 'internal',
    });
    await (
      await parker()
    ).partner.comment({
      incidentId: ticket.id,
      body: firstAnswer,
      visibility: 'customer',
    });
    bump();
    expect((await incidentRow(ticket.id)).status).toBe('pending_customer');
    await (
      await rita()
    ).incident.addNote({
      incidentId: ticket.id,
      body: 'Still loops in Safari.',
      visibility: 'customer',
    });
    bump();
    expect((await (await parker()).notification.mine()).items[0]?.subject).toBe(
      `Your input is needed on [${ticket.number}]`,
    );
    await (
      await parker()
    ).partner.escalate({
      incidentId: ticket.id,
      expectedVersion: version,
      privateComment: privateTexts[3],
    });
    bump();
    await (await toby()).partner.claim({ incidentId: ticket.id });
    bump();
    await (
      await toby()
    ).partner.comment({
      incidentId: ticket.id,
      body: privateTexts[4]!,
      visibility: 'internal',
    });
    await (await toby()).partner.return({ incidentId: ticket.id, expectedVersion: version });
    bump();
    await (
      await parker()
    ).partner.comment({
      incidentId: ticket.id,
      body: secondAnswer,
      visibility: 'customer',
    });
    expect(await (await parker()).partner.forIncident({ incidentId: ticket.id })).toMatchObject({
      roundTrips: 2,
      roundTripsText: '2 round trips',
    });

    const requester = await rita();
    const view = await requester.incident.byNumber({ number: ticket.number });
    const everything = JSON.stringify([
      view,
      await requester.incident.myCases({}),
      await requester.partner.myOrganisation(),
    ]);
    const mails = JSON.stringify(await outboxTo('rita@badgerhealth.example'));

    // The public answers do reach the requester, as the partner agent's, so the checks below can fail.
    expect(everything).toContain(firstAnswer);
    expect(everything).toContain(secondAnswer);
    expect(mails).toContain(firstAnswer);
    expect(mails).toContain(secondAnswer);
    expect(view).toMatchObject({
      audience: 'customer',
      ownerTeamName: 'Badger Health Client Support',
    });
    if (view.audience !== 'customer') throw new Error('customer view expected');
    expect(view.journal.map((j) => ('authorName' in j ? j.authorName : null))).toEqual([
      'Parker Partner, Badger Health Client Support',
      'You',
      'Parker Partner, Badger Health Client Support',
    ]);
    for (const hidden of [...privateTexts, ...tier2Names]) {
      expect(everything).not.toContain(hidden);
      expect(mails).not.toContain(hidden);
    }
    // Staff do see them: the filter is what keeps them from the requester.
    expect(
      JSON.stringify(await (await parker()).incident.byNumber({ number: ticket.number })),
    ).toContain(privateTexts[4]);

    // Nothing else about the ticket is open to the requester.
    for (const call of [
      requester.partner.forIncident({ incidentId: ticket.id }),
      requester.routing.decide({ incidentId: ticket.id }),
      requester.consult.forIncident({ incidentId: ticket.id }),
    ]) {
      expect(await rejectionOf(call)).toMatchObject({ code: 'FORBIDDEN' });
    }
  });

  test('another requester of the same organisation cannot read the ticket', async () => {
    const ticket = await submitted();
    expect(
      await rejectionOf(
        (await as('bao@badgerhealth.example')).incident.byNumber({ number: ticket.number }),
      ),
    ).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('organisation admin', () => {
  const admin = () => as('admin@handoff.test');

  test.each([
    [
      'an address on the organisation domain is placed automatically',
      { email: 'pat@badgerhealth.example', organisationId: null },
      'Badger Health',
      'domain',
    ],
    [
      'a webmail test user is placed in the chosen organisation',
      {
        email: 'bh.tester@gmail.com',
        get organisationId() {
          return demoKeys(db).organisation('Badger Health').id;
        },
      },
      'Badger Health',
      'manual',
    ],
  ])('%s', async (_name, input, organisationName, how) => {
    const created = await (
      await admin()
    ).organisation.createEndUser({
      name: 'Pat Tester',
      password: 'long-enough',
      ...input,
    });
    expect(created).toMatchObject({ organisationName, how });
    // The new end user signs in to Help Online and submits to their channel partner.
    const ticket = await (
      await as(input.email)
    ).partner.submit({
      description: 'Test ticket from the new user.',
    });
    expect((await incidentRow(ticket.id)).ownerAgentId).toBeNull();
  });

  test.each([
    [
      'free-mail, placed by domain',
      { email: 'pat@gmail.com', organisationId: null },
      'gmail.com is a free-mail domain',
    ],
    [
      'an unknown domain',
      { email: 'pat@acme.example', organisationId: null },
      'No supported organisation uses the e-mail domain acme.example',
    ],
    [
      'an address already in use',
      { email: 'rita@badgerhealth.example', organisationId: null },
      'rita@badgerhealth.example is already in use.',
    ],
  ])('%s → BAD_REQUEST with the reason, nothing created', async (_name, input, message) => {
    const before = await rowsIn('customers');
    expect(
      await rejectionOf(
        (await admin()).organisation.createEndUser({
          name: 'Pat',
          password: 'long-enough',
          ...input,
        }),
      ),
    ).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining(message),
    });
    expect(await rowsIn('customers')).toBe(before);
  });

  test('an organisation with a new partner group; free-mail and taken domains refused', async () => {
    expect(
      await rejectionOf(
        (await admin()).organisation.create({
          name: 'Acme',
          domains: 'acme.example, gmail.com',
          newPartnerTeamName: 'Acme Support',
        }),
      ),
    ).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('gmail.com is a free-mail domain'),
    });
    expect(
      await rejectionOf(
        (await admin()).organisation.create({
          name: 'Acme',
          domains: ['badgerhealth.example'],
          newPartnerTeamName: 'Acme Support',
        }),
      ),
    ).toMatchObject({
      message: expect.stringContaining('badgerhealth.example already belongs to Badger Health'),
    });
    const created = await (
      await admin()
    ).organisation.create({
      name: 'Acme',
      domains: 'Acme.example eu.acme.example',
      newPartnerTeamName: 'Acme Support',
    });
    await (
      await admin()
    ).organisation.setDomains({
      organisationId: created.id,
      domains: ['acme.example'],
    });
    const { organisations, partnerTeams } = await (await admin()).organisation.list();
    expect(organisations.find((o) => o.name === 'Acme')).toMatchObject({
      domains: ['acme.example'],
      partnerTeamName: 'Acme Support',
    });
    expect(partnerTeams.map((p) => p.name)).toEqual([
      'Acme Support',
      'Badger Health Client Support',
    ]);
  });

  test('only admins manage organisations', async () => {
    expect(await rejectionOf((await parker()).organisation.list())).toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});

describe('notifications', () => {
  test('marking read clears the unread count, own notifications only', async () => {
    await submitted();
    expect(await (await parker()).notification.unreadCount()).toBe(1);
    expect(await (await parker()).notification.markRead({})).toEqual({ marked: 1 });
    expect(await (await parker()).notification.unreadCount()).toBe(0);
    expect(await (await piper()).notification.unreadCount()).toBe(1);
  });
});
