// The Route panel's procedure: the policy run on everything known about the incident (DOMAIN.md §4).
import { describe, expect, test } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { routingQuestionPrompts, type RoutingAnswers } from '@handoff/domain';
import { incidentRepository, tablesOf, teamRepository } from '@handoff/db';
import { demoKeys } from '@handoff/db/testing';
import { callerFor, fixedClock, refusalOf, useSeededDbs, userIdOf } from '../test-callers';
import { demo, l1, newIncident, scenarios, tuesday10, tuesday19 } from './one-step-scenarios';

const dbs = useSeededDbs();
const lee = (at = tuesday10) => callerFor(dbs.db, l1, fixedClock(at));
/** A coned customer's phone call about a service with no banner: the work-related question decides. */
const conedCall = (at = tuesday10) => newIncident(dbs.db, at);
/** Lee records the answers on the Route panel, then the panel routes again. */
async function decideWith(id: number, answers: RoutingAnswers, at = tuesday10) {
  await (await lee(at)).routing.answer({ incidentId: id, answers });
  return (await lee(at)).routing.decide({ incidentId: id });
}

describe('routing.decide', () => {
  test('coned customer, Tuesday 10:00 Chicago, no CPS agent ready: asks whether it is work related', async () => {
    const { id } = await conedCall();
    const result = await (await lee()).routing.decide({ incidentId: id });
    expect(result).toMatchObject({
      at: tuesday10,
      decision: {
        outcome: 'ask',
        question: 'workRelated',
        script: routingQuestionPrompts.workRelated,
      },
      questionPrompt: routingQuestionPrompts.workRelated,
      recommended: null,
      cpsReady: [],
    });
    // The customer's flags came from the record: nobody asked whether they are coned.
    expect(result.decision.steps.map((s) => [s.rule, s.answer])).toEqual([
      ['outage', 'no'],
      ['cps.customer', 'yes'],
      ['cps.pick5-banner', 'no'],
      ['cps.pick2-coned', 'no'],
      ['cps.general-hd-handles', 'no'],
      ['cps.work-related', 'unknown'],
    ]);
  });

  test('answered work related: Assign to CPS with the callback promises, Transfer to CPS disabled', async () => {
    const { id, number } = await conedCall();
    const result = await decideWith(id, { workRelated: true });
    expect(result.decision).toMatchObject({
      outcome: 'assign_to_cps',
      assignReason: 'no_cps_agents_ready',
      // Tuesday 14:00 and Wednesday 10:00 in Chicago.
      promises: { contactBy: '2026-11-24T20:00:00Z', callIfNoContactBy: '2026-11-25T16:00:00Z' },
      script: expect.stringContaining('by Tuesday 2:00 PM'),
    });
    expect(result.recommended).toBe('assign_to_cps');
    expect(result.questionPrompt).toBeNull();
    const bar = Object.fromEntries(result.oneSteps.map((s) => [s.name, s]));
    expect(bar.assign_to_cps).toMatchObject({ permitted: true, disabledReason: null });
    expect(bar.transfer_to_cps).toMatchObject({
      permitted: true,
      disabledReason: 'No CPS agent is ready; use Assign to CPS for a callback instead.',
    });
    expect(bar.reopen).toMatchObject({
      disabledReason: `${number} is still open; only resolved or closed incidents can be reopened.`,
    });
  });

  test('with a CPS agent ready: Transfer to CPS through the Departmental Support queue', async () => {
    const { db } = dbs;
    await (await callerFor(db, 'cps@handoff.test')).presence.set({ presence: 'ready' });
    const { id } = await conedCall();
    const result = await decideWith(id, { workRelated: true });
    expect(result.decision).toMatchObject({
      outcome: 'transfer_to_cps',
      transferQueue: 'departmental_support',
    });
    expect(result.recommended).toBe('transfer_to_cps');
    expect(result.cpsReady).toEqual([
      { id: await userIdOf(db, 'cps@handoff.test'), name: 'Cameron CPS' },
    ]);
    expect(result.oneSteps.find((s) => s.name === 'transfer_to_cps')).toMatchObject({
      disabledReason: null,
    });
  });

  test('Tuesday 19:00: CPS is closed, so it asks about a critical stoppage; not critical → Assign to EAST', async () => {
    const { id } = await conedCall(tuesday19);
    expect((await decideWith(id, { workRelated: true }, tuesday19)).decision).toMatchObject({
      outcome: 'ask',
      question: 'criticalWorkStoppage',
    });
    const result = await decideWith(
      id,
      { workRelated: true, criticalWorkStoppage: false },
      tuesday19,
    );
    expect(result.recommended).toBe('assign_to_east');
  });

  test('an unflagged customer whose department is on the contract list is a CPS customer without asking', async () => {
    // Uma Unflagged, Department of Chemistry.
    const { id } = await newIncident(dbs.db, tuesday10, {
      callerName: 'Uma Unflagged',
      customerId: demoKeys(dbs.db).customer('uunflagged').id,
    });
    const result = await (await lee()).routing.decide({ incidentId: id });
    expect(result.decision.steps.find((s) => s.rule === 'cps.customer')).toMatchObject({
      answer: 'yes',
      text: "Customer's department is on the contract list: a CPS customer.",
    });
  });

  test('a CPS agent sees which one-steps their role has', async () => {
    const { id } = await conedCall();
    const result = await (
      await callerFor(dbs.db, 'cps@handoff.test')
    ).routing.decide({ incidentId: id });
    const permitted = result.oneSteps.filter((s) => s.permitted).map((s) => s.name);
    expect(permitted).toEqual(['escalate_to_team', 'take_ownership', 'resolve', 'close', 'reopen']);
  });

  test.each([
    ['a customer', 'customer@handoff.test', 1, 'FORBIDDEN'],
    ['anyone, for an incident that does not exist', 'l1@handoff.test', 999, 'NOT_FOUND'],
  ] as const)('%s → %s', async (_name, email, incidentId, code) => {
    expect(
      await refusalOf((await callerFor(dbs.db, email)).routing.decide({ incidentId })),
    ).toMatchObject({
      code,
    });
  });

  test('an answer of the wrong type → BAD_REQUEST, nothing recorded', async () => {
    const { id } = await conedCall();
    const refusal = await refusalOf(
      (await lee()).routing.answer({
        incidentId: id,
        answers: { workRelated: 'yes' as unknown as boolean },
      }),
    );
    expect(refusal).toMatchObject({
      code: 'BAD_REQUEST',
      fields: { 'answers.workRelated': expect.any(String) },
    });
    expect((await (await lee()).routing.decide({ incidentId: id })).answers).toEqual({});
  });
});

