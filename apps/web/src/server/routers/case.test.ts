// Help Online procedures (issue 7): customers create, list and read only their own cases and only
// customer-visible entries; portal routing; notes that re-notify the owning team.
import { beforeEach, describe, expect, test } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { type KnownOutage } from '@handoff/domain';
import { first, tablesOf, teamRepository, userRepository, type Db } from '@handoff/db';
import { demoKeys } from '@handoff/db/testing';
import { nextIncidentNumber } from '@handoff/db/testing/builders';
import { createCaller } from '../root';
import { callerFor, rejectionOf, steppingClock, useSeededDbs } from '../test-callers';

const dbs = useSeededDbs();
let db: Db;
beforeEach(() => {
  db = dbs.db;
});

// Tuesday 24 November 2026 10:00 in Chicago (CPS open), and Wednesday 03:00 (closed).
const tuesday10am = '2026-11-24T16:00:00.000Z';
const wednesday3am = '2026-11-25T09:00:00.000Z';
const services = {
  unclassified: 1,
  departmentalHardware: 2,
  netId: 6,
  office365: 8,
  remoteDesktop: 11,
  canvas: 13,
};
const newCase = {
  serviceId: services.remoteDesktop,
  description: 'Remote Desktop Gateway refuses my connection since this morning.',
  preferredContact: 'email' as const,
  workRelated: true,
};
/** Casey Customer's demo call (customer@handoff.test), owned by Lee (l1) in US - Help Desk. */
const caseysCall = () => demoKeys(db).incident('Forgot NetID password after returning from leave.');
const incidentCount = async () =>
  (await first(db.select({ n: count() }).from(tablesOf(db).incidents)))!.n;
const teamName = async (id: number) => (await teamRepository.findById(db, id))!.name;
const staffView = async (number: string) => {
  const shown = await (await callerFor(db, 'l1@handoff.test')).incident.byNumber({ number });
  if (shown.audience !== 'staff') throw new Error('staff view expected');
  return shown;
};

