import { describe, expect, test } from 'vitest';
import { routeContact } from '../routing/route-contact';
import { demoRouting } from '../routing/test-fixtures';
import { type ContactFacts, type RoutingOutcome, routingOutcomes } from '../routing/schemas';
import { oneStepNames, type OneStepName } from './contract';
import { oneSteps } from './registry';
import { oneStepForOutcome, routedOneSteps } from './routing-trace';
import { domainErrorOf, envFor, evening, now, scenario, teams, validInput } from './test-fixtures';

const expected: Record<RoutingOutcome, OneStepName | null> = {
  ask: null,
  general_hd: null,
  outage: 'link_to_problem',
  transfer_to_cps: 'transfer_to_cps',
  assign_to_cps: 'assign_to_cps',
  consult_cps_chat: null,
  assign_to_east: 'assign_to_east',
  page_oncall: 'page_oncall',
  consult_hd_leadership: null,
  es_queue: 'send_to_hd_es',
  consult_es_chat: null,
  consult_hdqa: null,
  escalate_to_team: 'escalate_to_team',
  escalate_to_technologists: 'escalate_to_technologists',
};

test.each(routingOutcomes.map((o) => [o, expected[o]] as const))(
  'oneStepForOutcome(%s) → %s',
  (outcome, step) => {
    expect(oneStepForOutcome(outcome)).toBe(step);
  },
);

// Tuesday 10:00, PICK 5 phone call, no CPS agent ready → Assign to CPS with the callback script.
const pick5Phone: ContactFacts = {
  at: now,
  channel: 'phone',
  service: { banner: 'pick5' },
  customer: { coned: false },
  cpsAgentsReady: 0,
};
const cpsDecision = routeContact(pick5Phone, demoRouting);
// Tuesday 19:00, a non-coned customer about an unbannered service: the General Help Desk keeps it.
const afterHoursPlain: ContactFacts = {
  at: evening,
  channel: 'phone',
  service: { banner: null },
  customer: { coned: false, contractDepartment: false },
};
const routedEnv = (contactFacts: ContactFacts, patch: Parameters<typeof envFor>[1] = {}) =>
  envFor('l1', { ...patch, contactFacts, now: contactFacts.at });