describe('recorded answers (issue 14.1, 14.11)', () => {
  test('the answers are kept with the incident: a reload (a new decide) still has them', async () => {
    const { id } = await conedCall();
    await (await lee()).routing.answer({ incidentId: id, answers: { workRelated: true } });
    const reloaded = await (
      await callerFor(dbs.db, l1, fixedClock(tuesday10))
    ).routing.decide({
      incidentId: id,
    });
    expect(reloaded.answers).toEqual({ workRelated: true });
    expect(reloaded.recommended).toBe('assign_to_cps');
    // HDQA, at the same desk, sees the same answers; "Start over" forgets them.
    const hdqa = await callerFor(dbs.db, 'hdqa@handoff.test', fixedClock(tuesday10));
    expect((await hdqa.routing.decide({ incidentId: id })).answers).toEqual({ workRelated: true });
    await hdqa.routing.answer({ incidentId: id, answers: {} });
    expect((await (await lee()).routing.decide({ incidentId: id })).decision.question).toBe(
      'workRelated',
    );
  });

  test('an unflagged caller who says they are a contract partner: the department answer is kept, the question does not come back', async () => {
    const { id } = await newIncident(dbs.db, tuesday10, {
      callerName: 'Walk-in Caller',
      customerId: undefined,
    });
    const asked = await decideWith(id, { indicatesContractPartner: true });
    expect(asked.decision).toMatchObject({ outcome: 'ask', question: 'confirmDepartment' });
    // What the panel's Yes records for that question.
    const confirmed = await decideWith(id, {
      indicatesContractPartner: true,
      contractDepartment: true,
    });
    expect(confirmed.decision.question).not.toBe('confirmDepartment');
    expect(confirmed.decision).toMatchObject({ outcome: 'ask', question: 'workRelated' });
  });

  test.each([
    ['a CPS agent', 'cps@handoff.test', 'FORBIDDEN'],
    ['a customer', 'customer@handoff.test', 'FORBIDDEN'],
  ] as const)('%s may not record answers → %s', async (_name, email, code) => {
    const { id } = await conedCall();
    expect(
      await refusalOf(
        (await callerFor(dbs.db, email)).routing.answer({
          incidentId: id,
          answers: { workRelated: true },
        }),
      ),
    ).toMatchObject({ code });
    expect((await (await lee()).routing.decide({ incidentId: id })).answers).toEqual({});
  });

  test('an e-mail incident is not asked "Are you calling in…"', async () => {
    const { id } = await newIncident(dbs.db, tuesday10, {
      channel: 'email',
      callerEmail: 'hconed@extension.wisc.edu',
    });
    const result = await (await lee()).routing.decide({ incidentId: id });
    expect(result.decision.question).toBe('workRelated');
    expect(result.questionPrompt).not.toMatch(/calling in/i);
    expect(result.decision.script).toBe(result.questionPrompt);
    expect(result.questionPrompt).toMatch(/e-mail/);
  });

  test('a Primary TP case with "People affected: 12" is not asked "more than one person?"', async () => {
    const tp = await callerFor(dbs.db, 'tp@handoff.test', fixedClock(tuesday10));
    const { id } = await tp.case.create({
      serviceId: demo(dbs.db).service.remoteDesktop, // category 1, DRMT (in scope)
      description: 'Remote Desktop Gateway refuses connections for the dean’s office.',
      preferredContact: 'email',
      workRelated: true,
      peopleAffected: 12,
    });
    const result = await (await lee()).routing.decide({ incidentId: id });
    expect(result.decision.question).toBeUndefined();
    expect(
      result.decision.steps.find((s) => s.rule === 'primary-tp.mission-critical'),
    ).toMatchObject({
      answer: 'yes',
    });
    expect(result.recommended).toBe('escalate_to_technologists');
  });

  test('after Assign to CPS the panel shows the stored promise, not a new routing at a later time', async () => {
    const { id } = await conedCall();
    await decideWith(id, { workRelated: true });
    await (
      await lee()
    ).oneStep.assignToCps({
      incidentId: id,
      expectedVersion: 1,
      reason: 'no_cps_agents_ready',
      callbackPhone: '608-555-0142',
    });
    // Two minutes later the panel is read again.
    const later = '2026-11-24T16:02:00.000Z';
    const result = await (await lee(later)).routing.decide({ incidentId: id });
    const stored = (await incidentRepository.findById(dbs.db, id))!.promises;
    expect(stored?.contactBy).toBe('2026-11-24T20:00:00Z');
    expect(result.settled).toBe(true);
    expect(result.decision.promises).toEqual(stored);
    expect(result.decision.script).toContain('by Tuesday 2:00 PM');
    expect(result.recommended).toBeNull();
    // The answers served the step and are gone.
    expect(result.answers).toEqual({});
  });
});

