import { describe, expect, test } from 'vitest';
import { type technologistGroups } from './contract';
import { escalateToTechnologists } from './escalate-to-technologists';
import { actorFor, domainErrorOf, envFor, now, validInput } from './test-fixtures';

const withService = (technologistGroup: string | null, incident = {}) =>
  envFor('hdqa', {
    service: { id: 5, banner: null, supportCategory: 1, technologistGroup },
    incident,
  });
type Group = (typeof technologistGroups)[number];

describe('escalateToTechnologists (kb 004)', () => {
  test('the service’s group owns it, with the one-business-day response promised', () => {
    const result = escalateToTechnologists(
      withService('DRMT'),
      validInput.escalate_to_technologists,
    );
    expect(result.changes).toEqual({
      ownerTeamId: 8,
      ownerAgentId: null,
      classification: 'Escalate to technologists',
      status: 'assigned',
      promises: { respondBy: '2026-11-25T16:00:00Z' },
      version: 4,
      updatedAt: now,
    });
    expect(result.journal.map((j) => j.body)).toEqual([
      'Escalated to the DRMT technologists (DRMT); they respond within one business day, by Wednesday 10:00 AM.',
      'Whole department cannot print.',
    ]);
    expect(result.journal[1]).toMatchObject({ kind: 'note', visibility: 'internal' });
    expect(result.notifications).toEqual([
      expect.objectContaining({ audience: 'team', targetId: 8 }),
    ]);
  });

  test.each([
    ['the service’s group', 'Middleware', undefined, 9],
    ['SNCC → SNCC-Sysops', 'SNCC', undefined, 5],
    ['the chosen group over the service’s', 'DRMT', 'IIAT', 10],
    ['a chosen group when the service names none', null, 'Applications Technology', 11],
  ] as const)('%s', (_name, serviceGroup, group: Group | undefined, teamId) => {
    const result = escalateToTechnologists(withService(serviceGroup), {
      ...validInput.escalate_to_technologists,
      group,
    });
    expect(result.changes.ownerTeamId).toBe(teamId);
  });

  test.each([
    [
      'no group anywhere',
      withService(null),
      { group: 'Choose the technologist group: the service names none.' },
    ],
    ['a group with no team', withService('Quantum'), { group: 'No team is set up for Quantum.' }],
  ])('%s → VALIDATION', (_name, env, fields) => {
    expect(
      domainErrorOf(() => escalateToTechnologists(env, validInput.escalate_to_technologists)),
    ).toMatchObject({ code: 'VALIDATION', fields });
  });

  test('the group that owns it already → INVALID_TRANSITION', () => {
    // An HDQA agent who is also in DRMT (anyone else may not change DRMT's incident at all).
    const env = {
      ...withService('DRMT', { ownerTeamId: 8 }),
      actor: actorFor('hdqa', { teamIds: [8] }),
    };
    const error = domainErrorOf(() =>
      escalateToTechnologists(env, validInput.escalate_to_technologists),
    );
    expect(error).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: 'INC-000001 is already owned by DRMT.',
    });
  });
});
