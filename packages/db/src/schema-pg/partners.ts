import { index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { hopKinds } from '@handoff/domain';
import { incidents } from './incidents';
import { organisations, teams, users } from './people';

/**
 * What a channel-partner ticket adds to its incident (kb 003): the organisation and partner group,
 * and the partner agent who owns the customer relationship through every escalation.
 */
export const partnerTickets = pgTable(
  'partner_tickets',
  {
    incidentId: integer('incident_id')
      .primaryKey()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    partnerTeamId: integer('partner_team_id')
      .notNull()
      .references(() => teams.id),
    relationshipAgentId: integer('relationship_agent_id').references(() => users.id),
  },
  // A partner agent's "my incidents" includes the tickets whose requester they keep while Tier 2 holds them.
  (t) => [index('partner_tickets_relationship_idx').on(t.relationshipAgentId)],
);

/** Each hand-off of a partner ticket: who, when, to whom, and how long it waited before. */
export const partnerHops = pgTable(
  'partner_hops',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    incidentId: integer('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: hopKinds }).notNull(),
    actorId: integer('actor_id').references(() => users.id),
    fromTeamId: integer('from_team_id').references(() => teams.id),
    toTeamId: integer('to_team_id')
      .notNull()
      .references(() => teams.id),
    toAgentId: integer('to_agent_id').references(() => users.id),
    at: text('at').notNull(),
    waitedSeconds: integer('waited_seconds').notNull(),
  },
  (t) => [index('partner_hops_incident_idx').on(t.incidentId, t.id)],
);