describe('case.create: portal routing (routeContact with channel portal)', () => {
  test('a plain customer’s case lands in the US - Help Desk queue with no agent, status new', async () => {
    const number = await nextIncidentNumber(db);
    const created = await (
      await callerFor(db, 'customer@handoff.test', steppingClock(tuesday10am))
    ).case.create(newCase);
    expect(created).toEqual({ id: expect.any(Number), number, status: 'new' });
    const shown = await staffView(created.number);
    expect(shown.incident.id).toBe(created.id);
    expect(shown).toMatchObject({
      ownerTeamName: 'US - Help Desk',
      ownerAgentName: null,
      channel: 'portal',
      customerName: 'Casey Customer',
      tpReview: null,
    });
    expect(shown.incident).toMatchObject({
      callerEmail: 'ccustomer@grad.wisc.edu',
      preferredContact: 'email',
      tpTriage: null,
      classification: null,
    });
    expect(shown.journal.map((j) => [j.kind, j.visibility])).toEqual([
      ['system', 'customer'],
      ['routing', 'internal'],
      ['system', 'internal'],
    ]);
    expect(shown.journal[1]?.body).toBe(
      'Help Online routing: In the US - Help Desk queue for Level 1 (routing outcome: general_hd).',
    );
  });

  test.each([
    ['CPS open', tuesday10am, '2026-11-24T20:00:00Z'],
    [
      'CPS closed: the case waits in the CPS queue, promises from the next opening',
      wednesday3am,
      '2026-11-25T17:00:00Z',
    ],
  ])(
    'a coned customer’s work case is assigned to CPS at once (%s)',
    async (_name, at, contactBy) => {
      const { number } = await (
        await callerFor(db, 'coned@handoff.test', steppingClock(at))
      ).case.create({
        ...newCase,
        serviceId: services.office365,
      });
      const shown = await staffView(number);
      expect(shown).toMatchObject({
        ownerTeamName: 'US - Help Desk CPS',
        ownerAgentName: null,
        customerName: 'Dana Departmental',
      });
      expect(shown.incident).toMatchObject({
        status: 'assigned',
        classification: 'Transfer to CPS',
        version: 2,
        promises: { contactBy },
      });
      const assign = shown.journal.find((j) => j.body.startsWith('Assigned to US - Help Desk CPS'));
      expect(assign).toMatchObject({
        authorName: 'Help Online (portal)',
        body: expect.stringContaining('reason: Portal or auto case.'),
      });
      expect(
        shown.audit
          .filter((a) => a.version === 2)
          .every((a) => a.actorName === 'Help Online (portal)'),
      ).toBe(true);
      const { notifications } = tablesOf(db);
      const notified = await db
        .select()
        .from(notifications)
        .where(eq(notifications.incidentId, shown.incident.id))
        .orderBy(notifications.id);
      expect(
        await Promise.all(
          notified.map(async (n) => [n.audience, await teamName(n.targetId!), n.template]),
        ),
      ).toEqual([['team', 'US - Help Desk CPS', 'assigned']]);
    },
  );

  test('creation and the assignment to CPS are one transaction: when the assignment fails, no case is stored', async () => {
    const { teams } = tablesOf(db);
    await db
      .update(teams)
      .set({ name: 'CPS (renamed)' })
      .where(eq(teams.name, 'US - Help Desk CPS'));
    const error = await rejectionOf(
      (await callerFor(db, 'coned@handoff.test', steppingClock(tuesday10am))).case.create(newCase),
    );
    expect(error).toMatchObject({
      code: 'NOT_FOUND',
      message: 'No team named US - Help Desk CPS is set up.',
    });
    expect(await incidentCount()).toBe(8);
  });

  test.each([
    ['NetID (the General HD always handles it)', { serviceId: services.netId }],
    ['not work related, on a personal device', { workRelated: false }],
    [
      'not work related, on a computer that is not departmental',
      { workRelated: false, computerName: 'MY-LAPTOP' },
    ],
  ])('a coned customer’s case stays with the Help Desk: %s', async (_name, change) => {
    const { number } = await (
      await callerFor(db, 'coned@handoff.test', steppingClock(tuesday10am))
    ).case.create({ ...newCase, ...change });
    expect(await staffView(number)).toMatchObject({
      ownerTeamName: 'US - Help Desk',
      incident: { classification: null, status: 'new' },
    });
  });

  test('a coned customer’s case about a departmental computer goes to CPS even when not work related', async () => {
    const { number } = await (
      await callerFor(db, 'coned@handoff.test', steppingClock(tuesday10am))
    ).case.create({ ...newCase, workRelated: false, computerName: 'CAE-4411' });
    expect(await staffView(number)).toMatchObject({ ownerTeamName: 'US - Help Desk CPS' });
  });

  test('a Primary Tech Partner’s case waits in the TP review queue of US - Help Desk', async () => {
    const { number } = await (
      await callerFor(db, 'tp@handoff.test', steppingClock(tuesday10am))
    ).case.create({ ...newCase, peopleAffected: 6 });
    const shown = await staffView(number);
    expect(shown).toMatchObject({
      ownerTeamName: 'US - Help Desk',
      incident: { tpTriage: 'review', peopleAffected: 6, status: 'new' },
    });
    expect(shown.tpReview).toMatchObject({
      state: 'review',
      complete: true,
      scope: { inScope: true },
    });
    const queue = await (await callerFor(db, 'hdqa@handoff.test')).triage.tpReview({});
    expect(queue.items.map((i) => i.number)).toEqual([number]);
  });

  test('a Primary TP’s case on a PICK 5 service goes to CPS, not to review', async () => {
    const { number } = await (
      await callerFor(db, 'tp@handoff.test', steppingClock(tuesday10am))
    ).case.create({ ...newCase, serviceId: services.departmentalHardware });
    expect(await staffView(number)).toMatchObject({
      ownerTeamName: 'US - Help Desk CPS',
      incident: { tpTriage: null },
    });
  });

  test.each([
    ['phone preferred without a number', { preferredContact: 'phone' as const }, 'phone'],
    ['the work question unanswered', { workRelated: undefined }, 'workRelated'],
    ['nobody affected', { peopleAffected: 0 }, 'peopleAffected'],
  ])('%s → BAD_REQUEST at the field, nothing stored', async (_name, change, field) => {
    const error = await rejectionOf(
      (await callerFor(db, 'customer@handoff.test')).case.create({
        ...newCase,
        ...change,
      } as typeof newCase),
    );
    expect(error).toMatchObject({ code: 'BAD_REQUEST' });
    expect(JSON.stringify((error as { cause: unknown }).cause)).toContain(field);
    expect(await incidentCount()).toBe(8);
  });

  test.each([
    ['a service customers do not see', services.unclassified],
    ['a service that does not exist', 999],
  ])('%s → BAD_REQUEST at the service', async (_name, serviceId) => {
    const error = await rejectionOf(
      (await callerFor(db, 'customer@handoff.test')).case.create({ ...newCase, serviceId }),
    );
    expect(error).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Choose a service from the list.',
      cause: { fields: { serviceId: 'Choose a service from the list' } },
    });
    expect(await incidentCount()).toBe(8);
  });

  test.each(['l1@handoff.test', 'hdqa@handoff.test', 'admin@handoff.test'])(
    '%s may not file a portal case',
    async (email) => {
      expect(await rejectionOf((await callerFor(db, email)).case.create(newCase))).toMatchObject({
        code: 'FORBIDDEN',
      });
      expect(await incidentCount()).toBe(8);
    },
  );
});

