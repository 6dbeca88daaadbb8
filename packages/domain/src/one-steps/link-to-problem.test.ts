import { describe, expect, test } from 'vitest';
import { type Incident } from '../incident/schema';
import { type ProblemFacts } from '../problem/link-incident';
import { type Role } from '../roles';
import { canLinkToProblem, linkToProblem } from './link-to-problem';
import { domainErrorOf, envFor, now, openProblem, validInput } from './test-fixtures';

const envWith = (
  role: Role,
  incident: Partial<Incident> = {},
  problem: Partial<ProblemFacts> | null = {},
) => envFor(role, { incident, ...(problem ? { problem: { ...openProblem, ...problem } } : {}) });

describe('linkToProblem (kb 001 steps 8–9)', () => {
  test('L1 links a new incident: problemId set, audited, and the journal says the outage procedure applies', () => {
    const result = linkToProblem(envWith('l1'), validInput.link_to_problem);
    expect(result.changes).toEqual({ problemId: 40, version: 4, updatedAt: now });
    expect(result.audit).toEqual([
      { actorId: 10, field: 'problemId', fromValue: null, toValue: '40', version: 4, at: now },
    ]);
    expect(result.journal[0]).toMatchObject({ kind: 'system', visibility: 'internal' });
    expect(result.journal[0]?.body).toBe(
      'Linked to problem PRB-000040: Campus network down in Bascom Hall. Outage OUT-000007 (Bascom Hall network outage) is active: ' +
        'the outage procedure applies, so Level 1 saves the incident and SNCC resolves it with the outage.',
    );
  });

  test.each(['active', 'planned'] as const)(
    'linking to a problem of an %s outage ends the open chat consult, with a journal line (issue 14.4)',
    (status) => {
      const outage = { ...openProblem.outage!, status };
      const env = { ...envWith('l1', {}, { outage }), openConsultTeam: 'cps' as const };
      const result = linkToProblem(env, validInput.link_to_problem);
      expect(result.endsConsult).toBe(true);
      expect(result.journal.map((j) => j.body)).toEqual([
        expect.stringContaining(
          `Outage OUT-000007 (Bascom Hall network outage) is ${status}: the outage procedure applies`,
        ),
        `The chat consult to US - Help Desk CPS ended: INC-000001 is attached to ${status} outage OUT-000007, so the outage procedure applies and nobody takes it over.`,
      ]);
    },
  );

  test.each([
    ['no open consult', { outage: openProblem.outage }, undefined],
    ['a problem without an outage', { outage: null }, 'es' as const],
    [
      'a resolved outage',
      { outage: { ...openProblem.outage!, status: 'resolved' as const } },
      'cps' as const,
    ],
  ])('%s: the consult is left alone', (_name, problem, openConsultTeam) => {
    const env = { ...envWith('l1', {}, problem), openConsultTeam };
    const result = linkToProblem(env, validInput.link_to_problem);
    expect(result.endsConsult).toBeUndefined();
    expect(result.journal.map((j) => j.kind)).toEqual(['system']);
  });

  test('a problem without an active outage links without the outage sentence', () => {
    const result = linkToProblem(envWith('l1', {}, { outage: null }), validInput.link_to_problem);
    expect(result.journal[0]?.body).toBe(
      'Linked to problem PRB-000040: Campus network down in Bascom Hall.',
    );
  });

  test.each([
    [
      'L1 on an incident already linked elsewhere',
      'l1',
      { problemId: 3 },
      {},
      'INC-000001 is already linked to a problem; ask HDQA to move it.',
    ],
    [
      'L1 with a problem of another service',
      'l1',
      {},
      { serviceId: 99 },
      'PRB-000040 is about another service than INC-000001; ask HDQA to link it.',
    ],
    [
      'anyone on the problem it is already linked to',
      'hdqa',
      { problemId: 40 },
      {},
      'INC-000001 is already linked to PRB-000040.',
    ],
    [
      'a resolved problem',
      'hdqa',
      {},
      { status: 'resolved' as const },
      'PRB-000040 is resolved; link incidents to an open problem.',
    ],
    [
      'a pending incident of L1, linked elsewhere',
      'l1',
      { status: 'pending_customer' as const, problemId: 2 },
      {},
      'INC-000001 is already linked to a problem; ask HDQA to move it.',
    ],
  ] as const)('%s → INVALID_TRANSITION', (_name, role, incident, problem, message) => {
    const env = envWith(role, incident, problem);
    expect(canLinkToProblem(env)).toBe(message);
    expect(domainErrorOf(() => linkToProblem(env, validInput.link_to_problem))).toMatchObject({
      code: 'INVALID_TRANSITION',
      message,
    });
  });

  test.each([
    ['HDQA moves an incident from another problem', { problemId: 3 }, {}],
    ['HDQA links across services', {}, { serviceId: 99 }],
  ])('%s', (_name, incident, problem) => {
    const result = linkToProblem(envWith('hdqa', incident, problem), validInput.link_to_problem);
    expect(result.changes.problemId).toBe(40);
  });

  test('the action bar (no problem chosen yet) enables it for an unlinked open incident and disables it for L1 once linked', () => {
    expect(canLinkToProblem(envWith('l1', {}, null))).toBeNull();
    expect(canLinkToProblem(envWith('l1', { problemId: 4 }, null))).toBe(
      'INC-000001 is already linked to a problem; ask HDQA to move it.',
    );
    expect(canLinkToProblem(envWith('hdqa', { problemId: 4 }, null))).toBeNull();
  });

  test.each(['cps', 'es', 'sncc', 'technologist'] as const)('%s may not link incidents', (role) => {
    expect(
      domainErrorOf(() => linkToProblem(envWith(role), validInput.link_to_problem)),
    ).toMatchObject({
      code: 'FORBIDDEN',
      message: `Your role (${role}) may not link incidents to a problem.`,
    });
  });

  test('no chosen problem, or another one than loaded → VALIDATION problemId', () => {
    expect(
      domainErrorOf(() => linkToProblem(envWith('l1', {}, null), validInput.link_to_problem)),
    ).toMatchObject({
      code: 'VALIDATION',
      fields: { problemId: 'Choose an open problem' },
    });
    expect(
      domainErrorOf(() =>
        linkToProblem(envWith('l1'), { ...validInput.link_to_problem, problemId: 41 }),
      ).fields,
    ).toEqual({
      problemId: 'Choose an open problem',
    });
  });
});
