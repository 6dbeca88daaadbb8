import { describe, expect, test } from 'vitest';
import { type technologistGroups } from './technologist-groups';
import { canEscalateToTechnologists, escalateToTechnologists } from './escalate-to-technologists';
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
      peopleAffected: 12,
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
    ['a chosen group when the service names none', null, 'IIAT', 10],
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
    [
      'Applications Technology, outside the kb 004 scope',
      withService('Applications Technology'),
      {
        group:
          'Escalation to technologists goes to SNCC, DRMT, Middleware or IIAT, not Applications Technology (kb 004 scope).',
      },
    ],
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

  // Issue 14 item 10: kb 004's scope holds on the phone too, not only for portal cases.
  test.each([
    [
      'one person affected, as the agent says',
      { channel: 'phone' as const, peopleAffected: null },
      1,
      'It affects one person, so it is not mission critical: handle INC-000001 normally (kb 004).',
    ],
    [
      'one person affected, as the incident says',
      { channel: 'email' as const, peopleAffected: 1 },
      undefined,
      'It affects one person, so it is not mission critical: handle INC-000001 normally (kb 004).',
    ],
    [
      'nobody said how many',
      { channel: 'chat' as const, peopleAffected: null },
      undefined,
      'Say how many people it affects: only an issue affecting more than one person is mission critical (kb 004).',
    ],
  ])('%s → VALIDATION at peopleAffected', (_name, incident, peopleAffected, message) => {
    expect(
      domainErrorOf(() =>
        escalateToTechnologists(withService('DRMT', incident), {
          ...validInput.escalate_to_technologists,
          peopleAffected,
        }),
      ),
    ).toMatchObject({ code: 'VALIDATION', fields: { peopleAffected: message } });
  });

  test('the incident already saying more than one person is enough; the answer is kept on it', () => {
    const kept = escalateToTechnologists(withService('DRMT', { peopleAffected: 5 }), {
      ...validInput.escalate_to_technologists,
      peopleAffected: undefined,
    });
    expect(kept.changes.ownerTeamId).toBe(8);
    expect(kept.changes).not.toHaveProperty('peopleAffected');
    const told = escalateToTechnologists(withService('DRMT', { peopleAffected: null }), {
      ...validInput.escalate_to_technologists,
      peopleAffected: 30,
    });
    expect(told.changes.peopleAffected).toBe(30);
    expect(told.audit).toContainEqual(
      expect.objectContaining({ field: 'peopleAffected', fromValue: null, toValue: '30' }),
    );
  });

  test.each(['phone', 'email', 'chat', 'portal'] as const)(
    'a category 3 product is out of scope on %s: the button is disabled and a run refused',
    (channel) => {
      const env = envFor('l1', {
        service: { id: 13, banner: null, supportCategory: 3, technologistGroup: 'DRMT' },
        incident: { channel, peopleAffected: 1 },
      });
      const message =
        'INC-000001: Out of Primary TP scope (category 3 products are excluded): handle normally. (kb 004)';
      expect(canEscalateToTechnologists(env)).toBe(message);
      expect(
        domainErrorOf(() => escalateToTechnologists(env, validInput.escalate_to_technologists)),
      ).toMatchObject({ code: 'INVALID_TRANSITION', message });
    },
  );
});
