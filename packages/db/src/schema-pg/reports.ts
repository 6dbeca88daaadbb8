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
 * Every incident with audited ownership moves (`ownerTeamId`), with what the dashboard's routes read:
 * its creation instant, service, current owner and its moves in order as `from>to` pairs joined by
 * `,` (an empty side is null). Kept by triggers on the audit and incident rows (migration
 * `report_moved_incident_triggers`): the routes of a range read these rows instead of joining the
 * incidents to their audit rows.
 */
export const reportMovedIncidents = pgTable(
  'report_moved_incidents',
  {
    incidentId: integer('incident_id').primaryKey(),
    createdAt: text('created_at').notNull(),
    serviceId: integer('service_id').notNull(),
    ownerTeamId: integer('owner_team_id').notNull(),
    path: text('path').notNull(),
  },
  (t) => [index('report_moved_incidents_created_idx').on(t.createdAt)],
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

// Coarser rollups of the two above (migration `report_day_rollups`), kept by triggers on them so a
// year costs about what four weeks do: the hourly and per-week-and-bucket rows grow with the range
// times 24 or times the buckets; these do not.

/** `report_contacts` without the hour: incidents by UTC creation day, team, owner team, channel. */
export const reportDayContacts = pgTable(
  'report_day_contacts',
  {
    day: text('day').notNull(),
    teamId: integer('team_id').notNull(),
    ownerTeamId: integer('owner_team_id').notNull(),
    channel: text('channel', { enum: channels }).notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.teamId, t.ownerTeamId, t.channel] })],
);

/**
 * Incidents by UTC creation day and the hour of day on the CPS calendar (America/Chicago) they came
 * in: `teamId = 0` counts each incident once, `teamId = T` the incidents team T has touched.
 */
export const reportDayHours = pgTable(
  'report_day_hours',
  {
    teamId: integer('team_id').notNull(),
    day: text('day').notNull(),
    cpsHour: integer('cps_hour').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.day, t.cpsHour] })],
);

/** `report_clocks` without the bucket: decided clocks by day, team, kind, outcome and CPS week. */
export const reportClockWeeks = pgTable(
  'report_clock_weeks',
  {
    day: text('day').notNull(),
    teamId: integer('team_id').notNull(),
    kind: text('kind', { enum: clockKinds }).notNull(),
    outcome: text('outcome', { enum: ['met', 'breached'] }).notNull(),
    week: text('week').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.teamId, t.kind, t.outcome, t.week] })],
);

/**
 * `report_clocks` as a histogram of business time for the medians and p90 (first response and
 * resolution only): by UTC creation day of the incident, team, kind and duration bucket.
 */
export const reportClockTimesDay = pgTable(
  'report_clock_times_day',
  {
    day: text('day').notNull(),
    teamId: integer('team_id').notNull(),
    kind: text('kind', { enum: clockKinds }).notNull(),
    bucket: integer('bucket').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.teamId, t.kind, t.bucket] })],
);

/** The same histogram by UTC creation month (`YYYY-MM`): a year reads 12 months, not 365 days. */
export const reportClockTimesMonth = pgTable(
  'report_clock_times_month',
  {
    month: text('month').notNull(),
    teamId: integer('team_id').notNull(),
    kind: text('kind', { enum: clockKinds }).notNull(),
    bucket: integer('bucket').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.month, t.teamId, t.kind, t.bucket] })],
);
