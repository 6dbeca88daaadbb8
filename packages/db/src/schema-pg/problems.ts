import { index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import {
  outageKinds,
  outageStatuses,
  outageUpdateKinds,
  problemJournalKinds,
  problemStatuses,
  type Outage,
  type Problem,
} from '@handoff/domain';
import { services } from './catalog';
import { teams, users } from './people';

/** Outages (DOMAIN.md §2, kb 001): declared by HDQA or SNCC, owned by an SNCC team, public on `/status`. */
export const outages = pgTable(
  'outages',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    number: text('number').notNull().unique(),
    title: text('title').notNull(),
    kind: text('kind', { enum: outageKinds }).notNull(),
    status: text('status', { enum: outageStatuses }).notNull(),
    publicSummary: text('public_summary').notNull(),
    startAt: text('start_at').notNull(),
    expectedEndAt: text('expected_end_at'),
    endAt: text('end_at'),
    ownerTeamId: integer('owner_team_id')
      .notNull()
      .references(() => teams.id),
    declaredById: integer('declared_by_id').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('outages_status_idx').on(t.status, t.startAt)],
);

/** The services an outage affects (one or more). */
export const outageServices = pgTable(
  'outage_services',
  {
    outageId: integer('outage_id')
      .notNull()
      .references(() => outages.id, { onDelete: 'cascade' }),
    serviceId: integer('service_id')
      .notNull()
      .references(() => services.id),
  },
  (t) => [
    primaryKey({ columns: [t.outageId, t.serviceId] }),
    index('outage_services_service_idx').on(t.serviceId),
  ],
);

/** The outage's public timeline: its declaration, every summary update, start and end, timestamped. */
export const outageUpdates = pgTable(
  'outage_updates',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    outageId: integer('outage_id')
      .notNull()
      .references(() => outages.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: outageUpdateKinds }).notNull(),
    body: text('body').notNull(),
    authorId: integer('author_id').references(() => users.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('outage_updates_outage_idx').on(t.outageId, t.id)],
);

/** Problems (kb 001 steps 5–11): the Identify & Classify fields, the owner team, the linked outage. */
export const problems = pgTable(
  'problems',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    number: text('number').notNull().unique(),
    title: text('title').notNull(),
    status: text('status', { enum: problemStatuses }).notNull(),
    serviceId: integer('service_id')
      .notNull()
      .references(() => services.id),
    category: text('category').notNull(),
    impact: text('impact').notNull(),
    symptoms: text('symptoms').notNull(),
    firstSeenAt: text('first_seen_at').notNull(),
    ownerTeamId: integer('owner_team_id')
      .notNull()
      .references(() => teams.id),
    outageId: integer('outage_id').references(() => outages.id),
    version: integer('version').notNull().default(1),
    createdById: integer('created_by_id').references(() => users.id),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    resolvedAt: text('resolved_at'),
  },
  (t) => [
    index('problems_status_service_idx').on(t.status, t.serviceId),
    index('problems_owner_idx').on(t.ownerTeamId, t.status),
    index('problems_outage_idx').on(t.outageId),
  ],
);

export const problemJournal = pgTable(
  'problem_journal',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    problemId: integer('problem_id')
      .notNull()
      .references(() => problems.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: problemJournalKinds }).notNull(),
    body: text('body').notNull(),
    authorId: integer('author_id').references(() => users.id),
    data: jsonb('data').$type<unknown>(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('problem_journal_problem_idx').on(t.problemId, t.id)],
);

export const problemAudit = pgTable(
  'problem_audit',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    problemId: integer('problem_id')
      .notNull()
      .references(() => problems.id, { onDelete: 'cascade' }),
    actorId: integer('actor_id').references(() => users.id),
    field: text('field').notNull(),
    fromValue: text('from_value'),
    toValue: text('to_value'),
    version: integer('version').notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('problem_audit_problem_idx').on(t.problemId, t.id)],
);

// Stored rows satisfy the domain's types, so the two cannot drift apart.
const _outage = (r: typeof outages.$inferSelect): Outage => r;
const _problem = (r: typeof problems.$inferSelect): Problem => r;
void _outage;
void _problem;
