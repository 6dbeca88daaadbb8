import { describe, expect, test } from 'vitest';
import { actorFor } from '../incident/test-fixtures';
import { type Role } from '../roles';
import { canTakeOwnership, takeOwnership } from './take-ownership';
import { domainErrorOf, envFor, now, validInput } from './test-fixtures';

const cpsQueue = (role: Role, teamIds: number[]) =>
  envFor(role, {
    actor: actorFor(role, { teamIds }),
    incident: { ownerTeamId: 3, ownerAgentId: null, status: 'assigned' },
  });

describe('takeOwnership (kb 002 "an ES agent will take ownership")', () => {
  test('a member of the owning team takes it from the queue', () => {
    const result = takeOwnership(cpsQueue('cps', [3]), validInput.take_ownership);
    expect(result.changes).toEqual({
      ownerAgentId: 10,
      status: 'in_progress',
      version: 4,
      updatedAt: now,
    });
    expect(result.audit.map((a) => [a.field, a.fromValue, a.toValue])).toEqual([
      ['ownerAgentId', null, '10'],
      ['status', 'assigned', 'in_progress'],
    ]);
    expect(result.journal[0]?.body).toBe('Test cps took ownership for US - Help Desk CPS.');
    expect(result.notifications).toEqual([
      expect.objectContaining({
        audience: 'team',
        targetId: 3,
        subject: 'INC-000001 taken by Test cps',
      }),
    ]);
  });

  test('an admin, in no team, may not take it (issue 13: the admin took a DRMT incident)', () => {
    const env = envFor('admin', {
      actor: actorFor('admin', { teamIds: [] }),
      incident: { ownerTeamId: 8, ownerAgentId: null, status: 'assigned' },
    });
    expect(domainErrorOf(() => takeOwnership(env, validInput.take_ownership))).toMatchObject({
      code: 'FORBIDDEN',
      message: 'Only members of DRMT may take ownership of INC-000001.',
    });
  });

  test.each(['l1', 'es', 'technologist'] as const)(
    'a %s outside the owning team → FORBIDDEN',
    (role) => {
      const env = cpsQueue(role, [1]);
      const message = 'Only members of US - Help Desk CPS may take ownership of INC-000001.';
      expect(canTakeOwnership(env)).toBe(message);
      expect(domainErrorOf(() => takeOwnership(env, validInput.take_ownership))).toMatchObject({
        code: 'FORBIDDEN',
        message,
      });
    },
  );

  test('your own incident → INVALID_TRANSITION', () => {
    const env = envFor('l1');
    expect(canTakeOwnership(env)).toBe('You already own INC-000001.');
    expect(domainErrorOf(() => takeOwnership(env, validInput.take_ownership)).code).toBe(
      'INVALID_TRANSITION',
    );
  });
});
