// Procedure tests of the outage procedure (kb 001, DOMAIN.md §6) against a real, seeded SQLite file.
import { beforeEach, describe, expect, test } from 'vitest';
import { and, asc, count, eq } from 'drizzle-orm';
import { createIncident, type Actor } from '@handoff/domain';
import { first, incidentRepository, tablesOf, userRepository, type Db } from '@handoff/db';
import { demoKeys } from '@handoff/db/testing';
import { callerFor, rejectionOf, steppingClock, useSeededDbs } from '../test-callers';

const dbs = useSeededDbs();
let db: Db;
let clock: () => string;
let l1: Awaited<ReturnType<typeof callerFor>>;
let hdqa: Awaited<ReturnType<typeof callerFor>>;
let sncc: Awaited<ReturnType<typeof callerFor>>;
// Demo services and customers, by natural key.
let campusNetwork: number;
let canvas: number;
let oscar: number;
let priya: number;
let quentin: number;
let rosa: number;
let sam: number;
/** The demo problem behind the active UWNet outage. */
let uwnetProblem: number;
beforeEach(async () => {
  db = dbs.db;
  const key = demoKeys(db);
  campusNetwork = key.service('Campus Network').id;
  canvas = key.service('Canvas').id;
  [oscar, priya, quentin, rosa, sam] = ['onguyen', 'pshah', 'qbrooks', 'ralvarez', 'sokafor'].map(
    (netId) => key.customer(netId).id,
  ) as [number, number, number, number, number];
  uwnetProblem = key.problem(
    'Wireless (UWNet): Laptop drops UWNet every few minutes in the Grad School office.',
  ).id;
  // One clock for everyone: a minute per reading, from Tuesday 8 December 2026, 09:00 Chicago.
  clock = steppingClock('2026-12-08T15:00:00.000Z');
  l1 = await callerFor(db, 'l1@handoff.test', clock);
  hdqa = await callerFor(db, 'hdqa@handoff.test', clock);
  sncc = await callerFor(db, 'sncc@handoff.test', clock);
});

const contact = (
  customerId: number,
  serviceId = campusNetwork,
  description = 'No wired connection in Bascom Hall.',
) => ({
  callerName: `Customer ${customerId}`,
  callerPhone: '608-555-0101',
  customerId,
  serviceId,
  description,
  channel: 'phone' as const,
});
const teamId = (name: string) => demoKeys(db).team(name).id;
const incident = async (id: number) => (await incidentRepository.findById(db, id))!;
const resolvedAttachedMail = () => {
  const { outbox } = tablesOf(db);
  return db
    .select()
    .from(outbox)
    .where(eq(outbox.template, 'resolved-attached'))
    .orderBy(asc(outbox.id));
};
const problemCount = async () =>
  (await first(db.select({ n: count() }).from(tablesOf(db).problems)))!.n;

/** Inserts drafted incidents with their journal and audit rows, each numbered from the counter (a bulk fixture). */
async function insertIncidents(drafts: ReturnType<typeof createIncident>[]) {
  const { incidents, journalEntries, auditEvents } = tablesOf(db);
  const numbers: string[] = [];
  for (let i = 0; i < drafts.length; i += 1)
    numbers.push(await incidentRepository.reserveNumber(db));
  const numbered = drafts.map((d, i) => ({ ...d.incident, number: numbers[i]! }));
  const rows = await db.insert(incidents).values(numbered).returning();
  const idOf = new Map(rows.map((r) => [r.number, r.id]));
  const journal = drafts.flatMap((d, i) =>
    d.journal.map((e) => ({ ...e, incidentId: idOf.get(numbers[i]!)! })),
  );
  const audit = drafts.flatMap((d, i) =>
    d.audit.map((e) => ({ ...e, incidentId: idOf.get(numbers[i]!)! })),
  );
  if (journal.length > 0) await db.insert(journalEntries).values(journal);
  if (audit.length > 0) await db.insert(auditEvents).values(audit);
}

