import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { roles, teamNotifySettings } from '@handoff/domain';

export const teams = pgTable('teams', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  name: text('name').notNull().unique(),
  /** What the team does, so views can group them: help desk, technologists, operations, partner. */
  kind: text('kind', {
    enum: ['help_desk', 'support', 'operations', 'technologist', 'partner', 'tier2'],
  }).notNull(),
  description: text('description'),
  /** Who is e-mailed when the team is assigned an incident or its customer writes (issue 6). */
  notify: text('notify', { enum: teamNotifySettings }).notNull().default('everyone'),
});

export const departments = pgTable('departments', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  name: text('name').notNull().unique(),
  /** Also the computer-name prefix of the department's machines. */
  shortName: text('short_name').notNull().unique(),
  contractPartner: boolean('contract_partner').notNull().default(false),
  program: text('program', { enum: ['aims', 'ds'] }),
  primaryTechPartner: boolean('primary_tech_partner').notNull().default(false),
  emailDomains: jsonb('email_domains')
    .$type<string[]>()
    .notNull()
    .default(sql`'[]'`),
});

/**
 * An end-user organisation supported by a channel partner (kb 003): end users are placed in it by
 * the e-mail domains it owns, and its partner client-support group works their tickets.
 */
export const organisations = pgTable('organisations', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  name: text('name').notNull().unique(),
  partnerTeamId: integer('partner_team_id')
    .notNull()
    .references(() => teams.id),
  createdAt: text('created_at').notNull(),
});

/** Each domain places its users in exactly one organisation (the primary key says so). */
export const organisationDomains = pgTable(
  'organisation_domains',
  {
    domain: text('domain').primaryKey(),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
  },
  (t) => [index('organisation_domains_org_idx').on(t.organisationId)],
);

export const customers = pgTable(
  'customers',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    name: text('name').notNull(),
    netId: text('net_id').notNull().unique(),
    email: text('email').notNull().unique(),
    phone: text('phone'),
    departmentId: integer('department_id').references(() => departments.id),
    coned: boolean('coned').notNull().default(false),
    program: text('program', { enum: ['aims', 'ds'] }),
    primaryTechPartner: boolean('primary_tech_partner').notNull().default(false),
    organisation: text('organisation'),
    /** The channel-partner organisation the end user belongs to (by e-mail domain, or placed by an admin). */
    organisationId: integer('organisation_id').references(() => organisations.id),
  },
  (t) => [index('customers_name_idx').on(t.name)],
);

export const users = pgTable('users', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  role: text('role', { enum: roles }).notNull(),
  passwordHash: text('password_hash').notNull(),
  /** Set for `customer` users: the customer record they are. */
  customerId: integer('customer_id').references(() => customers.id),
  presence: text('presence', { enum: ['ready', 'not_ready', 'busy'] })
    .notNull()
    .default('not_ready'),
  presenceChangedAt: text('presence_changed_at'),
  /**
   * Sessions carry the version they were issued under; bumping it (sign-out, password or role
   * change, deactivation) ends every existing session of the user at their next request.
   */
  sessionVersion: integer('session_version').notNull().default(0),
  /** Set when an administrator deactivated the login: it cannot sign in and its sessions ended. */
  deactivatedAt: text('deactivated_at'),
});

export const teamMembers = pgTable(
  'team_members',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.teamId] }),
    index('team_members_team_idx').on(t.teamId),
  ],
);