describe('the server routes the step again (issue 14.2)', () => {
  test('following the recommendation journals the server’s decision, its trace, script and promises', () => {
    const result = oneSteps.assign_to_cps.run(routedEnv(pick5Phone), validInput.assign_to_cps);
    const entry = result.journal.at(-1);
    expect(entry).toMatchObject({
      kind: 'routing',
      visibility: 'internal',
      body: 'Routing recommended Assign to CPS; agent ran Assign to CPS',
      authorId: 10,
      createdAt: now,
    });
    expect(entry?.data).toEqual({
      outcome: 'assign_to_cps',
      recommended: 'assign_to_cps',
      chosen: 'assign_to_cps',
      overrideReason: null,
      steps: cpsDecision.steps,
      script: cpsDecision.script,
      promises: cpsDecision.promises,
    });
    // The promise journaled is the one stored on the incident.
    expect(result.changes.promises).toEqual(cpsDecision.promises);
  });

  test('a decision sent by the browser is ignored: the journal holds the server’s', () => {
    const forged = { ...cpsDecision, outcome: 'general_hd', steps: [] };
    const result = oneSteps.assign_to_cps.run(routedEnv(pick5Phone), {
      ...validInput.assign_to_cps,
      routing: { decision: forged, recommended: null } as never,
    });
    expect(result.journal.at(-1)?.data).toMatchObject({
      outcome: 'assign_to_cps',
      steps: cpsDecision.steps,
    });
  });

  test('after hours, a non-coned customer routing keeps with the General HD: Assign to CPS as "Coned customer" needs a reason', () => {
    expect(routeContact(afterHoursPlain, demoRouting).outcome).toBe('general_hd');
    const error = domainErrorOf(() =>
      oneSteps.assign_to_cps.run(routedEnv(afterHoursPlain), {
        ...validInput.assign_to_cps,
        reason: 'coned_customer',
      }),
    );
    const message =
      'Routing recommends no hand-off (General HD handles it): say why you chose Assign to CPS.';
    expect(error).toMatchObject({ code: 'VALIDATION', fields: { overrideReason: message } });
  });

  test('with a reason, the hand-off runs and the server’s decision and the reason are journaled', () => {
    const result = oneSteps.assign_to_cps.run(routedEnv(afterHoursPlain), {
      ...validInput.assign_to_cps,
      reason: 'coned_customer',
      routing: { overrideReason: 'The department confirmed the contract by phone.' },
    });
    const entry = result.journal.at(-1);
    expect(entry?.body).toBe(
      'Routing recommended no one-step (General HD handles it); agent ran Assign to CPS: The department confirmed the contract by phone.',
    );
    expect(entry?.data).toMatchObject({
      outcome: 'general_hd',
      recommended: null,
      overrideReason: 'The department confirmed the contract by phone.',
    });
  });

  test('a question still open is not a recommendation: handing on before asking needs a reason', () => {
    const unasked: ContactFacts = {
      ...pick5Phone,
      service: { banner: null },
      customer: { coned: true },
    };
    expect(routeContact(unasked, demoRouting).outcome).toBe('ask');
    expect(
      domainErrorOf(() => oneSteps.assign_to_cps.run(routedEnv(unasked), validInput.assign_to_cps))
        .fields,
    ).toEqual({
      overrideReason:
        'Routing recommends no hand-off (a question still to ask): say why you chose Assign to CPS.',
    });
  });

  test('choosing another step without a reason → VALIDATION overrideReason', () => {
    const error = domainErrorOf(() =>
      oneSteps.send_to_hd_es.run(routedEnv(pick5Phone), validInput.send_to_hd_es),
    );
    expect(error).toMatchObject({
      code: 'VALIDATION',
      fields: {
        overrideReason: 'Say why you chose Send to HD ES over the recommended Assign to CPS.',
      },
    });
  });

  test('an override with its reason journals both', () => {
    const result = oneSteps.send_to_hd_es.run(routedEnv(pick5Phone), {
      ...validInput.send_to_hd_es,
      routing: { overrideReason: 'HDQA confirmed the app is ES-supported.' },
    });
    const entry = result.journal.at(-1);
    expect(entry?.body).toBe(
      'Routing recommended Assign to CPS; agent chose Send to HD ES instead: HDQA confirmed the app is ES-supported.',
    );
    expect(entry?.data).toMatchObject({
      recommended: 'assign_to_cps',
      chosen: 'send_to_hd_es',
      overrideReason: 'HDQA confirmed the app is ES-supported.',
    });
  });

  test('an override reason is not kept when the agent followed the recommendation', () => {
    const result = oneSteps.assign_to_cps.run(routedEnv(pick5Phone), {
      ...validInput.assign_to_cps,
      routing: { overrideReason: 'n/a' },
    });
    expect(result.journal.at(-1)?.data).toMatchObject({ overrideReason: null });
  });

  test.each([
    ['the CPS chat consult ends in Assign to CPS (kb 000)', 'pick5', 'assign_to_cps'],
    ['the ES chat consult ends in Send to HD ES (kb 002)', 'pick2', 'send_to_hd_es'],
  ] as const)('%s without an override reason', (_name, banner, step) => {
    const chat: ContactFacts = { ...pick5Phone, channel: 'chat', service: { banner } };
    const env = routedEnv(chat, { incident: { channel: 'chat' } });
    const input =
      step === 'assign_to_cps'
        ? {
            incidentId: 1,
            expectedVersion: 3,
            reason: 'chat_not_answered' as const,
            // kb 000: the chat's preferred contact is collected before Assign to CPS.
            preferredContact: 'phone' as const,
            callbackPhone: '608-555-0100',
          }
        : validInput.send_to_hd_es;
    const result = oneSteps[step].run(env, input as never);
    expect(result.journal.at(-1)?.body).toMatch(/^Routing recommended no one-step \(consult the/);
  });

  test('a step on an incident no longer with the General Help Desk is not routed', () => {
    const env = routedEnv(afterHoursPlain, { incident: { ownerTeamId: teams['HD ES'] } });
    const result = oneSteps.escalate_to_team.run(
      { ...env, actor: { ...env.actor, role: 'es' } },
      validInput.escalate_to_team,
    );
    expect(result.journal.map((j) => j.kind)).not.toContain('routing');
  });

  const notRouted = oneStepNames.filter((n) => !(routedOneSteps as readonly string[]).includes(n));
  test.each(notRouted)('%s is not a routing hand-off: no routing entry, no reason', (name) => {
    const env = { ...scenario(name), contactFacts: { ...pick5Phone, at: scenario(name).now } };
    const result = oneSteps[name].run(env, validInput[name] as never);
    expect(result.journal.map((j) => j.kind)).not.toContain('routing');
  });

  test('the script is saved with the incident number filled in', () => {
    const eastFacts: ContactFacts = {
      at: evening,
      channel: 'phone',
      service: { banner: null },
      customer: { coned: true },
      workRelated: true,
      criticalWorkStoppage: false,
    };
    expect(routeContact(eastFacts, demoRouting).script).toContain('{incidentNumber}');
    const result = oneSteps.assign_to_east.run(
      { ...scenario('assign_to_east'), contactFacts: eastFacts },
      validInput.assign_to_east,
    );
    const data = result.journal.at(-1)?.data as { script: string };
    expect(data.script).toContain('Your incident number is INC-000001.');
  });

  test('no routing facts → no routing entry', () => {
    const result = oneSteps.assign_to_cps.run(envFor('l1'), validInput.assign_to_cps);
    expect(result.journal.map((j) => j.kind)).toEqual(['system']);
  });
});