describe('attachments', () => {
  const file = (bytes: number) => ({
    fileName: 'error.png',
    contentType: 'image/png',
    dataBase64: Buffer.alloc(bytes, 1).toString('base64'),
  });

  test('files are stored with the case and listed to the customer and to staff', async () => {
    const customer = await callerFor(db, 'customer@handoff.test');
    const { number } = await customer.case.create({ ...newCase, attachments: [file(1234)] });
    const mine = await customer.incident.byNumber({ number });
    expect(mine.attachments).toEqual([
      {
        id: 1,
        filename: 'error.png',
        contentType: 'image/png',
        size: 1234,
        skippedReason: null,
        visibility: 'customer',
        createdAt: expect.any(String),
      },
    ]);
    expect((await staffView(number)).attachments).toEqual(mine.attachments);
  });

  test('a file over 2 MB is refused and nothing is stored', async () => {
    const error = await rejectionOf(
      (await callerFor(db, 'customer@handoff.test')).case.create({
        ...newCase,
        attachments: [file(2 * 1024 * 1024 + 1)],
      }),
    );
    expect(error).toMatchObject({ code: 'BAD_REQUEST' });
    expect(await incidentCount()).toBe(8);
    expect(await db.select().from(tablesOf(db).attachments)).toEqual([]);
  });
});

