// Reads of SLA policies, clocks, warnings and team leads (issue 18).
import { and, asc, desc, eq, inArray, isNotNull, isNull, lte, min, sql } from 'drizzle-orm';
import {
  cpsStandardHours,
  demoGeneralHdHours,
  permissionTable,
  slaCalendarsOf,
  type SlaCalendars,
  type SlaClock,
  type SlaPolicy,
  type WeeklyHours,
} from '@handoff/domain';
import { type Db } from '../client';
import { type Tx } from './incident';
import { findHolidays, findHours, findHoursSync, findHolidaysSync } from './routing-data';
import { first, perTables, prepared, tablesOf } from '../reader';

type Reader = Db | Tx;

// What every incident commit reads to keep its clocks (keep-clocks.ts): prepared once per connection.
const policiesOnEither = prepared('sla_policies', (db, { slaPolicies }) =>
  db.select().from(slaPolicies).orderBy(asc(slaPolicies.teamId), asc(slaPolicies.id)),
);
const clocksOnEither = prepared('sla_clocks', (db, { slaClocks }) =>
  db
    .select()
    .from(slaClocks)
    .where(eq(slaClocks.incidentId, sql.placeholder('incidentId')))
    .orderBy(asc(slaClocks.id)),
);
const earliestDueOnEither = prepared('sla_earliest_due', (db, { slaClocks }) =>
  db
    .select({ due: min(slaClocks.dueAt) })
    .from(slaClocks)
    .where(
      and(
        eq(slaClocks.incidentId, sql.placeholder('incidentId')),
        isNull(slaClocks.stoppedAt),
        isNotNull(slaClocks.runningSince),
      ),
    ),
);

/** Every policy version (the table is small: a few rows per team). */
export const findPoliciesSync = (db: Reader): SlaPolicy[] => policiesOnEither(db).all();
export const findPolicies = async (db: Reader): Promise<SlaPolicy[]> =>
  policiesOnEither(db).execute();

/** The versions in force now (not superseded), with the team name, for the admin page. */
const currentPoliciesQuery = (db: Reader) => {
  const { slaPolicies, teams } = tablesOf(db);
  return db
    .select({ policy: slaPolicies, teamName: teams.name })
    .from(slaPolicies)
    .innerJoin(teams, eq(teams.id, slaPolicies.teamId))
    .where(isNull(slaPolicies.supersededAt))
    .orderBy(asc(teams.name), asc(slaPolicies.id));
};
export const findCurrentPoliciesSync = (db: Reader) => currentPoliciesQuery(db).all();
export const findCurrentPolicies = async (db: Reader) => currentPoliciesQuery(db);

const hoursOr = (hours: WeeklyHours, shipped: WeeklyHours) => (hours.length > 0 ? hours : shipped);

/**
 * The calendars clocks run on, from the holidays and the desks' hours administrators keep; a desk
 * without any hours rows (a database not seeded yet) runs on the shipped hours, never on none.
 */
export const calendarsSync = (db: Reader): SlaCalendars =>
  calendarsOf(findHolidaysSync(db), findHoursSync(db, 'cps'), findHoursSync(db, 'general_hd'));
export const calendars = async (db: Reader): Promise<SlaCalendars> =>
  calendarsOf(
    await findHolidays(db),
    await findHours(db, 'cps'),
    await findHours(db, 'general_hd'),
  );

const calendarsOf = (
  holidays: { date: string }[],
  cps: WeeklyHours,
  generalHd: WeeklyHours,
): SlaCalendars =>
  slaCalendarsOf({
    holidays: holidays.map((h) => h.date),
    cps: hoursOr(cps, cpsStandardHours),
    general_hd: hoursOr(generalHd, demoGeneralHdHours),
  });

export const findClocksSync = (db: Reader, incidentId: number): SlaClock[] =>
  clocksOnEither(db).all({ incidentId });
export const findClocks = async (db: Reader, incidentId: number): Promise<SlaClock[]> =>
  clocksOnEither(db).execute({ incidentId });

/** The first breach among an incident's running clocks, null when none runs. */
export const earliestDueSync = (db: Reader, incidentId: number): string | null =>
  earliestDueOnEither(db).get({ incidentId })?.due ?? null;
export const earliestDue = async (db: Reader, incidentId: number): Promise<string | null> =>
  (await earliestDueOnEither(db).execute({ incidentId }))[0]?.due ?? null;

/** Clocks whose next warning is due by `now`, oldest first (the indexed next-warning instant). */
export async function findDueWarnings(db: Reader, now: string, limit = 100): Promise<SlaClock[]> {
  const { slaClocks } = tablesOf(db);
  return db
    .select()
    .from(slaClocks)
    .where(and(isNotNull(slaClocks.nextWarningAt), lte(slaClocks.nextWarningAt, now)))
    .orderBy(asc(slaClocks.nextWarningAt), asc(slaClocks.id))
    .limit(limit);
}

