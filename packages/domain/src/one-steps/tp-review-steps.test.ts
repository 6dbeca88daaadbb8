// The Primary TP review one-steps (kb 004 step 2) and how Escalate to technologists treats a TP case.
import { describe, expect, test } from 'vitest';
import { type Incident, type TpTriage } from '../incident/schema';
import { type OneStepEnv, type OneStepName } from './contract';
import { escalateToTechnologists } from './escalate-to-technologists';
import { handleNormally } from './handle-normally';
import { markMissionCritical } from './mark-mission-critical';
import { oneSteps } from './registry';
import { requestMoreInformation } from './request-more-information';
import { domainErrorOf, envFor, now, teams, tpReviewCase, validInput } from './test-fixtures';

const run = <N extends OneStepName>(name: N, env: OneStepEnv) =>
  oneSteps[name].run(env, validInput[name]);
const tpEnv = (
  incident: Partial<Incident> = {},
  service = {
    id: 11,
    banner: null,
    supportCategory: 2,
    technologistGroup: 'DRMT' as string | null,
  },
) => envFor('l1', { incident: { ...tpReviewCase, ...incident }, service });

describe('Request more information', () => {
  test('the case waits for the customer, who reads the question in the portal', () => {
    const result = requestMoreInformation(tpEnv(), validInput.request_more_information);
    expect(result.changes).toEqual({
      status: 'pending_customer',
      tpTriage: 'info_requested',
      version: 4,
      updatedAt: now,
    });
    expect(result.journal.map((j) => [j.kind, j.visibility, j.body])).toEqual([
      ['system', 'internal', expect.stringMatching(/^Asked the customer for more information/)],
      ['note', 'customer', 'How many people in your office cannot connect?'],
    ]);
    expect(result.notifications).toEqual([
      expect.objectContaining({
        audience: 'customer',
        targetId: null,
        template: 'more-info-requested',
      }),
    ]);
  });

  test('a mission-critical case may still need more information', () => {
    expect(
      requestMoreInformation(
        tpEnv({ tpTriage: 'mission_critical' }),
        validInput.request_more_information,
      ).changes.tpTriage,
    ).toBe('info_requested');
  });

  test('no question → VALIDATION at the field', () => {
    const error = domainErrorOf(() =>
      requestMoreInformation(tpEnv(), { ...validInput.request_more_information, question: ' ' }),
    );
    expect(error).toMatchObject({
      code: 'VALIDATION',
      fields: { question: 'Write the question the customer will read' },
    });
  });
});

describe('Mark mission critical', () => {
  test('more than one person affected: marked, and the journal says whether it is in scope', () => {
    const result = markMissionCritical(tpEnv(), {
      ...validInput.mark_mission_critical,
      note: 'Confirmed by phone.',
    });
    expect(result.changes).toEqual({ tpTriage: 'mission_critical', version: 4, updatedAt: now });
    expect(result.journal.map((j) => j.body)).toEqual([
      'Marked mission critical: it affects 12 people (kb 004). In Primary TP scope (category 2, DRMT technologists). Escalate to technologists.',
      'Confirmed by phone.',
    ]);
  });

  test('out of scope, it says to handle it normally', () => {
    const result = markMissionCritical(
      tpEnv(
        {},
        { id: 13, banner: null, supportCategory: 3, technologistGroup: 'Applications Technology' },
      ),
      validInput.mark_mission_critical,
    );
    expect(result.journal[0]?.body).toMatch(
      /Out of Primary TP scope \(category 3 products are excluded\): handle normally\.$/,
    );
  });

  test.each<[string, Partial<Incident>, string]>([
    [
      'head count unknown',
      { peopleAffected: null },
      'We do not know how many people INC-000001 affects: request more information first.',
    ],
    [
      'one person',
      { peopleAffected: 1 },
      'INC-000001 affects one person, so it is not mission critical: handle it normally (kb 004).',
    ],
    [
      'already marked',
      { tpTriage: 'mission_critical' },
      'INC-000001 is already marked mission critical.',
    ],
    [
      'waiting for the customer',
      { tpTriage: 'info_requested', status: 'pending_customer' },
      "INC-000001 is waiting for the customer's answer to a request for more information.",
    ],
    [
      'not a TP case',
      { tpTriage: null },
      'INC-000001 is not a Primary Tech Partner case in review.',
    ],
  ])('%s → refused', (_name, incident, message) => {
    const env = tpEnv(incident);
    expect(oneSteps.mark_mission_critical.can(env)).toBe(message);
    expect(
      domainErrorOf(() => markMissionCritical(env, validInput.mark_mission_critical)),
    ).toMatchObject({ code: 'INVALID_TRANSITION', message });
  });
});