describe('what a customer sees', () => {
  const internalText = 'Internal: caller may be sharing a NetID; check with HDQA before acting.';
  const visibleText = 'We restarted the gateway; please try again.';

  test('only their own cases and only customer-visible entries: no internal note appears in any response', async () => {
    const customer = await callerFor(db, 'customer@handoff.test', steppingClock(tuesday10am));
    const created = await customer.case.create({
      ...newCase,
      description: 'Gateway says my account is locked.',
    });
    const l1 = await callerFor(db, 'l1@handoff.test');
    await l1.incident.addNote({
      incidentId: created.id,
      body: internalText,
      visibility: 'internal',
    });
    await l1.incident.addNote({
      incidentId: created.id,
      body: visibleText,
      visibility: 'customer',
    });

    // Every response a customer can get about their cases, serialized.
    const responses = [
      created,
      await customer.incident.myCases({}),
      await customer.incident.byNumber({ number: created.number }),
      await customer.case.knownOutages({}),
      await customer.case.knownOutages({ serviceId: newCase.serviceId }),
      await customer.case.services(),
      await customer.case.profile(),
      await customer.case.addNote({ incidentId: created.id, body: 'Still locked.' }),
      await customer.incident.addNote({
        incidentId: created.id,
        body: 'Tried again.',
        visibility: 'customer',
      }),
      await customer.incident.byNumber({ number: created.number }),
      await customer.me.get(),
    ];
    const json = JSON.stringify(responses);
    for (const hidden of [
      internalText,
      'Help Online routing',
      'Case submitted in Help Online',
      'Lee Level-One',
      'ownerAgent',
      'classification',
      'tpTriage',
      'steps',
    ])
      expect(json).not.toContain(hidden);
    expect(json).toContain(visibleText);
    expect(json).toContain('Still locked.');

    const shown = responses[9] as Awaited<ReturnType<typeof customer.incident.byNumber>>;
    expect(shown.audience).toBe('customer');
    expect(shown.journal.map((j) => j.body)).toEqual([
      'Tried again.',
      'Still locked.',
      visibleText,
      expect.stringMatching(/^We received your case/),
    ]);
    // Staff do see the internal note, so the filtering above is doing the work.
    expect(JSON.stringify(await staffView(created.number))).toContain(internalText);
  });

  test('my cases list holds my cases only, with status and owner team', async () => {
    await (await callerFor(db, 'tp@handoff.test')).case.create(newCase);
    const { items } = await (await callerFor(db, 'customer@handoff.test')).incident.myCases({});
    expect(items.map((i) => [i.number, i.status, i.ownerTeamName])).toEqual([
      [caseysCall().number, 'in_progress', 'US - Help Desk'],
    ]);
  });

  test("another customer's case is not found, to read or to note", async () => {
    const { id, number } = await (await callerFor(db, 'tp@handoff.test')).case.create(newCase);
    const customer = await callerFor(db, 'customer@handoff.test');
    expect(await rejectionOf(customer.incident.byNumber({ number }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await rejectionOf(customer.case.addNote({ incidentId: id, body: 'hi' }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    const { journalEntries } = tablesOf(db);
    expect(await db.select().from(journalEntries).where(eq(journalEntries.body, 'hi'))).toEqual([]);
  });

  test('staff cannot use the customer note path', async () => {
    expect(
      await rejectionOf(
        (await callerFor(db, 'l1@handoff.test')).case.addNote({
          incidentId: caseysCall().id,
          body: 'x',
        }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('a customer’s note re-notifies the owning team (kb 000)', () => {
  const notificationsFor = async (incidentId: number) => {
    const { notifications } = tablesOf(db);
    return (
      await db
        .select()
        .from(notifications)
        .where(eq(notifications.incidentId, incidentId))
        .orderBy(notifications.id)
    ).filter((n) => n.template === 'customer-note');
  };
  const outboxFor = async (incidentId: number) => {
    const { outbox } = tablesOf(db);
    // The mail capability's template for a customer's note to the owning team.
    return (
      await db.select().from(outbox).where(eq(outbox.incidentId, incidentId)).orderBy(outbox.id)
    ).filter((o) => o.template === 'customer-replied');
  };

  test('a team that gets mail (CPS, notify everyone): a notification for the team and an e-mail to each member', async () => {
    const coned = await callerFor(db, 'coned@handoff.test', steppingClock(tuesday10am));
    const { id, number } = await coned.case.create({ ...newCase, serviceId: services.office365 });
    await coned.case.addNote({ incidentId: id, body: 'It now fails on my second laptop too.' });
    expect(
      await Promise.all(
        (await notificationsFor(id)).map(async (n) => [
          n.audience,
          await teamName(n.targetId!),
          n.subject,
        ]),
      ),
    ).toEqual([['team', 'US - Help Desk CPS', `${number}: Dana Departmental added a note`]]);
    expect((await outboxFor(id)).map((o) => [o.toAddress, o.status])).toEqual([
      ['cps@handoff.test', 'pending'],
      ['cps2@handoff.test', 'pending'],
    ]);
    expect((await outboxFor(id))[0]?.textBody).toContain('It now fails on my second laptop too.');
  });

  test('a team not set to get mail is notified in the app only; the agent who owns it is told too', async () => {
    const customer = await callerFor(db, 'customer@handoff.test');
    const { id } = caseysCall();
    await customer.incident.addNote({
      incidentId: id,
      body: 'Still cannot sign in.',
      visibility: 'customer',
    });
    const lee = (await userRepository.findByEmail(db, 'l1@handoff.test'))!.id;
    expect((await notificationsFor(id)).map((n) => [n.audience, n.targetId])).toEqual([
      ['team', (await teamRepository.findByName(db, 'US - Help Desk'))!.id],
      ['user', lee],
    ]);
    expect(await outboxFor(id)).toEqual([]);
  });

  test('every note notifies again', async () => {
    const customer = await callerFor(db, 'customer@handoff.test');
    const { id } = caseysCall();
    await customer.case.addNote({ incidentId: id, body: 'One.' });
    await customer.case.addNote({ incidentId: id, body: 'Two.' });
    expect((await notificationsFor(id)).filter((n) => n.audience === 'team')).toHaveLength(2);
  });
});

describe('case.knownOutages ("is this already known?")', () => {
  const outage = (over: Partial<KnownOutage>): KnownOutage => ({
    number: 'OUT-000001',
    status: 'active',
    summary: 'Remote Desktop Gateway is down for everyone; SNCC is working on it.',
    serviceIds: [services.remoteDesktop],
    startsAt: '2026-11-24T15:00:00.000Z',
    expectedEndAt: null,
    ...over,
  });
  const source = {
    findOpenForServices: (ids: readonly number[]) =>
      [
        outage({}),
        outage({ number: 'OUT-000002', serviceIds: [services.canvas], summary: 'Canvas slow.' }),
        outage({ number: 'OUT-000003', status: 'planned', startsAt: '2026-12-01T15:00:00.000Z' }),
      ].filter((o) => o.serviceIds.some((id) => ids.includes(id))),
  };
  const customerWithOutages = async () => {
    const user = (await userRepository.findByEmail(db, 'customer@handoff.test'))!;
    return createCaller({
      db,
      actor: (await userRepository.findActorById(db, user.id))!,
      now: steppingClock(tuesday10am),
      knownOutages: source,
    });
  };

  test('the chosen service’s current outages, with their public summary (a future planned one is left out)', async () => {
    expect(
      await (await customerWithOutages()).case.knownOutages({ serviceId: services.remoteDesktop }),
    ).toEqual([
      {
        number: 'OUT-000001',
        status: 'active',
        summary: 'Remote Desktop Gateway is down for everyone; SNCC is working on it.',
        startsAt: '2026-11-24T15:00:00.000Z',
        expectedEndAt: null,
        serviceIds: [services.remoteDesktop],
      },
    ]);
    expect(
      await (await customerWithOutages()).case.knownOutages({ serviceId: services.netId }),
    ).toEqual([]);
  });

  test('without a service: the outages of the services of my open cases', async () => {
    const caller = await customerWithOutages();
    // Casey's seeded case is on NetID: nothing known.
    expect(await caller.case.knownOutages({})).toEqual([]);
    await caller.case.create({ ...newCase, serviceId: services.canvas });
    expect((await caller.case.knownOutages({})).map((o) => o.number)).toEqual(['OUT-000002']);
  });

  test('the default source reads the declared outages: the seeded active UWNet outage, public fields only', async () => {
    const uwnet = 10;
    const known = await (
      await callerFor(db, 'customer@handoff.test')
    ).case.knownOutages({
      serviceId: uwnet,
    });
    expect(known).toHaveLength(1);
    expect(known[0]).toMatchObject({ status: 'active', serviceIds: [uwnet] });
    expect(Object.keys(known[0]!).sort()).toEqual([
      'expectedEndAt',
      'number',
      'serviceIds',
      'startsAt',
      'status',
      'summary',
    ]);
    expect(
      await (
        await callerFor(db, 'customer@handoff.test')
      ).case.knownOutages({
        serviceId: services.remoteDesktop,
      }),
    ).toEqual([]);
  });
});
