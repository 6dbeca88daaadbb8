import { DomainError } from '../errors';
import { type IncidentChanges } from '../incident/create-incident';
import { type NewIncident, type NewJournalEntry } from '../incident/schema';
import { assertCan } from '../permissions';
import { type Actor } from '../roles';
import { portalRoutingEntry, type PortalRoute } from './route-portal-case';
import { type PortalCaseCreateInput } from './schema';

/** The customer record behind a Help Online login. */
export interface PortalCustomer {
  id: number;
  name: string;
  email: string;
  phone: string | null;
}

/**
 * A customer files a case in Help Online (kb 000, 004): channel `portal`, filed for the customer
 * themself, in the US - Help Desk queue with no agent, and marked for Primary TP review when the
 * route says so. The caller fields come from the customer's record; they choose the contact.
 */
export function createPortalCase({
  input,
  actor,
  customer,
  route,
  helpDeskTeamId,
  now,
}: {
  input: PortalCaseCreateInput;
  actor: Actor;
  customer: PortalCustomer;
  route: PortalRoute;
  helpDeskTeamId: number;
  now: string;
}): { incident: NewIncident } & IncidentChanges {
  assertCan(actor, 'case.create');
  if (actor.customerId !== customer.id) {
    throw new DomainError(
      'FORBIDDEN',
      'Your sign-in is not linked to this customer record; call the Help Desk to file a case.',
    );
  }
  const incident: NewIncident = {
    callerName: customer.name,
    callerPhone: input.phone ?? customer.phone,
    callerEmail: customer.email,
    customerId: customer.id,
    channel: 'portal',
    serviceId: input.serviceId,
    description: input.description,
    classification: null,
    status: 'new',
    ownerTeamId: helpDeskTeamId,
    ownerAgentId: null,
    urgency: null,
    expectation: null,
    preferredContact: input.preferredContact,
    computerName: input.computerName ?? null,
    problemId: null,
    promises: {},
    peopleAffected: input.peopleAffected ?? null,
    tpTriage: route.tpReview ? 'review' : null,
    version: 1,
    createdById: actor.id,
    createdAt: now,
    updatedAt: now,
  };
  const contact =
    input.preferredContact === 'phone'
      ? `by phone at ${incident.callerPhone}`
      : `by e-mail at ${customer.email}`;
  const journal: NewJournalEntry[] = [
    {
      kind: 'system',
      visibility: 'internal',
      body: `Case submitted in Help Online by ${customer.name} (portal).`,
      authorId: actor.id,
      data: null,
      createdAt: now,
    },
    portalRoutingEntry(route, actor.id, now),
    {
      kind: 'system',
      visibility: 'customer',
      body: `We received your case. The Help Desk will contact you ${contact}; you can add notes here at any time.`,
      authorId: actor.id,
      data: null,
      createdAt: now,
    },
  ];
  return {
    incident,
    journal,
    audit: [
      { actorId: actor.id, field: 'status', fromValue: null, toValue: 'new', version: 1, at: now },
    ],
  };
}
