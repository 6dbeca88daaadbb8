import { and, asc, desc, eq, gte, inArray, ne, or, sql } from 'drizzle-orm';
import { formatOutageNumber, type OutageStatus } from '@handoff/domain';
import { type Db } from '../client';
import { first, tablesOf } from '../reader';
import { takeCounter, type Tx } from './incident';

type Reader = Db | Tx;

/** The next outage number, reserved inside a commit plan (it rolls back with it). */
export const reserveNumber = async (tx: Reader): Promise<string> =>
  formatOutageNumber(await takeCounter(tx, 'outage'));

// Each read is one query builder, run synchronously by the SQLite-only twins (`…Sync`, for the
// domain's sync lookups) and awaited on either engine by the rest.
const byIdQuery = (db: Reader, id: number) => {
  const { outages } = tablesOf(db);
  return db.select().from(outages).where(eq(outages.id, id)).limit(1);
};
export const findByIdSync = (db: Reader, id: number) => byIdQuery(db, id).get();
export const findById = async (db: Reader, id: number) => first(byIdQuery(db, id));
export async function findByNumber(db: Reader, number: string) {
  const { outages } = tablesOf(db);
  return first(db.select().from(outages).where(eq(outages.number, number)).limit(1));
}

const servicesQuery = (db: Reader, outageIds: number[]) => {
  const { outageServices, services } = tablesOf(db);
  return db
    .select({
      outageId: outageServices.outageId,
      id: services.id,
      name: services.name,
      category: services.category,
      subcategory: services.subcategory,
    })
    .from(outageServices)
    .innerJoin(services, eq(services.id, outageServices.serviceId))
    .where(inArray(outageServices.outageId, outageIds))
    .orderBy(asc(services.name));
};
type OutageService = { id: number; name: string; category: string; subcategory: string };
function byOutageOf(rows: ({ outageId: number } & OutageService)[]) {
  const byOutage = new Map<number, OutageService[]>();
  for (const { outageId, ...s } of rows)
    byOutage.set(outageId, [...(byOutage.get(outageId) ?? []), s]);
  return byOutage;
}

/** Services of each outage, by outage id. */
export const findServices = async (db: Reader, outageIds: number[]) =>
  byOutageOf(outageIds.length === 0 ? [] : await servicesQuery(db, outageIds));

/** Timeline entries of each outage, newest first; author names only for staff views. */
export async function findUpdates(db: Reader, outageIds: number[]) {
  if (outageIds.length === 0)
    return new Map<
      number,
      { id: number; kind: string; body: string; createdAt: string; authorName: string | null }[]
    >();
  const { outageUpdates, users } = tablesOf(db);
  const rows = await db
    .select({
      outageId: outageUpdates.outageId,
      id: outageUpdates.id,
      kind: outageUpdates.kind,
      body: outageUpdates.body,
      createdAt: outageUpdates.createdAt,
      authorName: users.name,
    })
    .from(outageUpdates)
    .leftJoin(users, eq(users.id, outageUpdates.authorId))
    .where(inArray(outageUpdates.outageId, outageIds))
    .orderBy(desc(outageUpdates.id));
  const byOutage = new Map<
    number,
    { id: number; kind: string; body: string; createdAt: string; authorName: string | null }[]
  >();
  for (const { outageId, ...u } of rows)
    byOutage.set(outageId, [...(byOutage.get(outageId) ?? []), u]);
  return byOutage;
}

/** Planned and active outages, and those resolved since `resolvedSince`, with owner team, services and timeline. */
export async function listBoard(db: Reader, { resolvedSince }: { resolvedSince: string }) {
  const { outages, teams } = tablesOf(db);
  const rows = await db
    .select({ outage: outages, ownerTeamName: teams.name })
    .from(outages)
    .innerJoin(teams, eq(teams.id, outages.ownerTeamId))
    .where(or(ne(outages.status, 'resolved'), gte(outages.endAt, resolvedSince)))
    .orderBy(desc(outages.id));
  const ids = rows.map((r) => r.outage.id);
  const svc = await findServices(db, ids);
  const upd = await findUpdates(db, ids);
  return rows.map((r) => ({
    ...r.outage,
    ownerTeamName: r.ownerTeamName,
    services: svc.get(r.outage.id) ?? [],
    updates: upd.get(r.outage.id) ?? [],
  }));
}

/** Outages in the given statuses that affect a service (the incident form's "is this already known?"), active first. */
export async function findByService(
  db: Reader,
  serviceId: number,
  statuses: OutageStatus[] = ['active', 'planned'],
) {
  const { outages, outageServices } = tablesOf(db);
  return db
    .select({
      id: outages.id,
      number: outages.number,
      title: outages.title,
      status: outages.status,
      publicSummary: outages.publicSummary,
      startAt: outages.startAt,
      expectedEndAt: outages.expectedEndAt,
    })
    .from(outages)
    .innerJoin(outageServices, eq(outageServices.outageId, outages.id))
    .where(and(eq(outageServices.serviceId, serviceId), inArray(outages.status, statuses)))
    .orderBy(sql`case when ${outages.status} = 'active' then 0 else 1 end`, asc(outages.startAt));
}

const openQuery = (db: Reader) => {
  const { outages } = tablesOf(db);
  return db.select().from(outages).where(ne(outages.status, 'resolved')).orderBy(desc(outages.id));
};
/** Outages a problem may be linked to (not resolved), newest first. */
export const findOpen = async (db: Reader) => openQuery(db);
