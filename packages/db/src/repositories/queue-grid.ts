import { aliasedTable, and, asc, count, desc, eq, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { type IncidentStatus, type QueueSort } from '@handoff/domain';
import { type Reader } from '../client';
import { first, perEngine, perTables, prepared, tablesOf, type Tables } from '../reader';

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
const sortKeyOf = ({ incidents }: Tables) =>
  ({
    age: incidents.id,
    promise: incidents.nextPromiseAt,
    status: incidents.status,
    service: incidents.serviceId,
    owner: incidents.ownerSortId,
    breach: incidents.nextBreachAt,
  }) as const;

function bound(db: Reader, f: Pick<GridFilter, 'teamId' | 'partnerTeamIds'>): SQL[] {
  const { incidents, partnerTickets } = tablesOf(db);
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

const ownerOf = perTables(({ users }) => aliasedTable(users, 'owner'));

// Which filter each sort's index also serves: a filter on that column stays indexable.
const sortFilter = { status: 'status', service: 'service', owner: 'owner' } as const;

/**
 * Below this many matching rows the filter's own index and a sort step are cheapest; above it the
 * sort's index is walked (filters checked row by row) and stops after one page.
 */
export const sortStepLimit = 500;

/**
 * A column written so that the engine's planner cannot answer it from an index. SQLite's unary `+`
 * does that; PostgreSQL has no `+text` and plans a walk of the sort's index by its own cost model,
 * so the column stays as it is there.
 */
const unindexed = (db: Reader, column: SQL): SQL =>
  perEngine(db, { sqlite: sql`+${column}`, pg: column });

/**
 * The filter conditions. `walkSortIndex` writes a filter on another column than the sort's as
 * `unindexed`, which SQLite cannot answer from an index, so it walks the sort's index instead of
 * collecting every match and sorting them (at a million incidents that sort took half a second).
 */
function filters(db: Reader, f: GridFilter, walkSortIndex: boolean): SQL[] {
  const { incidents } = tablesOf(db);
  const own = (filter: 'status' | 'service' | 'owner', column: SQL | typeof incidents.status) =>
    walkSortIndex && sortFilter[f.sort as keyof typeof sortFilter] !== filter
      ? unindexed(db, sql`${column}`)
      : sql`${column}`;
  const where: SQL[] = [];
  if (f.statuses)
    where.push(
      sql`${own('status', incidents.status)} IN (${sql.join(
        f.statuses.map((s) => sql`${s}`),
        sql`, `,
      )})`,
    );
  if (f.serviceId !== undefined)
    where.push(sql`${own('service', sql`${incidents.serviceId}`)} = ${f.serviceId}`);
  if (f.ownerAgentId !== undefined)
    where.push(sql`${own('owner', sql`${incidents.ownerSortId}`)} = ${f.ownerAgentId}`);
  if (f.breachBy !== undefined) where.push(lte(incidents.nextBreachAt, f.breachBy));
  return where;
}

/** Whether at least `sortStepLimit` rows match (counting stops there). */
async function manyMatch(db: Reader, where: SQL[]): Promise<boolean> {
  const { incidents } = tablesOf(db);
  const probe = db
    .select({ one: sql`1` })
    .from(incidents)
    .where(and(...where))
    .limit(sortStepLimit)
    .as('probe');
  const row = await first(db.select({ n: count() }).from(probe));
  return (row?.n ?? 0) >= sortStepLimit;
}

/**
 * One page of a team's queue in the chosen sort, by keyset over (sort key, id) in one direction, so
 * SQLite walks the team's index for that sort and stops after `limit` rows (no OFFSET, and no sort
 * step unless fewer than `sortStepLimit` rows match the filters).
 */
export async function page(db: Reader, f: GridFilter) {
  const t = tablesOf(db);
  const { incidents, customers, services, teams } = t;
  const owner = ownerOf(db);
  const key = sortKeyOf(t)[f.sort];
  const where = bound(db, f);
  if (f.cursor) {
    const op = f.dir === 'asc' ? sql`>` : sql`<`;
    where.push(
      f.sort === 'age'
        ? sql`${incidents.id} ${op} ${f.cursor.id}`
        : sql`(${key}, ${incidents.id}) ${op} (${f.cursor.key}, ${f.cursor.id})`,
    );
  }
  const filtered = filters(db, f, false);
  if (filtered.length > 0 && (await manyMatch(db, [...where, ...filtered])))
    where.push(...filters(db, f, true));
  else where.push(...filtered);
  const order = f.dir === 'asc' ? asc : desc;
  const rows = await db
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
    .limit(f.limit + 1);
  const hasMore = rows.length > f.limit;
  const items = (hasMore ? rows.slice(0, f.limit) : rows).map(({ sortKey: k, ...r }) => ({
    ...r,
    nextPromiseAt: r.nextPromiseAt === '~' ? null : r.nextPromiseAt,
    cursor: { key: k ?? 0, id: r.id },
  }));
  return { items, nextCursor: hasMore ? (items[items.length - 1]?.cursor ?? null) : null };
}

/**
 * How many of the team's incidents are in each status (the grid's tabs), within the same bound: from
 * the trigger-kept `queue_counts`, or for a partner agent (bound to their groups' tickets) by counting.
 */
export async function countsByStatus(db: Reader, f: Pick<GridFilter, 'teamId' | 'partnerTeamIds'>) {
  const rows = f.partnerTeamIds
    ? await countedByStatus(db, f)
    : await keptCounts(db).execute({ teamId: f.teamId });
  return Object.fromEntries(rows.filter((r) => r.n > 0).map((r) => [r.status, r.n])) as Partial<
    Record<IncidentStatus, number>
  >;
}

const keptCounts = prepared('queue_kept_counts', (db, { queueCounts }) =>
  db
    .select({ status: queueCounts.status, n: queueCounts.n })
    .from(queueCounts)
    .where(eq(queueCounts.teamId, sql.placeholder('teamId'))),
);

async function countedByStatus(db: Reader, f: Pick<GridFilter, 'teamId' | 'partnerTeamIds'>) {
  const { incidents } = tablesOf(db);
  return db
    .select({ status: incidents.status, n: count() })
    .from(incidents)
    .where(and(...bound(db, f)))
    .groupBy(incidents.status);
}

export async function views(db: Reader, userId: number) {
  const { queueViews } = tablesOf(db);
  return db.select().from(queueViews).where(eq(queueViews.userId, userId)).orderBy(queueViews.name);
}

export async function findView(db: Reader, id: number) {
  const { queueViews } = tablesOf(db);
  return first(db.select().from(queueViews).where(eq(queueViews.id, id)).limit(1));
}
