// kb 003: partner agents are a channel partner's people, outside the university. They read and list
// only the channel-partner tickets of their own group, also while Tier 2 Support holds one; every
// other incident answers as if it did not exist, and the desk's other boards are closed to them.
import { describe, expect, test } from 'vitest';
import { eq } from 'drizzle-orm';
import { first, tablesOf, teamRepository, type Db } from '@handoff/db';
import { demoKeys } from '@handoff/db/testing';
import { findReadableAttachment } from '../attachment-download';
import { callerFor, refusalOf, rejectionOf, steppingClock, useSeededDbs } from '../test-callers';
import { handedOnAnyway } from './one-step-scenarios';

const dbs = useSeededDbs();

const groupA = 'Badger Health Client Support';
const groupB = 'Acme Clinics Client Support';
const teamId = async (db: Db, name: string) => (await teamRepository.findByName(db, name))!.id;

/**
 * Two channel partners and the university desk, each with a ticket or incident:
 * - group A (Badger Health): Rita's ticket, claimed by Parker;
 * - group B (Acme Clinics, set up here): Ari's ticket, waiting for Quinn's group;
 * - the university: an incident L1 took on the phone.
 * Each carries an attachment, so the file download is checked too.
 */
async function world() {
  const db = dbs.db;
  const clock = steppingClock();
  const as = (email: string) => callerFor(db, email, clock);
  const admin = await as('admin@handoff.test');
  await admin.organisation.create({
    name: 'Acme Clinics',
    domains: 'acme.example',
    newPartnerTeamName: groupB,
  });
  await admin.organisation.createEndUser({
    name: 'Ari Acme',
    email: 'ari@acme.example',
    password: 'long-enough',
    organisationId: null,
  });
  const { users, teamMembers, attachments, incidents } = tablesOf(db);
  const quinn = (
    await db
      .insert(users)
      .values({
        email: 'quinn@acme-partner.test',
        name: 'Quinn Acme',
        role: 'partner_agent',
        passwordHash: 'unused',
      })
      .returning()
  )[0]!;
  await db.insert(teamMembers).values({ userId: quinn.id, teamId: await teamId(db, groupB) });

  const ticketA = await (
    await as('rita@badgerhealth.example')
  ).partner.submit({
    description: 'A-TICKET patient portal login loops.',
  });
  await (await as('partner@handoff.test')).partner.claim({ incidentId: ticketA.id });
  const ticketB = await (
    await as('ari@acme.example')
  ).partner.submit({
    description: 'B-TICKET scheduling app crashes on start.',
  });
  const university = await (
    await as('l1@handoff.test')
  ).incident.create({
    callerName: 'Oscar Nguyen',
    callerPhone: '608-555-0101',
    serviceId: demoKeys(db).service('Canvas').id,
    description: 'U-INCIDENT Canvas access for a grad student.',
    channel: 'phone',
  });
  const attachmentOf = async (incidentId: number) =>
    (
      await db
        .insert(attachments)
        .values({
          incidentId,
          filename: `file-${incidentId}.txt`,
          contentType: 'text/plain',
          size: 2,
          content: Buffer.from('hi'),
          createdAt: clock(),
        })
        .returning()
    )[0]!.id;
  const universityNumbers = (
    await db.select({ number: incidents.number }).from(incidents).orderBy(incidents.id)
  )
    .map((r) => r.number)
    .filter((n) => n !== ticketA.number && n !== ticketB.number);
  return {
    db,
    as,
    parker: () => as('partner@handoff.test'),
    piper: () => as('partner2@handoff.test'),
    quinn: () => as('quinn@acme-partner.test'),
    ticketA,
    ticketB,
    university,
    universityNumbers,
    files: {
      a: await attachmentOf(ticketA.id),
      b: await attachmentOf(ticketB.id),
      university: await attachmentOf(university.id),
    },
  };
}

type World = Awaited<ReturnType<typeof world>>;
type Caller = Awaited<ReturnType<World['as']>>;
type Target = { id: number; number: string };

