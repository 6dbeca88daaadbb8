import { describe, expect, test } from 'vitest';
import { routeContact } from '../routing/route-contact';
import { type RoutingOutcome, routingOutcomes } from '../routing/schemas';
import { type OneStepName, type RoutingContextInput } from './contract';
import { oneSteps } from './registry';
import { oneStepForOutcome } from './routing-trace';
import { domainErrorOf, envFor, evening, now, scenario, validInput } from './test-fixtures';
import { demoRouting } from '../routing/test-fixtures';

const expected: Record<RoutingOutcome, OneStepName | null> = {
  ask: null,
  general_hd: null,
  outage: null,
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
const cpsDecision = routeContact(
  {
    at: now,
    channel: 'phone',
    service: { banner: 'pick5' },
    customer: { coned: false },
    cpsAgentsReady: 0,
  },
  demoRouting,
);
const routing = (patch: Partial<RoutingContextInput> = {}): RoutingContextInput => ({
  decision: cpsDecision,
  recommended: 'assign_to_cps',
  ...patch,
});

describe('the routing trace (issue 4 "Guided routing")', () => {
  test('following the recommendation journals the decision, its trace, script and promises', () => {
    const result = oneSteps.assign_to_cps.run(envFor('l1'), {
      ...validInput.assign_to_cps,
      routing: routing(),
    });
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
  });

  test('choosing another step without a reason → VALIDATION overrideReason', () => {
    const error = domainErrorOf(() =>
      oneSteps.send_to_hd_es.run(envFor('l1'), { ...validInput.send_to_hd_es, routing: routing() }),
    );
    expect(error).toMatchObject({
      code: 'VALIDATION',
      fields: {
        overrideReason: 'Say why you chose Send to HD ES over the recommended Assign to CPS.',
      },
    });
  });

  test('an override with its reason journals both', () => {
    const result = oneSteps.send_to_hd_es.run(envFor('l1'), {
      ...validInput.send_to_hd_es,
      routing: routing({ overrideReason: 'HDQA confirmed the app is ES-supported.' }),
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
    const result = oneSteps.assign_to_cps.run(envFor('l1'), {
      ...validInput.assign_to_cps,
      routing: routing({ overrideReason: 'n/a' }),
    });
    expect(result.journal.at(-1)?.data).toMatchObject({ overrideReason: null });
  });

  test('with no one-step recommended, any step runs without a reason', () => {
    const chat = routeContact(
      {
        at: now,
        channel: 'chat',
        service: { banner: 'pick5' },
        customer: { coned: false },
      },
      demoRouting,
    );
    const result = oneSteps.assign_to_cps.run(envFor('l1', { incident: { channel: 'chat' } }), {
      incidentId: 1,
      expectedVersion: 3,
      reason: 'chat_not_answered',
      routing: { decision: chat, recommended: null },
    });
    expect(result.journal.at(-1)?.body).toBe(
      'Routing recommended no one-step (consult the CPS chat channel); agent ran Assign to CPS',
    );
  });

  test('the script is saved with the incident number filled in', () => {
    const east = routeContact(
      {
        at: evening,
        channel: 'phone',
        service: { banner: null },
        customer: { coned: true },
        workRelated: true,
        criticalWorkStoppage: false,
      },
      demoRouting,
    );
    expect(east.script).toContain('{incidentNumber}');
    const result = oneSteps.assign_to_east.run(scenario('assign_to_east'), {
      ...validInput.assign_to_east,
      routing: { decision: east, recommended: 'assign_to_east' },
    });
    const data = result.journal.at(-1)?.data as { script: string };
    expect(data.script).toContain('Your incident number is INC-000001.');
  });

  test('no routing context → no routing entry', () => {
    const result = oneSteps.assign_to_cps.run(envFor('l1'), validInput.assign_to_cps);
    expect(result.journal.map((j) => j.kind)).toEqual(['system']);
  });
});
