import { type Actor } from '../roles';
import { incidentListBound } from '../incident/access';

/**
 * The bound a search puts on incidents, the same rule as canReadIncident: a customer finds only their
 * own cases (none without a customer record), a partner agent only their groups' channel-partner
 * tickets, everyone else who may read incidents every incident.
 */
export function searchScope(actor: Actor): {
  customerId?: number;
  partnerTeamIds?: readonly number[];
} {
  if (actor.role === 'customer') return { customerId: actor.customerId ?? -1 };
  return incidentListBound(actor);
}
