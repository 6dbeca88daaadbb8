// Builders shared by the partner rule tests: Badger Health's group, Tier 2 Support, a requester.
import { DomainError } from '../errors';
import { actorFor, incidentWith, now } from '../incident/test-fixtures';
import { type Incident } from '../incident/schema';
import { type Actor } from '../roles';
import { type PartnerEnv, type Person } from './schema';

export { now };

export const partnerTeam = { id: 13, name: 'Badger Health Client Support' };
export const tier2Team = { id: 12, name: 'Tier 2 Support' };
export const parker: Person = { id: 30, name: 'Parker Partner', email: 'partner@handoff.test' };
export const piper: Person = { id: 31, name: 'Piper Partner', email: 'partner2@handoff.test' };
export const tatum: Person = { id: 40, name: 'Tatum Tier2', email: 'tier2@handoff.test' };
export const toby: Person = { id: 41, name: 'Toby Tier2', email: 'tier2b@handoff.test' };
export const requester = { name: 'Rita Requester', email: 'rita@badgerhealth.example' };

export const partnerActor = (p: Person = parker): Actor =>
  actorFor('partner_agent', { id: p.id, name: p.name, teamIds: [partnerTeam.id] });
export const tier2Actor = (p: Person = tatum): Actor =>
  actorFor('tier2', { id: p.id, name: p.name, teamIds: [tier2Team.id] });
export const requesterActor = (): Actor =>
  actorFor('customer', { id: 50, name: requester.name, customerId: 100 });

/** A ticket an hour old at `now`, waiting in the partner group's queue with nobody on it. */
export const lastHopAt = '2026-11-24T15:00:00.000Z';

export type Phase = 'unclaimed' | 'with_partner' | 'awaiting_tier2' | 'with_tier2';

const incidentIn: Record<Phase, Partial<Incident>> = {
  unclaimed: { ownerTeamId: partnerTeam.id, ownerAgentId: null, status: 'new' },
  with_partner: { ownerTeamId: partnerTeam.id, ownerAgentId: parker.id, status: 'in_progress' },
  awaiting_tier2: { ownerTeamId: tier2Team.id, ownerAgentId: null, status: 'assigned' },
  with_tier2: { ownerTeamId: tier2Team.id, ownerAgentId: tatum.id, status: 'in_progress' },
};
const assigneeIn: Record<Phase, string | null> = {
  unclaimed: null,
  with_partner: parker.name,
  awaiting_tier2: null,
  with_tier2: tatum.name,
};

/** The env of `actor` on a ticket in `phase` (Parker owns the relationship once claimed). */
export function partnerEnv(
  phase: Phase,
  actor: Actor,
  overrides: Omit<Partial<PartnerEnv>, 'incident'> & { incident?: Partial<Incident> } = {},
): PartnerEnv {
  const { incident, ...rest } = overrides;
  return {
    incident: incidentWith({
      number: 'INC-000042',
      channel: 'portal',
      customerId: 100,
      callerName: requester.name,
      callerEmail: requester.email,
      description: 'Patient portal login loops back to the sign-in page.',
      ...incidentIn[phase],
      ...incident,
    }),
    ticket: {
      organisationId: 1,
      organisationName: 'Badger Health',
      partnerTeamId: partnerTeam.id,
      partnerTeamName: partnerTeam.name,
      relationshipAgent: phase === 'unclaimed' ? null : parker,
    },
    actor,
    now,
    tier2Team,
    assigneeName: assigneeIn[phase],
    partnerMembers: [parker, piper],
    tier2Members: [tatum, toby],
    requester,
    lastHopAt,
    roundTrips: 0,
    privateCommentsSincePull: 0,
    ...rest,
  };
}

export function domainErrorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError, nothing was thrown');
}
