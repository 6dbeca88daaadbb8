import { describe, expect, test } from 'vitest';
import { DomainError } from '../errors';
import { type Role } from '../roles';
import { assignToMember, type AssignableAgent } from './assign-member';
import { actorFor, incidentWith, now } from './test-fixtures';

const member: AssignableAgent = { id: 20, name: 'Robin Member', active: true, teamIds: [1] };
const run = (over: Partial<Parameters<typeof assignToMember>[0]> = {}) =>
  assignToMember({
    incident: incidentWith({ ownerAgentId: null }),
    agent: member,
    agentId: member.id,
    teamName: 'US - Help Desk',
    actor: actorFor('l1'),
    expectedVersion: 3,
    now,
    ...over,
  });
const refusal = (over: Parameters<typeof run>[0]) => {
  try {
    run(over);
  } catch (e) {
    if (e instanceof DomainError) return { code: e.code, message: e.message };
    throw e;
  }
  return null;
};

describe('assignToMember', () => {
  test('a new incident becomes assigned to the member: update at the seen version, journal, audit, notification, event', () => {
    const e = run();
    expect(e.writes).toEqual([
      expect.objectContaining({
        op: 'update',
        entity: 'incident',
        id: 1,
        expectedVersion: 3,
        set: expect.objectContaining({
          ownerAgentId: 20,
          status: 'assigned',
          version: 4,
        }) as object,
      }),
    ]);
    expect(e.journal.map((j) => j.entry.body)).toEqual([
      'Test l1 assigned INC-000001 to Robin Member (US - Help Desk).',
    ]);
    expect(e.audit.map((a) => a.entry.field).sort()).toEqual(['ownerAgentId', 'status']);
    expect(e.notifications).toEqual([
      {
        incidentId: 1,
        draft: expect.objectContaining({ audience: 'user', targetId: 20 }) as object,
      },
    ]);
    expect(e.events).toEqual([
      expect.objectContaining({
        entity: 'incident',
        entityId: 1,
        kind: 'assigned',
        actorId: 10,
        teamIds: [1],
        userIds: [10, 20],
      }),
    ]);
  });

  test('an incident in progress keeps its status; only the owner changes', () => {
    const e = run({ incident: incidentWith({ status: 'in_progress', ownerAgentId: 10 }) });
    expect(e.audit.map((a) => a.entry.field)).toEqual(['ownerAgentId']);
  });

  test('an admin may assign in any team', () => {
    expect(() => run({ actor: actorFor('admin') })).not.toThrow();
  });

  test.each([
    ['a customer', { actor: actorFor('customer') }, 'FORBIDDEN', /may not assign incidents/],
    ['a partner agent', { actor: actorFor('partner_agent') }, 'FORBIDDEN', /may not assign/],
    [
      'someone outside the owning team',
      { actor: actorFor('l1', { teamIds: [2] }) },
      'FORBIDDEN',
      /Only members of US - Help Desk/,
    ],
    [
      'a resolved incident',
      { incident: incidentWith({ status: 'resolved' }) },
      'INVALID_TRANSITION',
      /is resolved; reopen it/,
    ],
    [
      'a closed incident',
      { incident: incidentWith({ status: 'closed' }) },
      'INVALID_TRANSITION',
      /is closed; reopen it/,
    ],
    ['no such user', { agent: null, agentId: 99 }, 'VALIDATION', /No active user #99/],
    [
      'a deactivated user',
      { agent: { ...member, active: false } },
      'VALIDATION',
      /No active user #20/,
    ],
    [
      'someone of another team',
      { agent: { ...member, teamIds: [2] } },
      'VALIDATION',
      /Robin Member is not a member of US - Help Desk/,
    ],
    [
      'the owner already',
      { incident: incidentWith({ ownerAgentId: 20 }) },
      'VALIDATION',
      /already assigned to Robin Member/,
    ],
  ] as [string, Parameters<typeof run>[0], string, RegExp][])(
    'refused: %s',
    (_, over, code, message) => {
      const r = refusal(over);
      expect(r?.code).toBe(code);
      expect(r?.message).toMatch(message);
    },
  );

  test.each(['l1', 'hdqa', 'cps', 'es', 'sncc', 'technologist', 'tier2'] as Role[])(
    'a %s member of the team may assign',
    (role) => {
      expect(() => run({ actor: actorFor(role) })).not.toThrow();
    },
  );
});
