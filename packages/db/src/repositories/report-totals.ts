// The dashboard's figures from its rollups (issue 18 at a million incidents): the triggers of the
// migration `report_rollup_triggers` keep the counts by UTC day in the transaction of every write,
// so a range of whole days reads a few hundred or thousand rollup rows, whatever the incident count.
// A range that starts or ends inside a day counts those partial days by the scan (`rangeRows`), at
// most two days of incidents. The routes read only the incidents that moved (sparse), the backlog
// counts open incidents by index, from the queue counts.
import { and, count, eq, gt, gte, inArray, lt, or, sql, sum } from 'drizzle-orm';
import { ageBounds, openStatuses, totalsOf, type ReportTotals } from '@handoff/domain';
import { type Db } from '../client';
import {
  incidents,
  queueCounts,
  reportClocks,
  reportContacts,
  reportIncidentTeams,
  teams,
} from '../schema';
import { chunks, movesOf, rangeRows, type ReportFilter } from './reports';

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

export async function loadTotals(db: Db, f: ReportFilter, now: string): Promise<ReportTotals> {
  const { days, edges } = splitRange(f.from, f.to);
  const team = f.teamId;
  const contactRows =
    days === null
      ? []
      : [
          and(
            gte(reportContacts.day, days.from),
            lt(reportContacts.day, days.to),
            team === undefined
              ? eq(reportContacts.teamId, reportContacts.ownerTeamId)
              : eq(reportContacts.teamId, team),
          ),
        ];
  const contacts = contactRows.flatMap((where) =>
    db
      .select({
        channel: reportContacts.channel,
        ownerTeamId: reportContacts.ownerTeamId,
        n: sql<number>`sum(${reportContacts.n})`,
      })
      .from(reportContacts)
      .where(where)
      .groupBy(reportContacts.channel, reportContacts.ownerTeamId)
      .all(),
  );
  const contactsByHour = contactRows.flatMap((where) =>
    db
      .select({
        day: reportContacts.day,
        hour: reportContacts.hour,
        n: sql<number>`sum(${reportContacts.n})`,
      })
      .from(reportContacts)
      .where(where)
      .groupBy(reportContacts.day, reportContacts.hour)
      .all()
      .map((r) => ({ at: `${r.day}T${String(r.hour).padStart(2, '0')}:00:00.000Z`, n: r.n })),
  );
  const clocks =
    days === null
      ? []
      : db
          .select({
            teamId: reportClocks.teamId,
            kind: reportClocks.kind,
            outcome: reportClocks.outcome,
            week: reportClocks.week,
            bucket: reportClocks.bucket,
            n: sql<number>`sum(${reportClocks.n})`,
          })
          .from(reportClocks)
          .where(
            and(
              gte(reportClocks.day, days.from),
              lt(reportClocks.day, days.to),
              team === undefined ? undefined : eq(reportClocks.teamId, team),
            ),
          )
          .groupBy(
            reportClocks.teamId,
            reportClocks.kind,
            reportClocks.outcome,
            reportClocks.week,
            reportClocks.bucket,
          )
          .all();
  const partial = await Promise.all(
    edges.map(async (e) =>
      totalsOf({ ...(await rangeRows(db, { ...e, teamId: team })), open: [] }, now),
    ),
  );
  const moved = await movedIncidents(db, f);
  return {
    contacts: [...contacts, ...partial.flatMap((p) => p.contacts)],
    contactsByHour: [...contactsByHour, ...partial.flatMap((p) => p.contactsByHour)],
    clocks: [...clocks, ...partial.flatMap((p) => p.clocks)],
    moved,
    moves: await movesOf(
      db,
      moved.map((m) => m.id),
    ),
    backlog: await backlog(db, team, now),
  };
}

/** The incidents of the range that moved (and, filtered, that the team has owned). */
async function movedIncidents(db: Db, f: ReportFilter) {
  const ids = db
    .selectDistinct({ id: reportIncidentTeams.incidentId })
    .from(reportIncidentTeams)
    .innerJoin(incidents, eq(incidents.id, reportIncidentTeams.incidentId))
    .where(
      and(
        gte(reportIncidentTeams.createdAt, f.from),
        lt(reportIncidentTeams.createdAt, f.to),
        f.teamId === undefined
          ? undefined
          : or(eq(reportIncidentTeams.teamId, f.teamId), eq(incidents.ownerTeamId, f.teamId)),
      ),
    )
    .all()
    .map((r) => r.id);
  return chunks(ids).flatMap((part) =>
    db
      .select({ id: incidents.id, serviceId: incidents.serviceId })
      .from(incidents)
      .where(inArray(incidents.id, part))
      .all(),
  );
}

/** Open incidents now by age: the queue counts in all, the young ones counted by index. */
async function backlog(db: Db, team: number | undefined, now: string): Promise<number[]> {
  const teamIds =
    team === undefined
      ? db
          .select({ id: teams.id })
          .from(teams)
          .all()
          .map((t) => t.id)
      : [team];
  const open = [...openStatuses];
  const total = Number(
    db
      .select({ n: sum(queueCounts.n) })
      .from(queueCounts)
      .where(and(inArray(queueCounts.teamId, teamIds), inArray(queueCounts.status, open)))
      .get()?.n ?? 0,
  );
  const younger = ageBounds(now).map(
    (bound) =>
      db
        .select({ n: count() })
        .from(incidents)
        .where(
          and(
            inArray(incidents.ownerTeamId, teamIds),
            inArray(incidents.status, open),
            gt(incidents.createdAt, bound),
          ),
        )
        .get()?.n ?? 0,
  );
  return [...younger, total].map((n, i) => n - (i === 0 ? 0 : younger[i - 1]!));
}