describe('Handle normally', () => {
  test('back to L1 in the US - Help Desk queue, out of the review queue', () => {
    const result = handleNormally(
      tpEnv({ tpTriage: 'mission_critical' }),
      validInput.handle_normally,
    );
    expect(result.changes).toEqual({ tpTriage: 'handled_normally', version: 4, updatedAt: now });
    expect(result.journal[0]?.body).toMatch(/handled normally by Level 1 in US - Help Desk/);
  });

  test('a case HDQA holds goes back to the Help Desk queue with no agent', () => {
    const result = handleNormally(
      tpEnv({ ownerTeamId: teams.HDQA, ownerAgentId: 10 }),
      validInput.handle_normally,
    );
    expect(result.changes).toMatchObject({
      ownerTeamId: teams['US - Help Desk'],
      ownerAgentId: null,
      tpTriage: 'handled_normally',
    });
  });
});

describe('the three review steps only act on TP cases in review', () => {
  const steps = ['request_more_information', 'mark_mission_critical', 'handle_normally'] as const;
  const rows = steps.flatMap((name) =>
    (['handled_normally', 'escalated', null] as (TpTriage | null)[]).map(
      (tpTriage) => [name, tpTriage] as const,
    ),
  );
  test.each(rows)('%s when triage is %s → refused', (name, tpTriage) => {
    const env = tpEnv({ tpTriage });
    expect(oneSteps[name].can(env)).toMatch(
      /left Primary TP review|not a Primary Tech Partner case in review/,
    );
    expect(domainErrorOf(() => run(name, env)).code).toBe('INVALID_TRANSITION');
  });

  test('Request more information is refused while already waiting for the customer', () => {
    expect(
      oneSteps.request_more_information.can(
        tpEnv({ tpTriage: 'info_requested', status: 'pending_customer' }),
      ),
    ).toMatch(/waiting for the customer's answer/);
  });
});

describe('Escalate to technologists on a Primary TP case (kb 004)', () => {
  test('a mission-critical, in-scope case: technologists own it, respond within one business day, and the TP is told', () => {
    const result = escalateToTechnologists(
      tpEnv({ tpTriage: 'mission_critical' }),
      validInput.escalate_to_technologists,
    );
    expect(result.changes).toMatchObject({
      ownerTeamId: teams.DRMT,
      tpTriage: 'escalated',
      status: 'assigned',
      promises: { respondBy: '2026-11-25T16:00:00Z' },
    });
    expect(result.journal.filter((j) => j.visibility === 'customer').map((j) => j.body)).toEqual([
      'Your case is mission critical and was escalated to DoIT technologists. They will contact you within one business day, by Wednesday, November 25, 10:00 AM.',
    ]);
  });

  test.each<[string, Partial<Incident>, string]>([
    [
      'still in review',
      { tpTriage: 'review' },
      'Mark INC-000001 mission critical before escalating it (Primary TP review, kb 004).',
    ],
    [
      'waiting for information',
      { tpTriage: 'info_requested', status: 'pending_customer' },
      'Mark INC-000001 mission critical before escalating it (Primary TP review, kb 004).',
    ],
  ])('%s → refused', (_name, incident, message) => {
    const env = tpEnv(incident);
    expect(oneSteps.escalate_to_technologists.can(env)).toBe(message);
    expect(
      domainErrorOf(() => escalateToTechnologists(env, validInput.escalate_to_technologists)).code,
    ).toBe('INVALID_TRANSITION');
  });

  test('an out-of-scope service → refused, handle it normally', () => {
    const env = tpEnv(
      { tpTriage: 'mission_critical' },
      { id: 13, banner: null, supportCategory: 3, technologistGroup: 'Applications Technology' },
    );
    expect(oneSteps.escalate_to_technologists.can(env)).toBe(
      'INC-000001: Out of Primary TP scope (category 3 products are excluded): handle normally.',
    );
  });

  test('choosing an out-of-scope group → VALIDATION at the group', () => {
    const error = domainErrorOf(() =>
      escalateToTechnologists(tpEnv({ tpTriage: 'mission_critical' }), {
        ...validInput.escalate_to_technologists,
        group: 'Applications Technology',
      }),
    );
    expect(error).toMatchObject({
      code: 'VALIDATION',
      fields: { group: expect.stringContaining('not Applications Technology') },
    });
  });

  test('an ordinary incident escalates as before, with no customer-visible entry', () => {
    const result = escalateToTechnologists(envFor('hdqa'), validInput.escalate_to_technologists);
    expect(result.changes).not.toHaveProperty('tpTriage');
    expect(result.journal.every((j) => j.visibility === 'internal')).toBe(true);
  });
});
