import { technologistGroups, type RoutingDecision } from '@handoff/domain';

type Named = Pick<RoutingDecision, 'technologistGroup' | 'escalationTeam'> | undefined;

/** The group routing names, as one of the step's groups ("SNCC-Network" → "SNCC"), if any. */
export function technologistGroupOf(decision: Named): string | undefined {
  const group = decision?.technologistGroup;
  if (!group) return undefined;
  if ((technologistGroups as readonly string[]).includes(group)) return group;
  return group.startsWith('SNCC') ? 'SNCC' : undefined;
}

/** The team option routing names for Escalate to team, if it is among the teams offered. */
export const escalationTeamOf = <O extends { value: string; label: string }>(
  decision: Named,
  teams: O[],
): O | undefined =>
  decision?.escalationTeam ? teams.find((t) => t.label === decision.escalationTeam) : undefined;
