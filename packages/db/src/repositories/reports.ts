// The rows behind /reports (issue 18) for a date range and optionally one team, by a scan of the
// range: what the rollups (`report-totals.ts`) replace. Kept for the partial days at a range's ends
// and as the tests' oracle; a million incidents take seconds this way.
import { and, asc, eq, gte, inArray, lt, or, sql } from 'drizzle-orm';
import { openStatuses, type ReportNames, type ReportRows } from '@handoff/domain';
import { type Db } from '../client';
import { tablesOf } from '../reader';

export interface ReportFilter {
  from: string;
  to: string;
  teamId?: number;
}

/** Every row of the range (and every open incident now): the dashboard by scan. */
export async function load(db: Db, f: ReportFilter): Promise<ReportRows> {
  return { ...(await rangeRows(db, f)), open: await openRows(db, f.teamId), ...(await names(db)) };
}

/** The incidents created in the range that the team (if any) has owned, their clocks and moves. */
export async function rangeRows(
  db: Db,
  f: ReportFilter,
): Promise<Omit<ReportRows, 'open' | 'teams' | 'services'>> {
  const { auditEvents, incidents, slaClocks } = tablesOf(db);
  const inRange = and(gte(incidents.createdAt, f.from), lt(incidents.createdAt, f.to));
  const team = f.teamId;
  const touched =
    team === undefined
      ? undefined
      : or(
          eq(incidents.ownerTeamId, team),
          inArray(
            incidents.id,
            db
              .select({ id: auditEvents.incidentId })
              .from(auditEvents)
              .where(
                and(
                  eq(auditEvents.field, 'ownerTeamId'),
                  or(
                    eq(auditEvents.toValue, String(team)),
                    eq(auditEvents.fromValue, String(team)),
                  ),
                ),
              ),
          ),
        );
  const rows = await db
    .select({
      id: incidents.id,
      channel: incidents.channel,
      ownerTeamId: incidents.ownerTeamId,
      serviceId: incidents.serviceId,
      createdAt: incidents.createdAt,
    })
    .from(incidents)
    .where(and(inRange, touched))
    // Ordered, so both engines hand the rows over alike (pg's order without one is the plan's).
    .orderBy(asc(incidents.id));
  const ids = rows.map((r) => r.id);
  const clocks = await inChunks(ids, (part) =>
    db
      .select({
        incidentId: slaClocks.incidentId,
        kind: slaClocks.kind,
        teamId: slaClocks.teamId,
        startedAt: slaClocks.startedAt,
        usedMs: slaClocks.usedMs,
        outcome: slaClocks.outcome,
      })
      .from(slaClocks)
      .where(
        and(
          inArray(slaClocks.incidentId, part),
          team === undefined ? undefined : eq(slaClocks.teamId, team),
        ),
      )
      .orderBy(asc(slaClocks.incidentId), asc(slaClocks.id)),
  );
  const moves = await movesOf(db, ids);
  return { incidents: rows, clocks, moves };
}

/** Open incidents now (of the team's queue). */
export async function openRows(db: Db, team: number | undefined) {
  const { incidents } = tablesOf(db);
  return db
    .select({
      id: incidents.id,
      ownerTeamId: incidents.ownerTeamId,
      createdAt: incidents.createdAt,
    })
    .from(incidents)
    .where(
      and(
        inArray(incidents.status, [...openStatuses]),
        team === undefined ? undefined : eq(incidents.ownerTeamId, team),
      ),
    )
    .orderBy(asc(incidents.id));
}

/** Team and service names for the tables. */
export async function names(db: Db): Promise<ReportNames> {
  const { services, teams } = tablesOf(db);
  const teamRows = await db.select({ id: teams.id, name: teams.name }).from(teams);
  const serviceRows = await db
    .select({
      id: services.id,
      name: sql<string>`${services.name} || ' › ' || ${services.subcategory}`,
    })
    .from(services);
  return {
    teams: new Map(teamRows.map((t) => [t.id, t.name])),
    services: new Map(serviceRows.map((s) => [s.id, s.name])),
  };
}

export const chunks = <T>(xs: readonly T[], n = 500): T[][] =>
  Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

/** One query per chunk of ids (one after the other), their rows in chunk order. */
async function inChunks<T, R>(ids: readonly T[], query: (part: T[]) => PromiseLike<R[]>) {
  const rows: R[] = [];
  for (const part of chunks(ids)) rows.push(...(await query(part)));
  return rows;
}

/** The audited ownership moves of these incidents, in order per incident. */
export async function movesOf(
  db: Db,
  ids: readonly number[],
): Promise<ReportRows['moves'][number][]> {
  const { auditEvents } = tablesOf(db);
  const moves = await inChunks(ids, (part) =>
    db
      .select({
        incidentId: auditEvents.incidentId,
        fromValue: auditEvents.fromValue,
        toValue: auditEvents.toValue,
        at: auditEvents.at,
      })
      .from(auditEvents)
      .where(and(inArray(auditEvents.incidentId, part), eq(auditEvents.field, 'ownerTeamId')))
      .orderBy(asc(auditEvents.incidentId), asc(auditEvents.id)),
  );
  return moves.map((m) => ({
    incidentId: m.incidentId,
    fromTeamId: m.fromValue === null ? null : Number(m.fromValue),
    toTeamId: Number(m.toValue),
    at: m.at,
  }));
}
