// The Route panel's procedure: the policy run on everything known about the incident (DOMAIN.md §4).
import { describe, expect, test } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { routingQuestionPrompts } from '@handoff/domain';
import { incidentRepository, schema } from '@handoff/db';
import { callerFor, fixedClock, refusalOf, useSeededDbs, userIdOf } from '../test-callers';
import { l1, newIncident, scenarios, tuesday10, tuesday19 } from './one-step-scenarios';

const dbs = useSeededDbs();
const lee = (at = tuesday10) => callerFor(dbs.db, l1, fixedClock(at));
/** A coned customer's phone call about a service with no banner: the work-related question decides. */
const conedCall = (at = tuesday10) => newIncident(dbs.db, at);

describe('routing.decide', () => {
  test('coned customer, Tuesday 10:00 Chicago, no CPS agent ready: asks whether it is work related', async () => {
    const { id } = await conedCall();
    const result = await lee().routing.decide({ incidentId: id });
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
    const { id } = await conedCall();
    const result = await lee().routing.decide({ incidentId: id, answers: { workRelated: true } });
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
      disabledReason:
        'INC-000009 is still open; only resolved or closed incidents can be reopened.',
    });
  });

  test('with a CPS agent ready: Transfer to CPS through the Departmental Support queue', async () => {
    const { db } = dbs;
    await callerFor(db, 'cps@handoff.test').presence.set({ presence: 'ready' });
    const { id } = await conedCall();
    const result = await lee().routing.decide({ incidentId: id, answers: { workRelated: true } });
    expect(result.decision).toMatchObject({
      outcome: 'transfer_to_cps',
      transferQueue: 'departmental_support',
    });
    expect(result.recommended).toBe('transfer_to_cps');
    expect(result.cpsReady).toEqual([
      { id: userIdOf(db, 'cps@handoff.test'), name: 'Cameron CPS' },
    ]);
    expect(result.oneSteps.find((s) => s.name === 'transfer_to_cps')).toMatchObject({
      disabledReason: null,
    });
  });

  test('Tuesday 19:00: CPS is closed, so it asks about a critical stoppage; not critical → Assign to EAST', async () => {
    const { id } = await conedCall(tuesday19);
    expect(
      (await lee(tuesday19).routing.decide({ incidentId: id, answers: { workRelated: true } }))
        .decision,
    ).toMatchObject({
      outcome: 'ask',
      question: 'criticalWorkStoppage',
    });
    const result = await lee(tuesday19).routing.decide({
      incidentId: id,
      answers: { workRelated: true, criticalWorkStoppage: false },
    });
    expect(result.recommended).toBe('assign_to_east');
  });

  test('an unflagged customer whose department is on the contract list is a CPS customer without asking', async () => {
    // Uma Unflagged, Department of Chemistry.
    const { id } = await newIncident(dbs.db, tuesday10, {
      callerName: 'Uma Unflagged',
      customerId: 23,
    });
    const result = await lee().routing.decide({ incidentId: id });
    expect(result.decision.steps.find((s) => s.rule === 'cps.customer')).toMatchObject({
      answer: 'yes',
      text: "Customer's department is on the contract list: a CPS customer.",
    });
  });

  test('a CPS agent sees which one-steps their role has', async () => {
    const { id } = await conedCall();
    const result = await callerFor(dbs.db, 'cps@handoff.test').routing.decide({ incidentId: id });
    const permitted = result.oneSteps.filter((s) => s.permitted).map((s) => s.name);
    expect(permitted).toEqual(['escalate_to_team', 'take_ownership', 'resolve', 'close', 'reopen']);
  });

  test.each([
    ['a customer', 'customer@handoff.test', 1, 'FORBIDDEN'],
    ['anyone, for an incident that does not exist', 'l1@handoff.test', 999, 'NOT_FOUND'],
  ] as const)('%s → %s', async (_name, email, incidentId, code) => {
    expect(await refusalOf(callerFor(dbs.db, email).routing.decide({ incidentId }))).toMatchObject({
      code,
    });
  });

  test('an answer of the wrong type → BAD_REQUEST', async () => {
    const refusal = await refusalOf(
      lee().routing.decide({
        incidentId: 1,
        answers: { workRelated: 'yes' as unknown as boolean },
      }),
    );
    expect(refusal).toMatchObject({
      code: 'BAD_REQUEST',
      fields: { 'answers.workRelated': expect.any(String) },
    });
  });

  // Issue 14 item 7: departments are data; GRAD and SOE are not on the contract list.
  test.each([
    ['GRAD-0042', 'general_hd'],
    ['SOE-LT-7', 'general_hd'],
    ['CAE-1234', 'assign_to_cps'],
    ['CHEM-9', 'assign_to_cps'],
  ])('a coned customer, not work related, on %s → %s', async (computerName, outcome) => {
    const { id } = await conedCall();
    const result = await lee().routing.decide({
      incidentId: id,
      answers: { workRelated: false, computerName },
    });
    expect(result.decision.outcome).toBe(outcome);
  });

  test('the contract flag in the departments table decides, not a constant', async () => {
    const { db } = dbs;
    db.update(schema.departments)
      .set({ contractPartner: true })
      .where(eq(schema.departments.shortName, 'GRAD'))
      .run();
    db.update(schema.departments)
      .set({ contractPartner: false })
      .where(eq(schema.departments.shortName, 'CAE'))
      .run();
    const { id } = await conedCall();
    const decide = (computerName: string) =>
      lee().routing.decide({ incidentId: id, answers: { workRelated: false, computerName } });
    expect((await decide('GRAD-0042')).decision.outcome).toBe('assign_to_cps');
    expect((await decide('CAE-1234')).decision.outcome).toBe('general_hd');
  });

  // Issue 14 item 8: holidays and hours are data; a promise already made keeps its time.
  test('a holiday the administrators add moves new promises; the stored promise keeps its time', async () => {
    const { db } = dbs;
    const s = await scenarios.assign_to_cps(db);
    await s.run(lee(), s.version);
    const stored = incidentRepository.findById(db, s.incidentId)!.promises;
    expect(stored).toMatchObject({ callIfNoContactBy: '2026-11-25T16:00:00Z' });

    db.insert(schema.holidays).values({ date: '2026-11-25', name: 'Snow day' }).run();
    const { id } = await conedCall();
    const result = await lee().routing.decide({ incidentId: id, answers: { workRelated: true } });
    // Wednesday is now a holiday and Thanksgiving follows: the next business day is Monday.
    expect(result.decision.promises).toMatchObject({ callIfNoContactBy: '2026-11-30T16:00:00Z' });
    expect(incidentRepository.findById(db, s.incidentId)!.promises).toEqual(stored);
  });

  test('CPS hours in the data decide whether CPS is open', async () => {
    const { db } = dbs;
    db.update(schema.openingHours)
      .set({ closes: '09:00' })
      .where(and(eq(schema.openingHours.desk, 'cps'), eq(schema.openingHours.weekday, 2)))
      .run();
    const { id } = await conedCall();
    const result = await lee().routing.decide({ incidentId: id, answers: { workRelated: true } });
    expect(result.decision).toMatchObject({ outcome: 'ask', question: 'criticalWorkStoppage' });
  });
});
