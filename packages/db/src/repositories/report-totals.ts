// The dashboard's figures from its rollups (issue 18 at a million incidents): the triggers of the
// migrations `report_rollup_triggers` and `report_day_rollup_triggers` keep the counts in the
// transaction of every write. A range of whole days reads per day rows of a few dozen each (contacts
// by team and channel, contacts by CPS hour, clocks by week and outcome) and the business-time
// histograms by month, with days only at a range's ends: a year costs about what four weeks do. A
// range that starts or ends inside a day counts those partial days by the scan (`rangeRows`), at most
// two days of incidents. The routes read only the incidents that moved (sparse), the backlog counts
// open incidents by index, from the queue counts.
import { and, count, eq, gt, gte, inArray, lt, or, sql, sum } from 'drizzle-orm';
import { ageBounds, openStatuses, totalsOf, type ReportTotals } from '@handoff/domain';
import { type Db } from '../client';
import { first, tablesOf } from '../reader';
import { rangeRows, type ReportFilter } from './reports';

const dayStart = (day: string) => `${day}T00:00:00.000Z`;
const nextDay = (day: string) =>
  new Date(Date.parse(dayStart(day)) + 86_400_000).toISOString().slice(0, 10);

/** The whole UTC days inside [from, to) and the partial stretches at either end. */
export function splitRange(from: string, to: string) {
  const f = new Date(from).toISOString();
  const t = new Date(to).toISOString();
  const firstDay = f.endsWith('T00:00:00.000Z') ? f.slice(0, 10) : nextDay(f.slice(0, 10));
  const endDay = t.slice(0, 10);
  if (firstDay >= endDay) return { days: null, edges: [{ from: f, to: t }] };
  const edges = [
    { from: f, to: dayStart(firstDay) },
    { from: dayStart(endDay), to: t },
  ].filter((e) => e.from < e.to);
  return { days: { from: firstDay, to: endDay }, edges };
}

const monthAfter = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

/** The whole UTC months inside the days [from, to) (`YYYY-MM`), and the days at either end. */
export function splitDays(from: string, to: string) {
  const firstMonth = from.endsWith('-01') ? from.slice(0, 7) : monthAfter(from.slice(0, 7));
  const endMonth = to.slice(0, 7);
  if (firstMonth >= endMonth) return { months: null, days: [{ from, to }] };
  const days = [
    { from, to: `${firstMonth}-01` },
    { from: `${endMonth}-01`, to },
  ].filter((d) => d.from < d.to);
  return { months: { from: firstMonth, to: endMonth }, days };
}

export async function loadTotals(db: Db, f: ReportFilter, now: string): Promise<ReportTotals> {
  const { days, edges } = splitRange(f.from, f.to);
  const team = f.teamId;
  const whole = days === null ? [] : [days];
  const { reportDayContacts, reportDayHours, reportClockWeeks } = tablesOf(db);
  const each = async <R>(run: (d: { from: string; to: string }) => PromiseLike<R[]>) =>
    (await Promise.all(whole.map(run))).flat();
  const contacts = await each((d) =>
    db
      .select({
        channel: reportDayContacts.channel,
        ownerTeamId: reportDayContacts.ownerTeamId,
        n: sql<number>`sum(${reportDayContacts.n})`.mapWith(Number),
      })
      .from(reportDayContacts)
      .where(
        and(
          gte(reportDayContacts.day, d.from),
          lt(reportDayContacts.day, d.to),
          team === undefined
            ? eq(reportDayContacts.teamId, reportDayContacts.ownerTeamId)
            : eq(reportDayContacts.teamId, team),
        ),
      )
      .groupBy(reportDayContacts.channel, reportDayContacts.ownerTeamId),
  );
  const contactsByCpsHour = await each((d) =>
    db
      .select({
        hour: reportDayHours.cpsHour,
        n: sql<number>`sum(${reportDayHours.n})`.mapWith(Number),
      })
      .from(reportDayHours)
      .where(
        and(
          eq(reportDayHours.teamId, team ?? 0),
          gte(reportDayHours.day, d.from),
          lt(reportDayHours.day, d.to),
        ),
      )
      .groupBy(reportDayHours.cpsHour),
  );
  const clockWeeks = await each((d) =>
    db
      .select({
        teamId: reportClockWeeks.teamId,
        kind: reportClockWeeks.kind,
        outcome: reportClockWeeks.outcome,
        week: reportClockWeeks.week,
        n: sql<number>`sum(${reportClockWeeks.n})`.mapWith(Number),
      })
      .from(reportClockWeeks)
      .where(
        and(
          gte(reportClockWeeks.day, d.from),
          lt(reportClockWeeks.day, d.to),
          team === undefined ? undefined : eq(reportClockWeeks.teamId, team),
        ),
      )
      .groupBy(
        reportClockWeeks.teamId,
        reportClockWeeks.kind,
        reportClockWeeks.outcome,
        reportClockWeeks.week,
      ),
  );
  const clockTimes = await each((d) => clockTimesOf(db, d, team));
  const partial = await Promise.all(
    edges.map(async (e) =>
      totalsOf({ ...(await rangeRows(db, { ...e, teamId: team })), open: [] }, now),
    ),
  );
  const routes = await routesOf(db, f);
  return {
    contacts: [...contacts, ...partial.flatMap((p) => p.contacts)],
    contactsByCpsHour: [...contactsByCpsHour, ...partial.flatMap((p) => p.contactsByCpsHour)],
    clockWeeks: [...clockWeeks, ...partial.flatMap((p) => p.clockWeeks)],
    clockTimes: [...clockTimes, ...partial.flatMap((p) => p.clockTimes)],
    routes,
    backlog: await backlog(db, team, now),
  };
}

