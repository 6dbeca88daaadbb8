// SLA policies, clocks and warnings (issue 18).
import {
  bigint,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import {
  channels,
  clockKinds,
  clockOutcomes,
  slaCalendars,
  targetUnits,
  urgencies,
  warningLevels,
} from '@handoff/domain';
import { incidents } from './incidents';
import { teams, users } from './people';

/**
 * A team's SLA targets, optionally for one urgency or channel. An edit supersedes the row with a new
 * version, so incidents keep the policy in force when they were created.
 */
export const slaPolicies = pgTable(
  'sla_policies',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id),
    urgency: text('urgency', { enum: urgencies }),
    channel: text('channel', { enum: channels }),
    calendar: text('calendar', { enum: slaCalendars }).notNull(),
    firstResponseAmount: integer('first_response_amount').notNull(),
    firstResponseUnit: text('first_response_unit', { enum: targetUnits }).notNull(),
    resolutionAmount: integer('resolution_amount').notNull(),
    resolutionUnit: text('resolution_unit', { enum: targetUnits }).notNull(),
    effectiveFrom: text('effective_from').notNull(),
    supersededAt: text('superseded_at'),
    createdById: integer('created_by_id').references(() => users.id),
  },
  (t) => [index('sla_policies_team_idx').on(t.teamId, t.effectiveFrom)],
);

/** One clock of one incident: a team's first response or resolution, or a kb promise. */
export const slaClocks = pgTable(
  'sla_clocks',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    incidentId: integer('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id),
    kind: text('kind', { enum: clockKinds }).notNull(),
    cycle: integer('cycle').notNull(),
    policyId: integer('policy_id').references(() => slaPolicies.id),
    calendar: text('calendar', { enum: slaCalendars }).notNull(),
    targetMs: bigint('target_ms', { mode: 'number' }).notNull(),
    targetLabel: text('target_label').notNull(),
    landing: text('landing', { enum: ['close', 'open'] }).notNull(),
    startedAt: text('started_at').notNull(),
    runningSince: text('running_since'),
    usedMs: bigint('used_ms', { mode: 'number' }).notNull(),
    pausedAt: text('paused_at'),
    dueAt: text('due_at'),
    warnAt: text('warn_at'),
    nextWarningAt: text('next_warning_at'),
    warnedAt: text('warned_at'),
    breachNotifiedAt: text('breach_notified_at'),
    promisedAt: text('promised_at'),
    stoppedAt: text('stopped_at'),
    outcome: text('outcome', { enum: clockOutcomes }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('sla_clocks_cycle_idx').on(t.incidentId, t.teamId, t.kind, t.cycle),
    // The warning scheduler walks due warnings in time order.
    index('sla_clocks_next_warning_idx').on(t.nextWarningAt),
    // Reports: a team's clocks by kind and start.
    index('sla_clocks_team_kind_idx').on(t.teamId, t.kind, t.startedAt),
  ],
);

/** A warning given; the unique key is what makes it exactly once, whichever process tries. */
export const slaWarnings = pgTable(
  'sla_warnings',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    clockId: integer('clock_id')
      .notNull()
      .references(() => slaClocks.id, { onDelete: 'cascade' }),
    level: text('level', { enum: warningLevels }).notNull(),
    firedAt: text('fired_at').notNull(),
  },
  (t) => [uniqueIndex('sla_warnings_once_idx').on(t.clockId, t.level)],
);

/** Each team's lead: told when the team's clock breaches, and sees the reports. */
export const teamLeads = pgTable(
  'team_leads',
  {
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index('team_leads_user_idx').on(t.userId)],
);
