import { describe, expect, test } from 'vitest';
import { DomainError } from '../errors';
import { teams } from '../one-steps/test-fixtures';
import { incidentChangeScope } from '../permissions';
import { roles, type Role } from '../roles';
import { assertCanChangeIncident, changeScopeRefusal } from './change-scope';
import { actorFor, incidentWith } from './test-fixtures';

type TeamName = keyof typeof teams;
const teamList = Object.keys(teams) as TeamName[];

// Each role with the teams its demo logins belong to.
const membership: Record<Role, TeamName[]> = {
  l1: ['US - Help Desk'],
  hdqa: ['HDQA'],
  cps: ['US - Help Desk CPS'],
  es: ['HD ES'],
  sncc: ['SNCC-Sysops', 'SNCC-Network'],
  technologist: ['DRMT', 'Middleware'],
  tier2: ['Tier 2 Support'],
  partner_agent: ['Badger Health Client Support'],
  customer: [],
  admin: [],
};

const helpDesk: TeamName[] = ['US - Help Desk', 'HDQA', 'US - Help Desk CPS', 'HD ES'];
// Which teams' incidents each role may change: the expected answer, written out by hand.
const mayChange: Record<Role, TeamName[]> = {
  l1: helpDesk,
  hdqa: helpDesk,
  cps: helpDesk,
  es: helpDesk,
  sncc: ['SNCC-Sysops', 'SNCC-Network'],
  technologist: ['DRMT', 'Middleware'],
  tier2: ['Tier 2 Support'],
  partner_agent: [],
  customer: [],
  admin: [],
};

const matrix = roles.flatMap((role) =>
  teamList.map((team) => [role, team, mayChange[role].includes(team)] as const),
);

describe('who may change an incident of which team (permissions.ts incidentChangeScope)', () => {
  test.each(matrix)('%s on an incident of %s → allowed: %s', (role, team, allowed) => {
    const actor = actorFor(role, { teamIds: membership[role].map((t) => teams[t]) });
    const facts = {
      incident: incidentWith({ ownerTeamId: teams[team] }),
      ownerTeamName: team,
      partnerScope: { partnerTeamId: null },
      underActiveOutage: false,
    };
    const refusal = changeScopeRefusal(actor, facts);
    if (allowed) {
      expect(refusal).toBeNull();
      expect(() => assertCanChangeIncident(actor, facts)).not.toThrow();
    } else {
      expect(refusal).toContain(`INC-000001 is with ${team}, so you may not change it: `);
      expect(refusal).toContain(incidentChangeScope[role].reason);
      let thrown: unknown;
      try {
        assertCanChangeIncident(actor, facts);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(DomainError);
      expect(thrown).toMatchObject({ code: 'FORBIDDEN', message: refusal });
    }
  });

  // A channel-partner ticket is its group's wherever it sits (with Tier 2 too, kb 003 rule 6).
  test.each([
    ['own group, held by the group', teams['Badger Health Client Support'], true],
    ['own group, with Tier 2', teams['Tier 2 Support'], true],
  ] as const)('partner agent, ticket of its %s → allowed: %s', (_, ownerTeamId, allowed) => {
    const actor = actorFor('partner_agent', { teamIds: [teams['Badger Health Client Support']] });
    const refusal = changeScopeRefusal(actor, {
      incident: incidentWith({ ownerTeamId }),
      ownerTeamName: undefined,
      partnerScope: { partnerTeamId: teams['Badger Health Client Support'] },
      underActiveOutage: false,
    });
    expect(refusal === null).toBe(allowed);
  });

  test("partner agent, another group's ticket → refused", () => {
    const actor = actorFor('partner_agent', { teamIds: [teams['Badger Health Client Support']] });
    expect(
      changeScopeRefusal(actor, {
        incident: incidentWith({ ownerTeamId: 99 }),
        ownerTeamName: undefined,
        partnerScope: { partnerTeamId: 99 },
        underActiveOutage: false,
      }),
    ).toBe(
      "INC-000001 is with team #99, so you may not change it: Partner agent (partner_agent) changes only its own group's channel-partner tickets.",
    );
  });

  // kb 001: an incident of an active outage stays on the help desk's queue, and SNCC may work it.
  test.each(
    roles.map(
      (role) => [role, role === 'sncc' || mayChange[role].includes('US - Help Desk')] as const,
    ),
  )('%s on a US - Help Desk incident of an active outage → allowed: %s', (role, allowed) => {
    const actor = actorFor(role, { teamIds: membership[role].map((t) => teams[t]) });
    const refusal = changeScopeRefusal(actor, {
      incident: incidentWith({ ownerTeamId: teams['US - Help Desk'] }),
      ownerTeamName: 'US - Help Desk',
      partnerScope: { partnerTeamId: null },
      underActiveOutage: true,
    });
    expect(refusal === null).toBe(allowed);
  });

  test('every role has a scope with a reason', () => {
    for (const role of roles) expect(incidentChangeScope[role].reason.length).toBeGreaterThan(10);
  });
});
