import { aliasedTable, and, asc, count, desc, eq, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { type IncidentStatus, type QueueSort } from '@handoff/domain';
import { type Db } from '../client';
import {
  customers,
  incidents,
  partnerTickets,
  queueViews,
  services,
  teams,
  users,
} from '../schema';

export interface GridFilter {
  teamId: number;
  statuses: readonly IncidentStatus[] | null;
  serviceId?: number;
  ownerAgentId?: number;
  /** Only incidents whose first running SLA clock breaches by this instant (issue 18). */
  breachBy?: string;
  /** A partner agent's bound: only channel-partner tickets of these groups. */
  partnerTeamIds?: readonly number[];
  sort: QueueSort;
  dir: 'asc' | 'desc';
  cursor?: { key: string | number; id: number };
  limit: number;
}

// The sort key of each sort: the second column of its per-team index, with the id after it.
const sortKey = {
  age: incidents.id,
  promise: incidents.nextPromiseAt,
  status: incidents.status,
  service: incidents.serviceId,
  owner: incidents.ownerSortId,
  breach: incidents.nextBreachAt,
} as const;

function bound(db: Db, f: Pick<GridFilter, 'teamId' | 'partnerTeamIds'>): SQL[] {
  const where: SQL[] = [eq(incidents.ownerTeamId, f.teamId)];
  if (f.partnerTeamIds) {
    const ofGroups = db
      .select({ id: partnerTickets.incidentId })
      .from(partnerTickets)
      .where(
        inArray(
          partnerTickets.partnerTeamId,
          f.partnerTeamIds.length ? [...f.partnerTeamIds] : [-1],
        ),
      );
    where.push(inArray(incidents.id, ofGroups));
  }
  return where;
}

const owner = aliasedTable(users, 'owner');

/**
 * One page of a team's queue in the chosen sort, by keyset over (sort key, id) in one direction, so
 * SQLite walks the team's index for that sort and stops after `limit` rows (no OFFSET, no sort step).
 */
export function page(db: Db, f: GridFilter) {
  const key = sortKey[f.sort];
  const where = bound(db, f);
  if (f.statuses) where.push(inArray(incidents.status, [...f.statuses]));
  if (f.serviceId !== undefined) where.push(eq(incidents.serviceId, f.serviceId));
  if (f.ownerAgentId !== undefined) where.push(eq(incidents.ownerSortId, f.ownerAgentId));
  if (f.breachBy !== undefined) where.push(lte(incidents.nextBreachAt, f.breachBy));
  if (f.cursor) {
    const op = f.dir === 'asc' ? sql`>` : sql`<`;
    where.push(
      f.sort === 'age'
        ? sql`${incidents.id} ${op} ${f.cursor.id}`
        : sql`(${key}, ${incidents.id}) ${op} (${f.cursor.key}, ${f.cursor.id})`,
    );
  }
  const order = f.dir === 'asc' ? asc : desc;
  const rows = db
    .select({
      id: incidents.id,
      number: incidents.number,
      version: incidents.version,
      status: incidents.status,
      callerName: incidents.callerName,
      customerName: customers.name,
      description: incidents.description,
      createdAt: incidents.createdAt,
      promises: incidents.promises,
      nextPromiseAt: incidents.nextPromiseAt,
      slaDueAt: incidents.slaDueAt,
      serviceId: incidents.serviceId,
      serviceName: services.name,
      ownerTeamId: incidents.ownerTeamId,
      ownerTeamName: teams.name,
      ownerAgentId: incidents.ownerAgentId,
      ownerAgentName: owner.name,
      problemId: incidents.problemId,
      sortKey: key,
    })
    .from(incidents)
    .innerJoin(teams, eq(teams.id, incidents.ownerTeamId))
    .innerJoin(services, eq(services.id, incidents.serviceId))
    .leftJoin(owner, eq(owner.id, incidents.ownerAgentId))
    .leftJoin(customers, eq(customers.id, incidents.customerId))
    .where(and(...where))
    .orderBy(...(f.sort === 'age' ? [order(incidents.id)] : [order(key), order(incidents.id)]))
    .limit(f.limit + 1)
    .all();
  const hasMore = rows.length > f.limit;
  const items = (hasMore ? rows.slice(0, f.limit) : rows).map(({ sortKey: k, ...r }) => ({
    ...r,
    nextPromiseAt: r.nextPromiseAt === '~' ? null : r.nextPromiseAt,
    cursor: { key: k ?? 0, id: r.id },
  }));
  return { items, nextCursor: hasMore ? (items[items.length - 1]?.cursor ?? null) : null };
}

/** How many of the team's incidents are in each status (the grid's tabs), within the same bound. */
export function countsByStatus(db: Db, f: Pick<GridFilter, 'teamId' | 'partnerTeamIds'>) {
  const rows = db
    .select({ status: incidents.status, n: count() })
    .from(incidents)
    .where(and(...bound(db, f)))
    .groupBy(incidents.status)
    .all();
  return Object.fromEntries(rows.map((r) => [r.status, r.n])) as Partial<
    Record<IncidentStatus, number>
  >;
}

export const views = (db: Db, userId: number) =>
  db.select().from(queueViews).where(eq(queueViews.userId, userId)).orderBy(queueViews.name).all();

export const findView = (db: Db, id: number) =>
  db.select().from(queueViews).where(eq(queueViews.id, id)).get();