/**
 * kb 001 steps 1–8: three contacts, a problem from them, assigned to SNCC-Network, an outage linked
 * (active unless a planned window is asked for: both are open, DOMAIN §6).
 */
async function outageWithProblem(kind: 'unplanned' | 'planned' = 'unplanned') {
  const created = [];
  for (const c of [oscar, priya, quentin]) created.push(await l1.incident.create(contact(c)));
  const problem = await hdqa.problem.create({ incidentIds: created.map((c) => c.id) });
  await hdqa.problem.assign({
    problemId: problem.id,
    expectedVersion: 1,
    teamId: teamId('SNCC-Network'),
  });
  const outage = await sncc.outage.declare({
    title: 'Bascom Hall network outage',
    serviceIds: [campusNetwork],
    publicSummary: 'Wired connections in Bascom Hall are down.',
    ownerTeamId: teamId('SNCC-Network'),
    ...(kind === 'planned'
      ? { kind, startAt: '2026-12-09T08:00:00Z', expectedEndAt: '2026-12-09T10:00:00Z' }
      : { kind }),
  });
  await sncc.problem.linkOutage({ problemId: problem.id, expectedVersion: 2, outageId: outage.id });
  return { created, problem, outage };
}

describe('problems (kb 001 steps 5–8)', () => {
  test('HDQA creates a problem from incidents: Identify & Classify prefilled, every incident linked in the same call', async () => {
    const created = [
      await l1.incident.create(contact(oscar)),
      await l1.incident.create(contact(priya)),
      await l1.incident.create(contact(oscar, campusNetwork, 'Port dead in 112.')),
    ];
    const problem = await hdqa.problem.create({ incidentIds: created.map((c) => c.id) });
    expect(problem.number).toBe('PRB-000002');
    const page = await hdqa.problem.byNumber({ number: problem.number });
    expect(page.problem).toMatchObject({
      title: 'Campus Network: No wired connection in Bascom Hall.',
      serviceId: campusNetwork,
      category: 'Wired › No connectivity',
      impact: '3 incidents from 2 customers',
      symptoms: `- No wired connection in Bascom Hall. (${created[0]!.number})\n- Port dead in 112. (${created[2]!.number})`,
      status: 'open',
    });
    expect(page.ownerTeamName).toBe('HDQA');
    expect(page.incidents.map((i) => [i.number, i.customerName, i.status])).toEqual([
      [created[2]!.number, 'Oscar Nguyen', 'new'],
      [created[1]!.number, 'Priya Shah', 'new'],
      [created[0]!.number, 'Oscar Nguyen', 'new'],
    ]);
    expect(await incident(created[0]!.id)).toMatchObject({ problemId: problem.id, version: 2 });
    expect((await incidentRepository.findJournal(db, created[0]!.id))[0]?.body).toBe(
      `Linked to problem ${problem.number}: Campus Network: No wired connection in Bascom Hall..`,
    );
    expect(page.journal.map((j) => j.body)).toEqual([
      `Harper Quality linked 3 incidents: ${created.map((c) => c.number).join(', ')}.`,
      `Problem created by Harper Quality from ${created.map((c) => c.number).join(', ')}.`,
    ]);
    expect(page.audit).toEqual([
      expect.objectContaining({ field: 'status', toValue: 'open', actorName: 'Harper Quality' }),
    ]);
  });

  test.each([
    ['SNCC may not create problems', 'sncc@handoff.test', 'FORBIDDEN'],
    ['L1 may not create problems', 'l1@handoff.test', 'FORBIDDEN'],
  ])('%s', async (_name, email, code) => {
    const { id } = await l1.incident.create(contact(oscar));
    expect(
      await rejectionOf((await callerFor(db, email)).problem.create({ incidentIds: [id] })),
    ).toMatchObject({ code });
    expect((await incident(id)).problemId).toBeNull();
  });

  test('an incident already linked, or unknown, → BAD_REQUEST and nothing is created or linked', async () => {
    const { problem, created } = await outageWithProblem();
    const fresh = await l1.incident.create(contact(rosa));
    const before = await problemCount();
    const linked = await rejectionOf(
      hdqa.problem.create({ incidentIds: [fresh.id, created[0]!.id] }),
    );
    expect(linked).toMatchObject({
      code: 'BAD_REQUEST',
      message: `${created[0]!.number} is already linked to another problem.`,
    });
    expect(
      await rejectionOf(hdqa.problem.create({ incidentIds: [fresh.id, 99_999] })),
    ).toMatchObject({ code: 'BAD_REQUEST', message: 'No incident #99999.' });
    expect(await problemCount()).toBe(before);
    expect(await incident(fresh.id)).toMatchObject({ problemId: null, version: 1 });
    expect((await incident(created[0]!.id)).problemId).toBe(problem.id);
  });

  test('HDQA assigns to SNCC-Network; SNCC links the outage; the other roles are refused', async () => {
    const { problem, outage } = await outageWithProblem();
    const page = await sncc.problem.byNumber({ number: problem.number });
    expect(page).toMatchObject({
      ownerTeamName: 'SNCC-Network',
      outage: { number: outage.number, status: 'active' },
    });
    // The history names the outage and the teams, not their ids.
    expect(page.audit.map((a) => [a.words.field, a.words.fromValue, a.words.toValue])).toEqual([
      ['Outage', null, outage.number],
      ['Owner team', 'HDQA', 'SNCC-Network'],
      ['Status', null, 'Open'],
    ]);
    expect(
      await rejectionOf(
        hdqa.problem.linkOutage({ problemId: problem.id, expectedVersion: 3, outageId: outage.id }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      await rejectionOf(
        l1.problem.assign({ problemId: problem.id, expectedVersion: 3, teamId: teamId('EAST') }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      await rejectionOf(
        sncc.problem.assign({ problemId: problem.id, expectedVersion: 1, teamId: teamId('EAST') }),
      ),
    ).toMatchObject({ code: 'CONFLICT' });
  });

  test('HDQA or SNCC corrects Identify & Classify: changed fields audited; a bad service or L1 changes nothing', async () => {
    const { problem } = await outageWithProblem();
    const edit = {
      problemId: problem.id,
      expectedVersion: 3,
      title: 'Bascom core switch',
      serviceId: campusNetwork,
      category: 'Wired › No connectivity',
      impact: 'Whole building',
      symptoms: 'No link light.',
      firstSeenAt: '2026-12-08T14:55:00Z',
    };
    expect(await rejectionOf(l1.problem.edit(edit))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await rejectionOf(hdqa.problem.edit({ ...edit, serviceId: 999 }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Choose a service from the catalog.',
    });
    expect(await hdqa.problem.edit(edit)).toEqual({ id: problem.id, version: 4 });
    const page = await sncc.problem.byNumber({ number: problem.number });
    expect(page.problem).toMatchObject({
      title: 'Bascom core switch',
      impact: 'Whole building',
      firstSeenAt: '2026-12-08T14:55:00.000Z',
      version: 4,
    });
    expect(
      page.audit
        .slice(0, 4)
        .map((a) => a.field)
        .sort(),
    ).toEqual(['firstSeenAt', 'impact', 'symptoms', 'title']);
  });

  test('HDQA links more incidents by number, all or nothing', async () => {
    const { problem } = await outageWithProblem();
    const a = await l1.incident.create(contact(rosa));
    const b = await l1.incident.create(contact(sam, canvas, 'Canvas slow'));
    const missing = await rejectionOf(
      hdqa.problem.linkIncidents({ problemId: problem.id, numbers: [a.number, 'INC-099999'] }),
    );
    expect(missing).toMatchObject({ code: 'BAD_REQUEST', message: 'No incident INC-099999.' });
    expect((await incident(a.id)).problemId).toBeNull();
    expect(
      await hdqa.problem.linkIncidents({ problemId: problem.id, numbers: [a.number, b.number] }),
    ).toEqual({ linked: 2 });
    expect([(await incident(a.id)).problemId, (await incident(b.id)).problemId]).toEqual([
      problem.id,
      problem.id,
    ]);
    expect(
      await rejectionOf(l1.problem.linkIncidents({ problemId: problem.id, numbers: [a.number] })),
    ).toMatchObject({ code: 'FORBIDDEN' });
  });

  test("a channel-partner ticket is never linked, so SNCC's Resolve Attached cannot answer its requester (kb 003)", async () => {
    const { problem } = await outageWithProblem();
    const a = await l1.incident.create(contact(rosa));
    const ticket = await (
      await callerFor(db, 'rita@badgerhealth.example', clock)
    ).partner.submit({
      description: 'Portal login loops.',
    });
    const refusal = `${ticket.number} is a channel-partner ticket: its partner agent resolves it with the requester, so it is not linked to a problem.`;
    expect(
      await rejectionOf(
        hdqa.problem.linkIncidents({ problemId: problem.id, numbers: [a.number, ticket.number] }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST', message: refusal });
    expect(await rejectionOf(hdqa.problem.create({ incidentIds: [ticket.id] }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: refusal,
    });
    expect([(await incident(a.id)).problemId, (await incident(ticket.id)).problemId]).toEqual([
      null,
      null,
    ]);
  });
});

describe('L1 under an open (planned or active) outage (kb 001 step 9)', () => {
  test('L1 links a new incident from the form, for the chosen service only', async () => {
    const { problem } = await outageWithProblem();
    const linked = await l1.incident.create({ ...contact(rosa), problemId: problem.id });
    expect(await incident(linked.id)).toMatchObject({ problemId: problem.id, version: 1 });
    expect((await incidentRepository.findJournal(db, linked.id)).map((j) => j.body)).toContainEqual(
      expect.stringMatching(/is active: the outage procedure applies/),
    );
    const other = await rejectionOf(
      l1.incident.create({ ...contact(rosa, canvas), problemId: problem.id }),
    );
    expect(other).toMatchObject({
      code: 'BAD_REQUEST',
      cause: {
        fields: {
          problemId: `${problem.number} is about another service; choose one of the open problems of this service.`,
        },
      },
    });
    expect(
      await rejectionOf(l1.incident.create({ ...contact(rosa), problemId: 9999 })),
    ).toMatchObject({ code: 'BAD_REQUEST', message: 'That problem does not exist.' });
    const forService = await l1.problem.forService({ serviceId: campusNetwork });
    expect(forService.problems.map((p) => p.number)).toEqual([problem.number]);
    expect(forService.outages.map((o) => o.status)).toEqual(['active', 'planned']);
  });

  test('L1 links an existing incident with the Link to problem one-step, and may not move it afterwards', async () => {
    const { problem } = await outageWithProblem();
    const { id } = await l1.incident.create(contact(rosa));
    expect(
      await l1.oneStep.linkToProblem({ incidentId: id, expectedVersion: 1, problemId: problem.id }),
    ).toMatchObject({ version: 2 });
    const again = await rejectionOf(
      l1.oneStep.linkToProblem({ incidentId: id, expectedVersion: 2, problemId: uwnetProblem }),
    );
    expect(again).toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: expect.stringMatching(/already linked/),
    });
    expect(
      await rejectionOf(
        l1.oneStep.linkToProblem({ incidentId: id, expectedVersion: 2, problemId: 4242 }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST' });
  });

  test.each(['unplanned', 'planned'] as const)(
    'Resolve, escalation to HDQA, every forwarding one-step and chat consults are refused with the outage message (%s outage)',
    async (kind) => {
      const { created, outage } = await outageWithProblem(kind);
      expect(outage.status).toBe(kind === 'planned' ? 'planned' : 'active');
      const { id, version } = await incident(created[0]!.id);
      const refused = [
        l1.oneStep.resolve({ incidentId: id, expectedVersion: version, resolutionNote: 'Fixed.' }),
        l1.oneStep.escalateToTeam({
          incidentId: id,
          expectedVersion: version,
          teamId: teamId('HDQA'),
          note: 'Outage?',
        }),
        l1.oneStep.assignToCps({
          incidentId: id,
          expectedVersion: version,
          reason: 'other',
          reasonOther: 'x',
          callbackPhone: '608-555-0101',
        }),
        l1.oneStep.sendToHdEs({
          incidentId: id,
          expectedVersion: version,
          troubleshootingNote: 'Rebooted.',
          callerEmail: 'a@wisc.edu',
        }),
        l1.oneStep.assignToEast({
          incidentId: id,
          expectedVersion: version,
          urgency: 'urgent',
          expectation: 'x',
        }),
        l1.oneStep.escalateToTechnologists({ incidentId: id, expectedVersion: version, note: 'x' }),
        l1.consult.open({ incidentId: id, team: 'cps' }),
      ];
      // Every refusal is caught at once (they run together): none goes unhandled meanwhile.
      for (const refusal of await Promise.all(refused.map((call) => rejectionOf(call)))) {
        expect(refusal).toMatchObject({
          code: 'PRECONDITION_FAILED',
          message: expect.stringContaining('the outage procedure applies'),
        });
      }
      expect(await incident(id)).toMatchObject({ status: 'new', version });
      const decide = await l1.routing.decide({ incidentId: id });
      expect(decide.decision.outcome).toBe('outage');
      const bar = Object.fromEntries(decide.oneSteps.map((s) => [s.name, s.disabledReason]));
      expect(bar.resolve).toMatch(/outage procedure applies, so Level 1 agents link and save/);
      expect(bar.assign_to_cps).toMatch(/outage procedure applies/);
      expect(bar.link_to_problem).toMatch(/already linked to a problem/);
      // Saving the incident stays open to L1.
      expect(
        await l1.incident.edit({
          id,
          expectedVersion: version,
          patch: { description: 'Still down at 9:30.' },
        }),
      ).toMatchObject({ version: version + 1 });
    },
  );

  test('before the outage is linked, and after it is resolved, L1 works the incident normally', async () => {
    const a = await l1.incident.create(contact(oscar));
    const problem = await hdqa.problem.create({ incidentIds: [a.id] });
    expect((await l1.routing.decide({ incidentId: a.id })).decision.outcome).not.toBe('outage');
    const outage = await sncc.outage.declare({
      title: 'x',
      serviceIds: [campusNetwork],
      kind: 'unplanned',
      publicSummary: 'Down.',
      ownerTeamId: teamId('SNCC-Sysops'),
    });
    await sncc.problem.linkOutage({
      problemId: problem.id,
      expectedVersion: 1,
      outageId: outage.id,
    });
    expect((await l1.routing.decide({ incidentId: a.id })).decision.outcome).toBe('outage');
    await sncc.outage.resolve({ outageId: outage.id, expectedVersion: 1 });
    expect((await l1.routing.decide({ incidentId: a.id })).decision.outcome).not.toBe('outage');
    expect(
      await l1.oneStep.resolve({
        incidentId: a.id,
        expectedVersion: 2,
        resolutionNote: 'Works again.',
      }),
    ).toMatchObject({ status: 'resolved' });
  });

  test('HDQA and SNCC may still resolve a single incident of the outage', async () => {
    const { created } = await outageWithProblem();
    const { id, version } = await incident(created[1]!.id);
    expect(
      await sncc.oneStep.resolve({
        incidentId: id,
        expectedVersion: version,
        resolutionNote: 'Fixed.',
      }),
    ).toMatchObject({ status: 'resolved' });
  });
});

describe('Resolve Attached Incidents (kb 001 step 10)', () => {
  test('one call resolves every open attached incident, queues one e-mail per customer, resolves the outage; a second run does nothing', async () => {
    const { created, problem, outage } = await outageWithProblem();
    const fourth = await l1.incident.create({ ...contact(rosa), problemId: problem.id });
    const sameCustomer = await l1.incident.create({ ...contact(oscar), problemId: problem.id });
    const page = await sncc.problem.byNumber({ number: problem.number });
    expect(page.preview).toEqual({
      incidents: 5,
      customers: 4,
      emails: 4,
      customersWithoutEmail: 0,
      outageToResolve: outage.number,
    });
    expect(page.can.resolveAttached).toBeNull();
    expect(page.can.resolve).toBe(
      `${problem.number} still has 5 open incidents; run Resolve Attached Incidents first.`,
    );

    const result = await sncc.problem.resolveAttached({
      problemId: problem.id,
      expectedVersion: 3,
    });
    expect(result).toEqual({
      incidents: 5,
      customers: 4,
      emails: 4,
      customersWithoutEmail: 0,
      outageResolved: true,
    });
    for (const { id } of [...created, fourth, sameCustomer]) {
      const row = await incident(id);
      expect(row.status).toBe('resolved');
      const journal = await incidentRepository.findJournal(db, id);
      expect(journal[0]).toMatchObject({
        kind: 'note',
        visibility: 'customer',
        body: expect.stringContaining(
          `Resolved with problem ${problem.number} and outage ${outage.number}`,
        ),
      });
      expect((await incidentRepository.findAudit(db, id))[0]).toMatchObject({
        field: 'status',
        fromValue: 'new',
        toValue: 'resolved',
        actorName: 'Sydney SNCC',
      });
    }
    const mail = await resolvedAttachedMail();
    expect(mail.map((m) => m.toAddress).sort()).toEqual([
      'onguyen@grad.wisc.edu',
      'pshah@grad.wisc.edu',
      'qbrooks@grad.wisc.edu',
      'ralvarez@grad.wisc.edu',
    ]);
    expect(mail.find((m) => m.toAddress === 'onguyen@grad.wisc.edu')?.subject).toBe(
      `[${created[0]!.number}] Your incidents ${created[0]!.number}, ${sameCustomer.number} should now be resolved`,
    );
    expect(
      mail.every((m) => m.status === 'pending' && m.textBody.includes('contact the Help Desk')),
    ).toBe(true);

    const after = await sncc.problem.byNumber({ number: problem.number });
    expect(after.messages.map((m) => m.toAddress)).toHaveLength(4);
    expect(after.outage).toMatchObject({ status: 'resolved' });
    expect(after.can.resolveAttached).toBe(`No open incident is attached to ${problem.number}.`);
    expect(after.can.resolve).toBeNull();
    expect(
      (await (await callerFor(db, null)).outage.publicStatus()).recentlyResolved.map(
        (o) => o.number,
      ),
    ).toContain(outage.number);

    const versions = await Promise.all(
      [...created, fourth, sameCustomer].map(async ({ id }) => (await incident(id)).version),
    );
    expect(
      await sncc.problem.resolveAttached({ problemId: problem.id, expectedVersion: 3 }),
    ).toEqual({
      incidents: 0,
      customers: 0,
      emails: 0,
      customersWithoutEmail: 0,
      outageResolved: false,
    });
    expect(await resolvedAttachedMail()).toHaveLength(4);
    expect(
      await Promise.all(
        [...created, fourth, sameCustomer].map(async ({ id }) => (await incident(id)).version),
      ),
    ).toEqual(versions);
  });

  test('one person, one e-mail: an incident with only their address (in other letter case) joins their customer record', async () => {
    const { problem } = await outageWithProblem();
    const byAddress = await l1.incident.create({
      callerName: 'Oscar',
      callerEmail: 'ONguyen@Grad.Wisc.Edu',
      serviceId: campusNetwork,
      description: 'No wired connection in Bascom Hall either.',
      channel: 'email',
      problemId: problem.id,
    });
    expect((await incident(byAddress.id)).customerId).toBeNull();
    expect((await sncc.problem.byNumber({ number: problem.number })).preview).toMatchObject({
      incidents: 4,
      customers: 3,
      emails: 3,
    });
    await sncc.problem.resolveAttached({ problemId: problem.id, expectedVersion: 3 });
    const toOscar = (await resolvedAttachedMail()).filter(
      (m) => m.toAddress.toLowerCase() === 'onguyen@grad.wisc.edu',
    );
    expect(toOscar).toHaveLength(1);
    expect(toOscar[0]?.subject).toContain(byAddress.number);
    expect(await resolvedAttachedMail()).toHaveLength(3);
  });

  test('500 linked incidents are resolved in one call with exactly one queued e-mail per distinct customer', async () => {
    const { problem } = await outageWithProblem();
    const user = (await userRepository.findByEmail(db, 'l1@handoff.test'))!;
    const actor: Actor = (await userRepository.findActorById(db, user.id))!;
    const customers = await db
      .select()
      .from(tablesOf(db).customers)
      .orderBy(asc(tablesOf(db).customers.id));
    // 500 incidents from 100 distinct customers: every demo customer, then walk-in callers known only by e-mail.
    const drafts = Array.from({ length: 500 }, (_, i) => {
      const k = i % 100;
      const customer = customers[k];
      const d = createIncident({
        input: {
          callerName: customer?.name ?? `Walk-in ${k}`,
          callerEmail: customer ? customer.email : `walkin${k}@wisc.edu`,
          customerId: customer?.id ?? null,
          serviceId: campusNetwork,
          description: `Bulk contact ${i}`,
          channel: 'phone',
        },
        actor,
        now: '2026-12-08T15:30:00.000Z',
        ownerTeamId: actor.teamIds[0]!,
      });
      return { ...d, incident: { ...d.incident, problemId: problem.id } };
    });
    await insertIncidents(drafts);
    const page = await sncc.problem.byNumber({ number: problem.number });
    expect(page.preview).toMatchObject({ incidents: 503, customers: 100 });

    const started = Date.now();
    const result = await sncc.problem.resolveAttached({
      problemId: problem.id,
      expectedVersion: 3,
    });
    const took = Date.now() - started;
    expect(result).toMatchObject({ incidents: 503, customers: 100, emails: 100 });
    expect(took).toBeLessThan(10_000);
    const { incidents } = tablesOf(db);
    const open = (await first(
      db
        .select({ n: count() })
        .from(incidents)
        .where(and(eq(incidents.problemId, problem.id), eq(incidents.status, 'new'))),
    ))!.n;
    expect(open).toBe(0);
    const mail = await resolvedAttachedMail();
    expect(mail).toHaveLength(100);
    expect(new Set(mail.map((m) => m.toAddress)).size).toBe(100);
    expect(
      await sncc.problem.resolveAttached({ problemId: problem.id, expectedVersion: 3 }),
    ).toMatchObject({ incidents: 0, emails: 0 });
    expect(await resolvedAttachedMail()).toHaveLength(100);
  });

  test('HDQA may not run it; a stale problem version is a CONFLICT and nothing changes', async () => {
    const { problem, created } = await outageWithProblem();
    expect(
      await rejectionOf(
        hdqa.problem.resolveAttached({ problemId: problem.id, expectedVersion: 3 }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      await rejectionOf(
        sncc.problem.resolveAttached({ problemId: problem.id, expectedVersion: 2 }),
      ),
    ).toMatchObject({ code: 'CONFLICT' });
    expect((await incident(created[0]!.id)).status).toBe('new');
    expect(await resolvedAttachedMail()).toHaveLength(0);
  });

  test('SNCC resolves the problem once nothing is open', async () => {
    const { problem } = await outageWithProblem();
    expect(
      await rejectionOf(
        sncc.problem.resolve({ problemId: problem.id, expectedVersion: 3, note: 'Done.' }),
      ),
    ).toMatchObject({ code: 'PRECONDITION_FAILED' });
    await sncc.problem.resolveAttached({ problemId: problem.id, expectedVersion: 3 });
    expect(
      await sncc.problem.resolve({
        problemId: problem.id,
        expectedVersion: 3,
        note: 'Core switch replaced.',
      }),
    ).toEqual({ id: problem.id, version: 4 });
    expect((await l1.problem.forService({ serviceId: campusNetwork })).problems).toEqual([]);
  });
});