/** Every procedure that opens one incident, as a partner agent can call it (version 1 where one is asked). */
const readingCalls: [string, (c: Caller, t: Target) => Promise<unknown>][] = [
  [
    'incident.byNumber (fields, journal, audit)',
    (c, t) => c.incident.byNumber({ number: t.number }),
  ],
  [
    'incident.edit',
    (c, t) => c.incident.edit({ id: t.id, expectedVersion: 1, patch: { description: 'x' } }),
  ],
  [
    'incident.addNote',
    (c, t) => c.incident.addNote({ incidentId: t.id, body: 'x', visibility: 'internal' }),
  ],
  ['mail.attachments', (c, t) => c.mail.attachments({ incidentId: t.id })],
  ['routing.decide', (c, t) => c.routing.decide({ incidentId: t.id })],
  ['consult.forIncident', (c, t) => c.consult.forIncident({ incidentId: t.id })],
  ['partner.forIncident', (c, t) => c.partner.forIncident({ incidentId: t.id })],
  ['partner.claim', (c, t) => c.partner.claim({ incidentId: t.id })],
  [
    'partner.escalate',
    (c, t) => c.partner.escalate({ incidentId: t.id, expectedVersion: 1, privateComment: 'x' }),
  ],
  [
    'partner.comment',
    (c, t) => c.partner.comment({ incidentId: t.id, body: 'x', visibility: 'internal' }),
  ],
  [
    'oneStep.resolve',
    (c, t) => c.oneStep.resolve({ incidentId: t.id, expectedVersion: 1, resolutionNote: 'x' }),
  ],
  [
    'oneStep.reopen',
    (c, t) => c.oneStep.reopen({ incidentId: t.id, expectedVersion: 1, reason: 'x' }),
  ],
];

/** Nothing about the incident may change when a call is refused. */
const rowOf = async (db: Db, id: number) => {
  const { incidents, journalEntries } = tablesOf(db);
  return {
    incident: await first(db.select().from(incidents).where(eq(incidents.id, id))),
    journal: (await db.select().from(journalEntries).where(eq(journalEntries.incidentId, id)))
      .length,
  };
};
/** Puts an incident in a team's queue directly (as an earlier route could have). */
const placeIncident = async (
  db: Db,
  id: number,
  owner: { ownerTeamId: number; ownerAgentId: number | null },
) => {
  const { incidents } = tablesOf(db);
  await db.update(incidents).set(owner).where(eq(incidents.id, id));
};

