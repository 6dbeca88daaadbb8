// Which SLA policy holds for an incident (issue 18).
import { type Incident } from '../incident/schema';
import { type SlaPolicy, type Target } from './schema';

const inForceAt = (p: SlaPolicy, at: string): boolean =>
  Date.parse(p.effectiveFrom) <= Date.parse(at) &&
  (p.supersededAt === null || Date.parse(at) < Date.parse(p.supersededAt));

// A policy naming the urgency and the channel beats one naming either, which beats the team's default.
const specificity = (p: SlaPolicy): number =>
  (p.urgency === null ? 0 : 2) + (p.channel === null ? 0 : 1);

/**
 * The policy of `teamId` in force when the incident was created (an edit applies to incidents created
 * after it), matching its urgency and channel, the most specific first; null when the team has none.
 */
export function policyFor(
  policies: readonly SlaPolicy[],
  teamId: number,
  incident: Pick<Incident, 'urgency' | 'channel' | 'createdAt'>,
): SlaPolicy | null {
  const matching = policies.filter(
    (p) =>
      p.teamId === teamId &&
      inForceAt(p, incident.createdAt) &&
      (p.urgency === null || p.urgency === incident.urgency) &&
      (p.channel === null || p.channel === incident.channel),
  );
  return matching.sort((a, b) => specificity(b) - specificity(a))[0] ?? null;
}

export const firstResponseTarget = (p: SlaPolicy): Target => ({
  amount: p.firstResponseAmount,
  unit: p.firstResponseUnit,
});
export const resolutionTarget = (p: SlaPolicy): Target => ({
  amount: p.resolutionAmount,
  unit: p.resolutionUnit,
});