/** The lead of each of these teams. */
export async function findLeads(db: Reader, teamIds: readonly number[]) {
  const { teamLeads, users } = tablesOf(db);
  return teamIds.length === 0
    ? []
    : db
        .select({
          teamId: teamLeads.teamId,
          userId: teamLeads.userId,
          name: users.name,
          email: users.email,
        })
        .from(teamLeads)
        .innerJoin(users, eq(users.id, teamLeads.userId))
        .where(inArray(teamLeads.teamId, [...teamIds]))
        // A total order: the warning scheduler takes a team's first lead, and
        // PostgreSQL, unlike SQLite's index walk, promises no order without it.
        .orderBy(asc(teamLeads.teamId), asc(teamLeads.userId));
}

/** The teams a user leads. */
export async function teamsLedBy(db: Reader, userId: number): Promise<number[]> {
  const { teamLeads } = tablesOf(db);
  const rows = await db
    .select({ teamId: teamLeads.teamId })
    .from(teamLeads)
    .where(eq(teamLeads.userId, userId));
  return rows.map((r) => r.teamId);
}

/** The version in force of a team's policy for exactly this urgency and channel (null = any). */
export async function findPolicyInForce(
  db: Reader,
  key: Pick<SlaPolicy, 'teamId' | 'urgency' | 'channel'>,
): Promise<SlaPolicy | null> {
  const { slaPolicies } = tablesOf(db);
  const found = await first(
    db
      .select()
      .from(slaPolicies)
      .where(
        and(
          eq(slaPolicies.teamId, key.teamId),
          key.urgency === null ? isNull(slaPolicies.urgency) : eq(slaPolicies.urgency, key.urgency),
          key.channel === null ? isNull(slaPolicies.channel) : eq(slaPolicies.channel, key.channel),
          isNull(slaPolicies.supersededAt),
        ),
      )
      .limit(1),
  );
  return found ?? null;
}

/** Every version of every policy, newest first, with who set it: the policies' audit trail. */
export async function findPolicyHistory(db: Reader, limit = 100) {
  const { slaPolicies, teams, users } = tablesOf(db);
  return db
    .select({ policy: slaPolicies, teamName: teams.name, byName: users.name })
    .from(slaPolicies)
    .innerJoin(teams, eq(teams.id, slaPolicies.teamId))
    .leftJoin(users, eq(users.id, slaPolicies.createdById))
    .orderBy(desc(slaPolicies.id))
    .limit(limit);
}

/** A system account's password hash starts with `!` (`portalSystemUserRow`): no password matches it. */
const signsInOf = perTables(({ users }) =>
  sql<boolean>`(${users.passwordHash} NOT LIKE '!%')`.mapWith(Boolean),
);

/** Every team with its leads, and who may lead (active internal staff), for the admin page. */
export async function findTeamLeadsOverview(db: Reader) {
  const { teamLeads, teams, users } = tablesOf(db);
  const signsIn = signsInOf(db);
  const leads = await db
    .select({ teamId: teamLeads.teamId, userId: users.id, name: users.name, email: users.email })
    .from(teamLeads)
    .innerJoin(users, eq(users.id, teamLeads.userId))
    .orderBy(asc(users.name));
  const allTeams = await db
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .orderBy(asc(teams.name));
  return {
    teams: allTeams.map((t) => ({ ...t, leads: leads.filter((l) => l.teamId === t.id) })),
    // Only the people setTeamLeads accepts (mayLead): active staff who sign in as themselves.
    candidates: await db
      .select({ id: users.id, name: users.name, email: users.email })
      .from(users)
      .where(
        and(
          isNull(users.deactivatedAt),
          inArray(users.role, [...permissionTable['reports.read']]),
          signsIn,
        ),
      )
      .orderBy(asc(users.name)),
  };
}

/** What setting a team's leads decides on: the team, its leads now, and the people named. */
export async function teamLeadsEnv(
  db: Reader,
  input: { teamId: number; userIds: readonly number[] },
) {
  const { teamLeads, teams, users } = tablesOf(db);
  const signsIn = signsInOf(db);
  return {
    team: await first(
      db
        .select({ id: teams.id, name: teams.name })
        .from(teams)
        .where(eq(teams.id, input.teamId))
        .limit(1),
    ),
    current: (
      await db
        .select({ userId: teamLeads.userId })
        .from(teamLeads)
        .where(eq(teamLeads.teamId, input.teamId))
    ).map((r) => r.userId),
    people:
      input.userIds.length === 0
        ? []
        : await db
            .select({
              id: users.id,
              name: users.name,
              role: users.role,
              deactivatedAt: users.deactivatedAt,
              signsIn,
            })
            .from(users)
            .where(inArray(users.id, [...input.userIds])),
  };
}