describe("a partner agent reads their own group's tickets", () => {
  test('everything on the ticket page, while their group holds it and after escalation to Tier 2 Support', async () => {
    const w = await world();
    const { ticketA } = w;
    const readAll = async (c: Caller) => {
      const view = await c.incident.byNumber({ number: ticketA.number });
      expect(view).toMatchObject({ audience: 'staff', incident: { number: ticketA.number } });
      if (view.audience !== 'staff') throw new Error('staff view expected');
      expect(view.journal.length).toBeGreaterThan(0);
      expect(view.audit.length).toBeGreaterThan(0);
      expect(await c.mail.attachments({ incidentId: ticketA.id })).toEqual([
        expect.objectContaining({ id: w.files.a }),
      ]);
      expect(await c.partner.forIncident({ incidentId: ticketA.id })).toMatchObject({
        partnerTeamName: groupA,
      });
      expect(await c.consult.forIncident({ incidentId: ticketA.id })).toMatchObject({
        consult: null,
      });
      return view;
    };
    // Piper, who did not claim it, reads it too: the scope is the group, not the assignee.
    for (const c of [await w.parker(), await w.piper()]) await readAll(c);
    await (
      await w.parker()
    ).incident.addNote({
      incidentId: ticketA.id,
      body: 'Private: reproduced on two devices.',
      visibility: 'internal',
    });

    await (
      await w.parker()
    ).partner.escalate({
      incidentId: ticketA.id,
      expectedVersion: 2,
      privateComment: 'Stuck: SSO loop.',
    });
    const tier2 = await teamId(w.db, 'Tier 2 Support');
    for (const c of [await w.parker(), await w.piper()]) {
      const view = await readAll(c);
      expect(view).toMatchObject({
        ownerTeamName: 'Tier 2 Support',
        incident: { ownerTeamId: tier2 },
      });
    }
    // The relationship agent keeps the requester while Tier 2 works it.
    await (
      await w.parker()
    ).partner.comment({
      incidentId: ticketA.id,
      body: 'Still on it, Rita.',
      visibility: 'customer',
    });
    expect(
      await findReadableAttachment(w.db, await actorOf(w, 'partner@handoff.test'), w.files.a),
    ).toMatchObject({ id: w.files.a });
  });

  test("they may not re-point their ticket at a university customer to read that customer's record", async () => {
    const w = await world();
    const before = await rowOf(w.db, w.ticketA.id);
    const refusal = await refusalOf(
      (await w.parker()).incident.edit({
        id: w.ticketA.id,
        expectedVersion: 2,
        patch: { customerId: demoKeys(w.db).customer('aaims').id },
      }),
    );
    expect(refusal).toMatchObject({
      code: 'FORBIDDEN',
      fields: { customerId: expect.stringMatching(/cannot be changed/) },
    });
    expect(await rowOf(w.db, w.ticketA.id)).toEqual(before);
    // Other fields they may still edit.
    expect(
      await (
        await w.parker()
      ).incident.edit({
        id: w.ticketA.id,
        expectedVersion: 2,
        patch: { computerName: 'BH-LT-7' },
      }),
    ).toMatchObject({ changed: 1 });
  });

  test('Tier 2 and the university desk read every ticket and incident, as before', async () => {
    const w = await world();
    for (const email of ['tier2@handoff.test', 'l1@handoff.test', 'admin@handoff.test']) {
      for (const t of [w.ticketA, w.ticketB, w.university]) {
        expect(await (await w.as(email)).incident.byNumber({ number: t.number })).toMatchObject({
          audience: 'staff',
        });
      }
    }
  });
});

