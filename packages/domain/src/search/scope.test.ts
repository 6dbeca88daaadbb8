import { describe, expect, test } from 'vitest';
import { type Actor } from '../roles';
import { actorFor } from '../incident/test-fixtures';
import { searchScope } from './scope';

describe('searchScope', () => {
  test.each<[string, Actor, ReturnType<typeof searchScope>]>([
    ['a customer: their own cases', actorFor('customer', { customerId: 100 }), { customerId: 100 }],
    [
      'a customer without a record: nothing',
      actorFor('customer', { customerId: null }),
      { customerId: -1 },
    ],
    [
      'a partner agent: their groups',
      actorFor('partner_agent', { teamIds: [13, 14] }),
      { partnerTeamIds: [13, 14] },
    ],
    [
      'a partner agent in no group: no group',
      actorFor('partner_agent', { teamIds: [] }),
      { partnerTeamIds: [] },
    ],
    ['Tier 2: every incident', actorFor('tier2'), {}],
    ['L1: every incident', actorFor('l1'), {}],
    ['an admin: every incident', actorFor('admin'), {}],
  ])('%s', (_, actor, scope) => {
    expect(searchScope(actor)).toEqual(scope);
  });
});