/** The business-time histograms of whole days: whole months from the month rollup, the rest by day. */
async function clockTimesOf(db: Db, d: { from: string; to: string }, team: number | undefined) {
  const { reportClockTimesDay, reportClockTimesMonth } = tablesOf(db);
  const { months, days } = splitDays(d.from, d.to);
  const byDay = (
    await Promise.all(
      days.map((part) =>
        db
          .select({
            teamId: reportClockTimesDay.teamId,
            kind: reportClockTimesDay.kind,
            bucket: reportClockTimesDay.bucket,
            n: sql<number>`sum(${reportClockTimesDay.n})`.mapWith(Number),
          })
          .from(reportClockTimesDay)
          .where(
            and(
              gte(reportClockTimesDay.day, part.from),
              lt(reportClockTimesDay.day, part.to),
              team === undefined ? undefined : eq(reportClockTimesDay.teamId, team),
            ),
          )
          .groupBy(
            reportClockTimesDay.teamId,
            reportClockTimesDay.kind,
            reportClockTimesDay.bucket,
          ),
      ),
    )
  ).flat();
  const byMonth =
    months === null
      ? []
      : await db
          .select({
            teamId: reportClockTimesMonth.teamId,
            kind: reportClockTimesMonth.kind,
            bucket: reportClockTimesMonth.bucket,
            n: sql<number>`sum(${reportClockTimesMonth.n})`.mapWith(Number),
          })
          .from(reportClockTimesMonth)
          .where(
            and(
              gte(reportClockTimesMonth.month, months.from),
              lt(reportClockTimesMonth.month, months.to),
              team === undefined ? undefined : eq(reportClockTimesMonth.teamId, team),
            ),
          )
          .groupBy(
            reportClockTimesMonth.teamId,
            reportClockTimesMonth.kind,
            reportClockTimesMonth.bucket,
          );
  // The rollup keeps only first-response and resolution clocks (the kinds with a median).
  return [...byDay, ...byMonth] as ReportTotals['clockTimes'][number][];
}

/**
 * The incidents of the range that moved (and, filtered, that the team has owned or owns) by service
 * and moves, from their rows of `report_moved_incidents` (one indexed read, no audit rows), grouped
 * in SQL: a year's tens of thousands of moved incidents share a few hundred routes.
 */
async function routesOf(db: Db, f: ReportFilter): Promise<ReportTotals['routes'][number][]> {
  const { reportMovedIncidents: m, reportIncidentTeams } = tablesOf(db);
  const touched = (team: number) =>
    db
      .select({ id: reportIncidentTeams.incidentId })
      .from(reportIncidentTeams)
      .where(
        and(
          eq(reportIncidentTeams.teamId, team),
          gte(reportIncidentTeams.createdAt, f.from),
          lt(reportIncidentTeams.createdAt, f.to),
        ),
      );
  const rows = await db
    .select({ serviceId: m.serviceId, path: m.path, n: count() })
    .from(m)
    .where(
      and(
        gte(m.createdAt, f.from),
        lt(m.createdAt, f.to),
        f.teamId === undefined
          ? undefined
          : or(eq(m.ownerTeamId, f.teamId), inArray(m.incidentId, touched(f.teamId))),
      ),
    )
    .groupBy(m.serviceId, m.path);
  const team = (v: string) => (v === '' ? null : Number(v));
  return rows.map((r) => ({
    serviceId: r.serviceId,
    moves: r.path.split(',').map((step) => {
      const [from = '', to = ''] = step.split('>');
      return { fromTeamId: team(from), toTeamId: Number(to) };
    }),
    n: r.n,
  }));
}

/** Open incidents now by age: the queue counts in all, the young ones counted by index. */
async function backlog(db: Db, team: number | undefined, now: string): Promise<number[]> {
  const { teams, queueCounts, incidents } = tablesOf(db);
  const teamIds =
    team === undefined ? (await db.select({ id: teams.id }).from(teams)).map((t) => t.id) : [team];
  const open = [...openStatuses];
  const total = Number(
    (
      await first(
        db
          .select({ n: sum(queueCounts.n) })
          .from(queueCounts)
          .where(and(inArray(queueCounts.teamId, teamIds), inArray(queueCounts.status, open))),
      )
    )?.n ?? 0,
  );
  const younger: number[] = [];
  for (const bound of ageBounds(now))
    younger.push(
      (
        await first(
          db
            .select({ n: count() })
            .from(incidents)
            .where(
              and(
                inArray(incidents.ownerTeamId, teamIds),
                inArray(incidents.status, open),
                gt(incidents.createdAt, bound),
              ),
            ),
        )
      )?.n ?? 0,
    );
  return [...younger, total].map((n, i) => n - (i === 0 ? 0 : younger[i - 1]!));
}
