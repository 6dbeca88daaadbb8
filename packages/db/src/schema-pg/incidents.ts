import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import {
  channels,
  incidentStatuses,
  journalKinds,
  tpTriageStates,
  urgencies,
  visibilities,
  type Incident,
  type RoutingAnswers,
} from '@handoff/domain';
import { services } from './catalog';
import { customers, teams, users } from './people';

/** Named counters handed out inside the creating transaction (incident numbers never repeat). */
export const counters = pgTable('counters', {
  name: text('name').primaryKey(),
  value: integer('value').notNull(),
});

export const incidents = pgTable(
  'incidents',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    number: text('number').notNull().unique(),
    callerName: text('caller_name').notNull(),
    callerPhone: text('caller_phone'),
    callerEmail: text('caller_email'),
    customerId: integer('customer_id').references(() => customers.id),
    channel: text('channel', { enum: channels }).notNull(),
    serviceId: integer('service_id')
      .notNull()
      .references(() => services.id),
    description: text('description').notNull(),
    classification: text('classification'),
    status: text('status', { enum: incidentStatuses }).notNull(),
    ownerTeamId: integer('owner_team_id')
      .notNull()
      .references(() => teams.id),
    ownerAgentId: integer('owner_agent_id').references(() => users.id),
    urgency: text('urgency', { enum: urgencies }),
    expectation: text('expectation'),
    preferredContact: text('preferred_contact'),
    computerName: text('computer_name'),
    // No FOREIGN KEY to problems, as on SQLite (schema/incidents.ts says why): links are made only
    // through problemRepository, which checks the problem.
    problemId: integer('problem_id'),
    promises: jsonb('promises')
      .$type<Incident['promises']>()
      .notNull()
      .default(sql`'{}'`),
    peopleAffected: integer('people_affected'),
    /** Primary TP review state of a portal case (kb 004); null for every other incident. */
    tpTriage: text('tp_triage', { enum: tpTriageStates }),
    version: integer('version').notNull().default(1),
    /**
     * The earliest contact-by promise (what the queue's "Promise" column shows), '~' when none (sorts
     * after every instant): computed by PostgreSQL from `promises` (a STORED generated column: PostgreSQL 15 has no
     * virtual ones), so no write path can forget it, and indexed per team so the queue sorts on it.
     * The cluster's collation must be "C" (scripts/pg-test.sh: `initdb --locale=C`) for '~' to sort
     * after every ISO instant as it does in SQLite's binary collation.
     */
    nextPromiseAt: text('next_promise_at').generatedAlwaysAs(
      sql`least(coalesce(promises->>'contactBy', '~'), coalesce(promises->>'callIfNoContactBy', '~'), coalesce(promises->>'respondBy', '~'), coalesce(promises->>'techContactBy', '~'))`,
    ),
    /** The owner agent's id, 0 when unowned: a non-null key the queue's "sort by owner" pages on. */
    ownerSortId: integer('owner_sort_id').generatedAlwaysAs(sql`coalesce(owner_agent_id, 0)`),
    /**
     * When the first of its running SLA clocks breaches (issue 18), null when none runs: kept by the
     * commit module in the same transaction as every incident change (packages/db/src/sla).
     */
    slaDueAt: text('sla_due_at'),
    /** `sla_due_at`, '~' when none (sorts after every instant): the queue's "time to breach" key. */
    nextBreachAt: text('next_breach_at').generatedAlwaysAs(sql`coalesce(sla_due_at, '~')`),
    createdById: integer('created_by_id').references(() => users.id),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  // Queue lists are newest first (id desc) within an owner, optionally by status / service:
  // these indexes let PostgreSQL walk them by keyset without scanning the table.
  (t) => [
    index('incidents_team_queue_idx').on(t.ownerTeamId, t.id),
    index('incidents_team_status_idx').on(t.ownerTeamId, t.status, t.id),
    index('incidents_agent_idx').on(t.ownerAgentId, t.status, t.id),
    index('incidents_customer_idx').on(t.customerId, t.id),
    index('incidents_service_idx').on(t.serviceId, t.id),
    // The TP review queue walks it oldest first by triage state.
    index('incidents_tp_triage_idx').on(t.tpTriage, t.id),
    // Linked incidents of a problem (Resolve Attached Incidents, the problem page) and unlinked ones by service.
    index('incidents_problem_idx').on(t.problemId, t.status),
    // The queue grid sorts a team's incidents by promise, service or owner (issue 15), each by keyset.
    index('incidents_team_promise_idx').on(t.ownerTeamId, t.nextPromiseAt, t.id),
    index('incidents_team_service_idx').on(t.ownerTeamId, t.serviceId, t.id),
    index('incidents_team_owner_idx').on(t.ownerTeamId, t.ownerSortId, t.id),
    index('incidents_team_breach_idx').on(t.ownerTeamId, t.nextBreachAt, t.id),
    // The dashboard's partial days and young open incidents, found by creation (issue 18).
    index('incidents_created_idx').on(t.createdAt),
  ],
);

export const journalEntries = pgTable(
  'journal_entries',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    incidentId: integer('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: journalKinds }).notNull(),
    visibility: text('visibility', { enum: visibilities }).notNull(),
    body: text('body').notNull(),
    authorId: integer('author_id').references(() => users.id),
    data: jsonb('data').$type<unknown>(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('journal_incident_idx').on(t.incidentId, t.id)],
);

export const auditEvents = pgTable(
  'audit_events',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    incidentId: integer('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    actorId: integer('actor_id').references(() => users.id),
    field: text('field').notNull(),
    fromValue: text('from_value'),
    toValue: text('to_value'),
    version: integer('version').notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('audit_incident_idx').on(t.incidentId, t.id)],
);

/**
 * The answers an agent recorded on the Route panel, kept with the incident until a one-step runs
 * (issue 14.11): reloading the page keeps them, and the step routes again on them (issue 14.2).
 */
export const routingAnswers = pgTable('routing_answers', {
  incidentId: integer('incident_id')
    .primaryKey()
    .references(() => incidents.id, { onDelete: 'cascade' }),
  answers: jsonb('answers').$type<RoutingAnswers>().notNull(),
  recordedById: integer('recorded_by_id').references(() => users.id),
  recordedAt: text('recorded_at').notNull(),
});

/**
 * How many incidents each team has in each status (the queue grid's tabs), kept by triggers on
 * `incidents` in the transaction of every write (migration 0014), so the counts cost one indexed
 * read instead of a scan of the team's incidents (a million-incident team: ~100 ms).
 */
export const queueCounts = pgTable(
  'queue_counts',
  {
    teamId: integer('team_id').notNull(),
    status: text('status', { enum: incidentStatuses }).notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.status] })],
);