describe('a partner agent is told other incidents do not exist, through every reading procedure', () => {
  const cases = [
    ["another group's ticket", (w: World) => w.ticketB],
    ['an ordinary university incident', (w: World) => w.university],
  ] as const;

  test.each(
    cases.flatMap(([what, pick]) =>
      readingCalls.map(([name, call]) => [`${name}: ${what}`, pick, call] as const),
    ),
  )('%s → NOT_FOUND, nothing changed', async (_name, pick, call) => {
    const w = await world();
    const target = pick(w);
    const before = await rowOf(w.db, target.id);
    const error = await rejectionOf(call(await w.parker(), target));
    expect(error).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/^No incident (#\d+|INC-\d{6}) that you can see\.$/),
    });
    expect(await rowOf(w.db, target.id)).toEqual(before);
  });

  test("the other group's agent is refused group A's ticket the same way, also while Tier 2 holds it", async () => {
    const w = await world();
    await (
      await w.parker()
    ).partner.escalate({ incidentId: w.ticketA.id, expectedVersion: 2, privateComment: 'Stuck.' });
    for (const [, call] of readingCalls) {
      expect(await rejectionOf(call(await w.quinn(), w.ticketA))).toMatchObject({
        code: 'NOT_FOUND',
      });
    }
    // Quinn reads their own group's ticket.
    expect(await (await w.quinn()).incident.byNumber({ number: w.ticketB.number })).toMatchObject({
      audience: 'staff',
    });
  });

  test('attachment downloads: only the files of their own tickets', async () => {
    const w = await world();
    const parker = await actorOf(w, 'partner@handoff.test');
    expect(await findReadableAttachment(w.db, parker, w.files.a)).toMatchObject({ id: w.files.a });
    expect(await findReadableAttachment(w.db, parker, w.files.b)).toBeUndefined();
    expect(await findReadableAttachment(w.db, parker, w.files.university)).toBeUndefined();
    // The university desk still downloads all of them.
    const l1 = await actorOf(w, 'l1@handoff.test');
    for (const id of Object.values(w.files))
      expect(await findReadableAttachment(w.db, l1, id)).toMatchObject({ id });
  });

  test('the desk cannot hand a university incident to a partner group (its details would reach them as a notification)', async () => {
    const w = await world();
    const before = {
      ...(await rowOf(w.db, w.university.id)),
      notices: (await (await w.parker()).notification.mine()).items.length,
    };
    const refusal = await refusalOf(
      (await w.as('l1@handoff.test')).oneStep.escalateToTeam({
        ...handedOnAnyway,
        incidentId: w.university.id,
        expectedVersion: 1,
        teamId: await teamId(w.db, groupA),
        note: 'Theirs?',
      }),
    );
    expect(refusal).toMatchObject({
      code: 'BAD_REQUEST',
      fields: {
        teamId:
          "Badger Health Client Support is a channel partner's group: it takes only its organisations' tickets.",
      },
    });
    expect({
      ...(await rowOf(w.db, w.university.id)),
      notices: (await (await w.parker()).notification.mine()).items.length,
    }).toEqual(before);
  });

  test('a university incident put in the partner group’s queue (by any route) stays out of their sight', async () => {
    const w = await world();
    await placeIncident(w.db, w.university.id, {
      ownerTeamId: await teamId(w.db, groupA),
      ownerAgentId: null,
    });
    const queue = await (
      await w.parker()
    ).queue.list({ teamId: await teamId(w.db, groupA), limit: 100 });
    expect(queue.items.map((i) => i.number)).toEqual([w.ticketA.number]);
    expect(
      await rejectionOf((await w.parker()).incident.byNumber({ number: w.university.number })),
    ).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe("a partner agent's lists and the desk's boards", () => {
  test('queues of teams they do not belong to are refused, whoever holds their tickets', async () => {
    const w = await world();
    expect((await (await w.parker()).queue.teams()).map((t) => t.name)).toEqual([groupA]);
    for (const name of [groupB, 'Tier 2 Support', 'US - Help Desk', 'US - Help Desk CPS']) {
      expect(
        await rejectionOf((await w.parker()).queue.list({ teamId: await teamId(w.db, name) })),
      ).toMatchObject({
        code: 'FORBIDDEN',
        message: 'You are not a member of that team, so its queue is not yours to open.',
      });
    }
  });

  test.each<[string, (c: Caller, w: World) => Promise<unknown>, RegExp]>([
    ['customer.search', (c) => c.customer.search({ text: 'casey' }), /may not search customers/],
    ['outage.board', (c) => c.outage.board(), /may not see outages/],
    ['problem.list', (c) => c.problem.list({ view: 'open' }), /may not see problems/],
    [
      'problem.forService',
      (c, w) => c.problem.forService({ serviceId: demoKeys(w.db).service('Canvas').id }),
      /may not see problems/,
    ],
    [
      'alert.potentialOutages',
      (c) => c.alert.potentialOutages(),
      /may not see potential-outage alerts/,
    ],
    [
      'consult.listOpen',
      (c) => c.consult.listOpen({ team: 'cps' }),
      /may not see the chat consults/,
    ],
    ['oncall.list', (c) => c.oncall.list(), /may not see the on-call contacts/],
    ['presence.cps', (c) => c.presence.cps(), /may not see which CPS agents are ready/],
    ['catalog.teams', (c) => c.catalog.teams(), /may not list every team/],
    [
      'oneStep.takeOwnership',
      (c, w) =>
        c.oneStep.takeOwnership({
          incidentId: demoKeys(w.db).incident('Forgot NetID password after returning from leave.')
            .id,
          expectedVersion: 1,
        }),
      /may not take ownership/,
    ],
  ])('%s → FORBIDDEN', async (_name, call, message) => {
    const w = await world();
    expect(await rejectionOf(call(await w.parker(), w))).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(message),
    });
  });

  test("everything a partner agent can list names only their group's tickets", async () => {
    const w = await world();
    // Something in each list: Parker's claimed ticket, a second unclaimed one, and the notifications about both.
    const second = await (
      await w.as('bao@badgerhealth.example')
    ).partner.submit({ description: 'A-TICKET-2 lab PDF will not open.' });
    // And university incidents that ended up with the group or with Parker himself (before this rule, by
    // Escalate to team to the partner group and then Take ownership): the lists must still leave them out.
    const parkerId = (await actorOf(w, 'partner@handoff.test')).id;
    await placeIncident(w.db, w.university.id, {
      ownerTeamId: await teamId(w.db, groupA),
      ownerAgentId: null,
    });
    await placeIncident(w.db, 1, {
      ownerTeamId: await teamId(w.db, groupA),
      ownerAgentId: parkerId,
    });
    const seenBy = async (c: Caller, teamName: string) =>
      JSON.stringify([
        await c.queue.teams(),
        await c.queue.list({ teamId: await teamId(w.db, teamName), limit: 100 }),
        await c.incident.mine({ limit: 100 }),
        await c.notification.mine(),
        await c.me.get(),
      ]);

    const parkerSees = await seenBy(await w.parker(), groupA);
    for (const shown of [w.ticketA.number, second.number]) expect(parkerSees).toContain(shown);
    for (const hidden of [
      w.ticketB.number,
      ...w.universityNumbers,
      'B-TICKET',
      'U-INCIDENT',
      'Ari Acme',
      'Oscar Nguyen',
    ]) {
      expect(parkerSees).not.toContain(hidden);
    }

    const quinnSees = await seenBy(await w.quinn(), groupB);
    expect(quinnSees).toContain(w.ticketB.number);
    for (const hidden of [
      w.ticketA.number,
      second.number,
      ...w.universityNumbers,
      'A-TICKET',
      'U-INCIDENT',
      'Rita Requester',
    ]) {
      expect(quinnSees).not.toContain(hidden);
    }
  });

  test('"my incidents" keeps a ticket while Tier 2 works it, and only for the agent who keeps the requester', async () => {
    const w = await world();
    await (
      await w.parker()
    ).partner.escalate({
      incidentId: w.ticketA.id,
      expectedVersion: 2,
      privateComment: 'Stuck: SSO loop.',
    });
    const mine = (await (await w.parker()).incident.mine({})).items;
    expect(mine.map((i) => [i.number, i.ownerTeamName, i.ownerAgentId])).toEqual([
      [w.ticketA.number, 'Tier 2 Support', null],
    ]);
    // Piper is in the group but not the relationship agent: nothing of hers.
    expect((await (await w.as('partner2@handoff.test')).incident.mine({})).items).toEqual([]);
  });

  test('"my incidents" drops the tickets of a group the agent has left', async () => {
    const w = await world();
    expect((await (await w.parker()).incident.mine({})).items.map((i) => i.number)).toEqual([
      w.ticketA.number,
    ]);
    const parkerId = (await actorOf(w, 'partner@handoff.test')).id;
    const { teamMembers } = tablesOf(w.db);
    await w.db.delete(teamMembers).where(eq(teamMembers.userId, parkerId));
    expect((await (await w.parker()).incident.mine({})).items).toEqual([]);
    expect(
      await rejectionOf((await w.parker()).incident.byNumber({ number: w.ticketA.number })),
    ).toMatchObject({ code: 'NOT_FOUND' });
  });
});

async function actorOf(w: World, email: string) {
  const me = await (await w.as(email)).me.get();
  return {
    id: me.id,
    name: me.name,
    role: me.role,
    teamIds: me.teamIds,
    customerId: me.customerId,
  };
}
