import { aliasedTable, and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { type Reader } from '../client';
import { type consultRequests } from '../schema';
import { first, perTables, tablesOf } from '../reader';

export type ConsultRow = typeof consultRequests.$inferSelect;
export type NewConsult = typeof consultRequests.$inferInsert;

export async function findById(db: Reader, id: number) {
  const { consultRequests } = tablesOf(db);
  return first(db.select().from(consultRequests).where(eq(consultRequests.id, id)).limit(1));
}
const openByIncidentQuery = (db: Reader, incidentId: number) => {
  const { consultRequests } = tablesOf(db);
  return db
    .select()
    .from(consultRequests)
    .where(and(eq(consultRequests.incidentId, incidentId), eq(consultRequests.status, 'open')))
    .limit(1);
};
export const findOpenByIncident = async (db: Reader, incidentId: number) =>
  first(openByIncidentQuery(db, incidentId));

export async function findLatestByIncident(db: Reader, incidentId: number) {
  const { consultRequests } = tablesOf(db);
  return first(
    db
      .select()
      .from(consultRequests)
      .where(eq(consultRequests.incidentId, incidentId))
      .orderBy(desc(consultRequests.id))
      .limit(1),
  );
}

const openerOf = perTables(({ users }) => aliasedTable(users, 'opener'));

/** Open consults for a team's queue page, oldest first (the one waiting longest is answered first). */
export async function listOpenByTeam(db: Reader, team: 'cps' | 'es') {
  const { consultRequests, customers, incidents, services } = tablesOf(db);
  const opener = openerOf(db);
  return db
    .select({
      id: consultRequests.id,
      incidentId: consultRequests.incidentId,
      number: incidents.number,
      description: incidents.description,
      callerName: incidents.callerName,
      customerName: customers.name,
      serviceName: services.name,
      openedAt: consultRequests.openedAt,
      busyPromptAt: consultRequests.busyPromptAt,
      openedByName: opener.name,
    })
    .from(consultRequests)
    .innerJoin(incidents, eq(incidents.id, consultRequests.incidentId))
    .innerJoin(services, eq(services.id, incidents.serviceId))
    .leftJoin(customers, eq(customers.id, incidents.customerId))
    .leftJoin(opener, eq(opener.id, consultRequests.openedById))
    .where(and(eq(consultRequests.team, team), eq(consultRequests.status, 'open')))
    .orderBy(asc(consultRequests.id));
}

export async function findByIncident(db: Reader, incidentId: number) {
  const { consultRequests } = tablesOf(db);
  return db
    .select()
    .from(consultRequests)
    .where(eq(consultRequests.incidentId, incidentId))
    .orderBy(asc(consultRequests.id));
}

/** Every open consult of an incident (a one-step that hands the incident on ends them). */
export async function findAllOpenByIncident(db: Reader, incidentId: number) {
  const { consultRequests } = tablesOf(db);
  return db
    .select()
    .from(consultRequests)
    .where(and(eq(consultRequests.incidentId, incidentId), eq(consultRequests.status, 'open')))
    .orderBy(consultRequests.id);
}

/**
 * The earliest 5- or 10-minute prompt deadline of an open consult still ahead of `now`, or null:
 * when the live desks must be told that a prompt came due (the server's clock decides, issue 17).
 */
export async function nextPromptAfter(db: Reader, now: string): Promise<string | null> {
  const { consultRequests } = tablesOf(db);
  const open = await db
    .select({ busy: consultRequests.busyPromptAt, assign: consultRequests.assignPromptAt })
    .from(consultRequests)
    .where(eq(consultRequests.status, 'open'));
  const ahead = open
    .flatMap((c) => [c.busy, c.assign])
    .filter((d): d is string => d !== null && Date.parse(d) > Date.parse(now))
    .sort();
  return ahead[0] ?? null;
}

/** Open consults with the incident each is about (the fields an outage's end of the consult needs). */
async function openWithIncident(db: Reader, where: SQL | undefined) {
  const { consultRequests, incidents } = tablesOf(db);
  return db
    .select({
      consult: {
        id: consultRequests.id,
        team: consultRequests.team,
        openedById: consultRequests.openedById,
      },
      incident: {
        id: incidents.id,
        number: incidents.number,
        ownerTeamId: incidents.ownerTeamId,
        ownerAgentId: incidents.ownerAgentId,
        createdById: incidents.createdById,
      },
    })
    .from(consultRequests)
    .innerJoin(incidents, eq(incidents.id, consultRequests.incidentId))
    .where(and(eq(consultRequests.status, 'open'), where))
    .orderBy(asc(consultRequests.id));
}

/** The open consults of these incidents (a bulk link to a problem, issue 14 item 4). */
export async function findOpenOfIncidents(db: Reader, incidentIds: readonly number[]) {
  const { incidents } = tablesOf(db);
  return incidentIds.length === 0
    ? []
    : await openWithIncident(db, inArray(incidents.id, [...incidentIds]));
}

/** The open consults of the incidents linked to a problem (the problem linked to an outage). */
export async function findOpenUnderProblem(db: Reader, problemId: number) {
  const { incidents } = tablesOf(db);
  return openWithIncident(db, eq(incidents.problemId, problemId));
}

/** The open consults of the incidents of every problem linked to an outage (the outage starting). */
export async function findOpenUnderOutage(db: Reader, outageId: number) {
  const { incidents, problems } = tablesOf(db);
  return openWithIncident(
    db,
    inArray(
      incidents.problemId,
      db.select({ id: problems.id }).from(problems).where(eq(problems.outageId, outageId)),
    ),
  );
}
