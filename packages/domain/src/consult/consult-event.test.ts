import { describe, expect, test } from 'vitest';
import { teamNames } from '../teams';
import { consultEvent } from './entity';

const teams = { [teamNames.cps]: 40, [teamNames.helpDesk]: 10 };
const consult = { team: 'cps' as const, openedById: 7, acceptedById: null };

describe('consultEvent: one audience for every consult write', () => {
  test.each([
    ['opened (incident known)', { incident: { ownerTeamId: 10 } }, consult, [10], [7]],
    [
      'expired (queue and incident)',
      { teams, incident: { ownerTeamId: 10 } },
      consult,
      [10, 40],
      [7],
    ],
    [
      'accepted (queue, incident, both agents)',
      { teams, incident: { ownerTeamId: 10 } },
      { ...consult, acceptedById: 9 },
      [10, 40],
      [7, 9],
    ],
  ])('%s', (_, audience, c, teamIds, userIds) => {
    expect(consultEvent(3, 'x', 7, c, audience)).toEqual({
      entity: 'consult',
      entityId: 3,
      kind: 'x',
      actorId: 7,
      teamIds,
      userIds,
    });
  });
});
