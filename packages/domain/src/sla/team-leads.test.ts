import { describe, expect, test } from 'vitest';
import { DomainError } from '../errors';
import { setTeamLeads, teamLeadsInputSchema, type TeamLeadsEnv } from './team-leads';

const now = '2026-11-24T16:00:00.000Z';
const admin = { id: 1 };
const env: TeamLeadsEnv = {
  team: { id: 3, name: 'US - Help Desk CPS' },
  current: [7],
  people: [
    { id: 7, name: 'Cameron', role: 'cps', deactivatedAt: null, signsIn: true },
    { id: 8, name: 'Cory', role: 'cps', deactivatedAt: null, signsIn: true },
    { id: 9, name: 'Casey', role: 'customer', deactivatedAt: null, signsIn: true },
    { id: 10, name: 'Parker', role: 'partner_agent', deactivatedAt: null, signsIn: true },
    { id: 11, name: 'Gone', role: 'cps', deactivatedAt: '2026-01-01T00:00:00.000Z', signsIn: true },
    { id: 12, name: 'Help Online (portal)', role: 'l1', deactivatedAt: null, signsIn: false },
  ],
};

describe('setTeamLeads', () => {
  test('adds and removes leads, one admin audit row each, and one event', () => {
    const e = setTeamLeads(admin, env, { teamId: 3, userIds: [8] }, now);
    expect(e.writes).toMatchObject([
      { op: 'delete', entity: 'teamLead', where: { teamId: 3, userId: 7 }, expectRows: 1 },
      { op: 'insert', entity: 'teamLead', values: { teamId: 3, userId: 8 } },
      {
        op: 'insert',
        entity: 'adminAudit',
        values: {
          entity: 'team_lead',
          entityKey: '3',
          field: 'lead',
          fromValue: '7',
          toValue: null,
        },
      },
      {
        op: 'insert',
        entity: 'adminAudit',
        values: {
          entity: 'team_lead',
          entityKey: '3',
          field: 'lead',
          fromValue: null,
          toValue: '8',
        },
      },
    ]);
    expect(e.events).toEqual([
      {
        entity: 'teamLead',
        entityId: 3,
        kind: 'leads_changed',
        teamIds: [3],
        userIds: [8, 7],
        actorId: 1,
      },
    ]);
  });

  test.each([
    ['no such team', { ...env, team: undefined }, [8], 'NOT_FOUND'],
    ['no such user', env, [99], 'VALIDATION'],
    ['a customer', env, [9], 'VALIDATION'],
    ['a partner agent', env, [10], 'VALIDATION'],
    ['a deactivated login', env, [11], 'VALIDATION'],
    ['a system account', env, [12], 'VALIDATION'],
    ['nothing changes', env, [7], 'VALIDATION'],
  ] as const)('refuses %s', (_, e, userIds, code) => {
    const call = () => setTeamLeads(admin, e, { teamId: 3, userIds: [...userIds] }, now);
    expect(call).toThrow(DomainError);
    try {
      call();
    } catch (err) {
      expect((err as DomainError).code).toBe(code);
    }
  });

  test('a system account is refused with a reason that names it', () => {
    expect(() => setTeamLeads(admin, env, { teamId: 3, userIds: [12] }, now)).toThrow(
      'Help Online (portal) is a system account, which nobody signs in as, and cannot lead a team.',
    );
  });

  test('a team may have no lead, or several; never the same person twice', () => {
    expect(setTeamLeads(admin, env, { teamId: 3, userIds: [] }, now).writes).toHaveLength(2);
    expect(setTeamLeads(admin, env, { teamId: 3, userIds: [7, 8] }, now).writes).toHaveLength(2);
    expect(teamLeadsInputSchema.safeParse({ teamId: 3, userIds: [7, 7] }).success).toBe(false);
  });
});
