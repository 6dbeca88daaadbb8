// PostgreSQL twin of schema/reports.ts. The dashboard's rollups (issue 18): counts kept current by triggers inside the transaction of
// whatever statement wrote the incident, clock or audit row (migration `report_rollup_triggers`),
// so /reports reads a few hundred rows instead of scanning a million incidents. No foreign keys:
// they are derived counts, not facts.
import { index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { channels, clockKinds } from '@handoff/domain';

/**
 * Incidents by UTC creation day and hour, channel and current owner team, once for every team that
 * has owned the incident (`teamId`): `teamId = ownerTeamId` counts each incident once, `teamId = T`
 * counts the incidents team T has touched (the dashboard's team filter).
 */
export const reportContacts = pgTable(
  'report_contacts',
  {
    day: text('day').notNull(),
    hour: integer('hour').notNull(),
    teamId: integer('team_id').notNull(),
    ownerTeamId: integer('owner_team_id').notNull(),
    channel: text('channel', { enum: channels }).notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.hour, t.teamId, t.ownerTeamId, t.channel] })],
);

/**
 * Every team an incident has moved from or to (its audited `ownerTeamId` changes), with the
 * incident's creation instant: sparse (incidents never moved have no row), read for the routes.
 */
export const reportIncidentTeams = pgTable(
  'report_incident_teams',
  {
    incidentId: integer('incident_id').notNull(),
    teamId: integer('team_id').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.incidentId, t.teamId] }),
    index('report_incident_teams_created_idx').on(t.createdAt),
    index('report_incident_teams_team_idx').on(t.teamId, t.createdAt),
  ],
);

/**
 * Decided clocks (met or breached) by the UTC creation day of their incident, team, kind, outcome,
 * ISO week of their start on the CPS calendar (America/Chicago) and duration bucket
 * (`durationBucket` in packages/domain: tenths of an hour, coarser past 10 and 100 hours).
 */
export const reportClocks = pgTable(
  'report_clocks',
  {
    day: text('day').notNull(),
    teamId: integer('team_id').notNull(),
    kind: text('kind', { enum: clockKinds }).notNull(),
    outcome: text('outcome', { enum: ['met', 'breached'] }).notNull(),
    week: text('week').notNull(),
    bucket: integer('bucket').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.teamId, t.kind, t.outcome, t.week, t.bucket] })],
);
