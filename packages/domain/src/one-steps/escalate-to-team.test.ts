import { describe, expect, test } from 'vitest';
import { escalateToTeam } from './escalate-to-team';
import { actorFor, domainErrorOf, envFor, now, teams, validInput } from './test-fixtures';

describe('escalateToTeam (kb 002 Option 2)', () => {
  test('the chosen team owns it, unassigned, with the reason as an internal note', () => {
    const result = escalateToTeam(
      envFor('sncc', { actor: actorFor('sncc', { teamIds: [5] }), incident: { ownerTeamId: 5 } }),
      validInput.escalate_to_team,
    );
    expect(result.changes).toEqual({
      ownerTeamId: 6,
      ownerAgentId: null,
      classification: 'Escalate to team',
      status: 'assigned',
      version: 4,
      updatedAt: now,
    });
    expect(result.journal.map((j) => [j.kind, j.body])).toEqual([
      ['system', 'Escalated to SNCC-Network.'],
      ['note', 'Switch port down.'],
    ]);
    expect(result.notifications).toEqual([
      expect.objectContaining({
        audience: 'team',
        targetId: 6,
        subject: 'INC-000001 assigned to SNCC-Network',
      }),
    ]);
  });

  test.each([
    ['an unknown team', 999, 'Choose a team.'],
    [
      'CPS',
      teams['US - Help Desk CPS'],
      'Use Assign to CPS to hand an incident to US - Help Desk CPS.',
    ],
    ['HD ES', teams['HD ES'], 'Use Send to HD ES to hand an incident to HD ES.'],
    ['EAST', teams.EAST, 'Use Assign to EAST to hand an incident to EAST.'],
    [
      "a channel partner's group (kb 003)",
      teams['Badger Health Client Support'],
      "Badger Health Client Support is a channel partner's group: it takes only its organisations' tickets.",
    ],
  ])('%s → VALIDATION teamId', (_name, teamId, message) => {
    const error = domainErrorOf(() =>
      escalateToTeam(envFor('l1'), { ...validInput.escalate_to_team, teamId }),
    );
    expect(error).toMatchObject({ code: 'VALIDATION', fields: { teamId: message } });
  });

  test('the team that owns it already → INVALID_TRANSITION', () => {
    const error = domainErrorOf(() =>
      escalateToTeam(envFor('l1'), { ...validInput.escalate_to_team, teamId: 1 }),
    );
    expect(error).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: 'INC-000001 is already owned by US - Help Desk.',
    });
  });

  test('no note → VALIDATION note', () => {
    const error = domainErrorOf(() =>
      escalateToTeam(envFor('l1'), { ...validInput.escalate_to_team, note: '' }),
    );
    expect(error.fields).toEqual({ note: 'Say why you escalate' });
  });
});
