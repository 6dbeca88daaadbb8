import { and, asc, eq, gt, inArray, type SQL } from 'drizzle-orm';
import { openStatuses, tpReviewQueueStates, type Actor } from '@handoff/domain';
import { type Db, type Reader } from '../client';
import { type users } from '../schema';
import { first, tablesOf } from '../reader';
import { type Tx } from './incident';

type Writer = Db | Tx;

/**
 * The user Help Online acts as when a portal case is assigned to CPS the moment it is filed: the
 * Assign to CPS one-step is for the routing desk, and the customer is not one. It cannot sign in
 * (its password hash matches no password) and belongs to no team.
 */
export const portalSystemUser = {
  email: 'help-online@handoff.system',
  name: 'Help Online (portal)',
} as const;

/** The portal's system actor, when it has been created (read-only: see ensurePortalSystemActor). */
const systemUserQuery = (db: Writer) => {
  const { users } = tablesOf(db);
  return db.select().from(users).where(eq(users.email, portalSystemUser.email)).limit(1);
};
const actorOf = (row: typeof users.$inferSelect | undefined): Actor | undefined =>
  row && { id: row.id, name: row.name, role: row.role, teamIds: [], customerId: null };
export const findPortalSystemActorSync = (db: Writer): Actor | undefined =>
  actorOf(systemUserQuery(db).get());
export const findPortalSystemActor = async (db: Writer): Promise<Actor | undefined> =>
  actorOf(await first(systemUserQuery(db)));

/**
 * The row the portal's system user is created with. A password hash starting with `!` marks a system
 * account (no password matches it): it leads no team (`mayLead`, `slaRepository.teamLeadsEnv`).
 */
export const portalSystemUserRow = {
  ...portalSystemUser,
  role: 'l1',
  passwordHash: '!no-sign-in',
} as const;

/** Services a customer may pick in Help Online. */
export async function findCustomerFacingServices(db: Reader) {
  const { services } = tablesOf(db);
  return db
    .select({
      id: services.id,
      name: services.name,
      category: services.category,
      subcategory: services.subcategory,
      banner: services.banner,
    })
    .from(services)
    .where(eq(services.customerFacing, true))
    .orderBy(asc(services.name), asc(services.category), asc(services.subcategory));
}

export interface TpReviewFilter {
  /** `review`: the queue (in review or mission critical); `waiting`: asked for more information. */
  state: 'review' | 'waiting';
  /** The id of the last row of the previous page: newer rows come next (oldest first). */
  cursor?: number;
  limit: number;
}

/** kb 004 step 2: Primary TP portal cases for the Help Desk's review, oldest first, keyset-paged. */
export async function findTpReview(db: Reader, f: TpReviewFilter) {
  const { customers, incidents, services, teams } = tablesOf(db);
  const where: SQL[] = [
    inArray(
      incidents.tpTriage,
      f.state === 'review' ? [...tpReviewQueueStates] : ['info_requested'],
    ),
    inArray(incidents.status, [...openStatuses]),
  ];
  if (f.cursor !== undefined) where.push(gt(incidents.id, f.cursor));
  const rows = await db
    .select({
      id: incidents.id,
      number: incidents.number,
      version: incidents.version,
      status: incidents.status,
      tpTriage: incidents.tpTriage,
      createdAt: incidents.createdAt,
      updatedAt: incidents.updatedAt,
      description: incidents.description,
      callerName: incidents.callerName,
      callerPhone: incidents.callerPhone,
      callerEmail: incidents.callerEmail,
      preferredContact: incidents.preferredContact,
      peopleAffected: incidents.peopleAffected,
      ownerTeamName: teams.name,
      ownerAgentId: incidents.ownerAgentId,
      customerName: customers.name,
      serviceId: services.id,
      serviceName: services.name,
      serviceCategory: services.category,
      serviceSubcategory: services.subcategory,
      supportCategory: services.supportCategory,
      technologistGroup: services.technologistGroup,
    })
    .from(incidents)
    .innerJoin(teams, eq(teams.id, incidents.ownerTeamId))
    .innerJoin(services, eq(services.id, incidents.serviceId))
    .leftJoin(customers, eq(customers.id, incidents.customerId))
    .where(and(...where))
    .orderBy(asc(incidents.id))
    .limit(f.limit + 1);
  const hasMore = rows.length > f.limit;
  const items = hasMore ? rows.slice(0, f.limit) : rows;
  return { items, nextCursor: hasMore ? (items[items.length - 1]?.id ?? null) : null };
}