describe('a new incident during a known outage (issue 14.5)', () => {
  async function campusNetworkOutage() {
    const sncc = await callerFor(dbs.db, 'sncc@handoff.test', fixedClock(tuesday10));
    const snccNetwork = (await teamRepository.findByName(dbs.db, 'SNCC-Network'))!.id;
    return sncc.outage.declare({
      title: 'Campus Network down in Bascom Hall',
      serviceIds: [demo(dbs.db).service.campusNetwork],
      kind: 'unplanned',
      publicSummary: 'Wired connections in Bascom Hall are down.',
      ownerTeamId: snccNetwork,
    });
  }

  test('the panel names the outage and recommends Link to problem; forwarding needs an override reason', async () => {
    const outage = await campusNetworkOutage();
    const { id } = await newIncident(dbs.db, tuesday10, {
      serviceId: demo(dbs.db).service.campusNetwork,
      description: 'No wired connection in Bascom Hall.',
    });
    const result = await (await lee()).routing.decide({ incidentId: id });
    expect(result.decision.outcome).toBe('outage');
    expect(result.decision.steps.at(-1)?.text).toContain(outage.number);
    expect(result.recommended).toBe('link_to_problem');
    expect(result.overrides).toContain('assign_to_cps');
    const refusal = await refusalOf(
      (await lee()).oneStep.assignToCps({
        incidentId: id,
        expectedVersion: 1,
        reason: 'coned_customer',
        callbackPhone: '608-555-0142',
      }),
    );
    expect(refusal).toMatchObject({
      code: 'BAD_REQUEST',
      fields: {
        overrideReason: 'Say why you chose Assign to CPS over the recommended Link to problem.',
      },
    });
    expect((await incidentRepository.findById(dbs.db, id))!.version).toBe(1);
  });

  test('a service without a known outage routes as before', async () => {
    await campusNetworkOutage();
    const { id } = await conedCall();
    expect((await (await lee()).routing.decide({ incidentId: id })).decision.outcome).toBe('ask');
  });

  // Issue 14 item 7: departments are data; GRAD and SOE are not on the contract list.
  test.each([
    ['GRAD-0042', 'general_hd'],
    ['SOE-LT-7', 'general_hd'],
    ['CAE-1234', 'assign_to_cps'],
    ['CHEM-9', 'assign_to_cps'],
  ])('a coned customer, not work related, on %s → %s', async (computerName, outcome) => {
    const { id } = await conedCall();
    const result = await decideWith(id, { workRelated: false, computerName });
    expect(result.decision.outcome).toBe(outcome);
  });

  test('the contract flag in the departments table decides, not a constant', async () => {
    const { db } = dbs;
    const { departments } = tablesOf(db);
    await db
      .update(departments)
      .set({ contractPartner: true })
      .where(eq(departments.shortName, 'GRAD'));
    await db
      .update(departments)
      .set({ contractPartner: false })
      .where(eq(departments.shortName, 'CAE'));
    const { id } = await conedCall();
    const decide = (computerName: string) => decideWith(id, { workRelated: false, computerName });
    expect((await decide('GRAD-0042')).decision.outcome).toBe('assign_to_cps');
    expect((await decide('CAE-1234')).decision.outcome).toBe('general_hd');
  });

  // Issue 14 item 8: holidays and hours are data; a promise already made keeps its time.
  test('a holiday the administrators add moves new promises; the stored promise keeps its time', async () => {
    const { db } = dbs;
    const s = await scenarios.assign_to_cps(db);
    await s.run(await lee(), s.version);
    const stored = (await incidentRepository.findById(db, s.incidentId))!.promises;
    expect(stored).toMatchObject({ callIfNoContactBy: '2026-11-25T16:00:00Z' });

    await db.insert(tablesOf(db).holidays).values({ date: '2026-11-25', name: 'Snow day' });
    const { id } = await conedCall();
    const result = await decideWith(id, { workRelated: true });
    // Wednesday is now a holiday and Thanksgiving follows: the next business day is Monday.
    expect(result.decision.promises).toMatchObject({ callIfNoContactBy: '2026-11-30T16:00:00Z' });
    expect((await incidentRepository.findById(db, s.incidentId))!.promises).toEqual(stored);
  });

  test('CPS hours in the data decide whether CPS is open', async () => {
    const { db } = dbs;
    const { openingHours } = tablesOf(db);
    await db
      .update(openingHours)
      .set({ closes: '09:00' })
      .where(and(eq(openingHours.desk, 'cps'), eq(openingHours.weekday, 2)));
    const { id } = await conedCall();
    const result = await decideWith(id, { workRelated: true });
    expect(result.decision).toMatchObject({ outcome: 'ask', question: 'criticalWorkStoppage' });
  });
});
