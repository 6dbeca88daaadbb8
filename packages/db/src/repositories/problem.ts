import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import {
  type AttachedIncident,
  formatProblemNumber,
  type Incident,
  openStatuses,
  type ProblemFacts,
  type ProblemStatus,
  resolvedAttachedTemplate,
} from '@handoff/domain';
import { type Db } from '../client';
import { reserveRowId, takeCounter, type Tx } from './incident';
import { first, perTables, prepared, tablesOf, type Tables } from '../reader';

type Reader = Db | Tx;

/**
 * The id and number the next problem gets, reserved inside a commit plan (the IMMEDIATE write lock
 * is held, so no one else can take them; the counter rolls back with the commit).
 */
export async function reserveProblem(tx: Reader): Promise<{ id: number; number: string }> {
  const number = formatProblemNumber(await takeCounter(tx, 'problem'));
  return { id: await reserveRowId(tx, 'problems'), number };
}

// Each read is one query builder, run synchronously by the SQLite-only twins (`…Sync`, for the
// domain's sync lookups) and awaited on either engine by the rest.
const byIdQuery = (db: Reader, id: number) => {
  const { problems } = tablesOf(db);
  return db.select().from(problems).where(eq(problems.id, id)).limit(1);
};
export const findByIdSync = (db: Reader, id: number) => byIdQuery(db, id).get();
export const findById = async (db: Reader, id: number) => first(byIdQuery(db, id));
export async function findByNumber(db: Reader, number: string) {
  const { problems } = tablesOf(db);
  return first(db.select().from(problems).where(eq(problems.number, number)).limit(1));
}

const factsQuery = (db: Reader, id: number) => {
  const { problems, outages } = tablesOf(db);
  return db
    .select({
      problem: problems,
      outageNumber: outages.number,
      outageTitle: outages.title,
      outageStatus: outages.status,
    })
    .from(problems)
    .leftJoin(outages, eq(outages.id, problems.outageId))
    .where(eq(problems.id, id))
    .limit(1);
};

/** What linking an incident needs: the problem and its outage's number, title and status. */
export const findFactsSync = (db: Reader, id: number): ProblemFacts | undefined =>
  factsOf(factsQuery(db, id).get());
export const findFacts = async (db: Reader, id: number): Promise<ProblemFacts | undefined> =>
  factsOf(await first(factsQuery(db, id)));

function factsOf(row: ReturnType<ReturnType<typeof factsQuery>['get']>): ProblemFacts | undefined {
  if (!row) return undefined;
  const { id: pid, number, title, status, serviceId, ownerTeamId, createdById } = row.problem;
  return {
    id: pid,
    number,
    title,
    status,
    serviceId,
    ownerTeamId,
    createdById,
    outage:
      row.outageNumber && row.outageTitle && row.outageStatus
        ? { number: row.outageNumber, title: row.outageTitle, status: row.outageStatus }
        : null,
  };
}

const outageOfProblemOnEither = prepared('problem_outage_status', (db, { problems, outages }) =>
  db
    .select({ status: outages.status })
    .from(problems)
    .innerJoin(outages, eq(outages.id, problems.outageId))
    .where(eq(problems.id, sql.placeholder('problemId'))),
);
/** kb 001 step 9, DOMAIN §6: true when the incident's problem is linked to an open (planned or active) outage. */
export async function isUnderOpenOutage(
  db: Reader,
  incident: Pick<Incident, 'problemId'>,
): Promise<boolean> {
  if (incident.problemId === null) return false;
  const [row] = await outageOfProblemOnEither(db).execute({ problemId: incident.problemId });
  return row?.status === 'planned' || row?.status === 'active';
}

const listColumnsOf = perTables(({ incidents, problems, services, teams, outages }: Tables) => ({
  id: problems.id,
  number: problems.number,
  title: problems.title,
  status: problems.status,
  version: problems.version,
  serviceId: problems.serviceId,
  serviceName: services.name,
  ownerTeamId: problems.ownerTeamId,
  ownerTeamName: teams.name,
  outageId: problems.outageId,
  outageNumber: outages.number,
  outageTitle: outages.title,
  outageStatus: outages.status,
  firstSeenAt: problems.firstSeenAt,
  createdAt: problems.createdAt,
  updatedAt: problems.updatedAt,
  incidentCount:
    sql<number>`(select count(*) from ${incidents} where ${incidents.problemId} = ${problems.id})`.mapWith(
      Number,
    ),
  openIncidentCount:
    sql<number>`(select count(*) from ${incidents} where ${incidents.problemId} = ${problems.id} and ${inArray(incidents.status, [...openStatuses])})`.mapWith(
      Number,
    ),
}));

/** Problems newest first, optionally by status, owner teams and service. */
export async function list(
  db: Reader,
  f: {
    statuses?: ProblemStatus[];
    ownerTeamIds?: number[];
    serviceId?: number;
    limit?: number;
  } = {},
) {
  const { problems, services, teams, outages } = tablesOf(db);
  const where = [];
  if (f.statuses?.length) where.push(inArray(problems.status, f.statuses));
  if (f.ownerTeamIds)
    where.push(inArray(problems.ownerTeamId, f.ownerTeamIds.length ? f.ownerTeamIds : [-1]));
  if (f.serviceId !== undefined) where.push(eq(problems.serviceId, f.serviceId));
  return db
    .select(listColumnsOf(db))
    .from(problems)
    .innerJoin(services, eq(services.id, problems.serviceId))
    .innerJoin(teams, eq(teams.id, problems.ownerTeamId))
    .leftJoin(outages, eq(outages.id, problems.outageId))
    .where(and(...where))
    .orderBy(desc(problems.id))
    .limit(f.limit ?? 200);
}

export async function findByIdIncludeDetails(db: Reader, id: number) {
  const { problems, services, teams, outages } = tablesOf(db);
  return first(
    db
      .select({
        ...listColumnsOf(db),
        problem: problems,
        serviceCategory: services.category,
        serviceSubcategory: services.subcategory,
      })
      .from(problems)
      .innerJoin(services, eq(services.id, problems.serviceId))
      .innerJoin(teams, eq(teams.id, problems.ownerTeamId))
      .leftJoin(outages, eq(outages.id, problems.outageId))
      .where(eq(problems.id, id))
      .limit(1),
  );
}

/** Every incident linked to the problem with its customer record, for Resolve Attached Incidents. */
export async function findAttached(db: Reader, problemId: number): Promise<AttachedIncident[]> {
  const { incidents, customers } = tablesOf(db);
  const rows = await db
    .select({ incident: incidents, customerName: customers.name, customerEmail: customers.email })
    .from(incidents)
    .leftJoin(customers, eq(customers.id, incidents.customerId))
    .where(eq(incidents.problemId, problemId))
    .orderBy(asc(incidents.id));
  return rows.map((r) => ({
    incident: r.incident,
    customer:
      r.customerName !== null && r.customerEmail !== null
        ? { name: r.customerName, email: r.customerEmail }
        : null,
  }));
}

/** How many open incidents are linked (resolving the problem needs none). */
export async function countOpenAttached(db: Reader, problemId: number): Promise<number> {
  const { incidents } = tablesOf(db);
  const row = await first(
    db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(incidents)
      .where(and(eq(incidents.problemId, problemId), inArray(incidents.status, [...openStatuses]))),
  );
  return row?.n ?? 0;
}

/** The e-mails Resolve Attached Incidents queued for the problem's customers, oldest first. */
export async function findQueuedMessages(db: Reader, problemId: number) {
  const { outbox, incidents } = tablesOf(db);
  return db
    .select({
      id: outbox.id,
      incidentNumber: incidents.number,
      toAddress: outbox.toAddress,
      toName: outbox.toName,
      subject: outbox.subject,
      textBody: outbox.textBody,
      status: outbox.status,
      createdAt: outbox.createdAt,
    })
    .from(outbox)
    .innerJoin(incidents, eq(incidents.id, outbox.incidentId))
    .where(and(eq(incidents.problemId, problemId), eq(outbox.template, resolvedAttachedTemplate)))
    .orderBy(asc(outbox.id));
}

export async function findJournal(db: Reader, problemId: number) {
  const { problemJournal, users } = tablesOf(db);
  return db
    .select({
      id: problemJournal.id,
      kind: problemJournal.kind,
      body: problemJournal.body,
      createdAt: problemJournal.createdAt,
      authorName: users.name,
    })
    .from(problemJournal)
    .leftJoin(users, eq(users.id, problemJournal.authorId))
    .where(eq(problemJournal.problemId, problemId))
    .orderBy(desc(problemJournal.id));
}

export async function findAudit(db: Reader, problemId: number) {
  const { problemAudit, users } = tablesOf(db);
  return db
    .select({
      id: problemAudit.id,
      field: problemAudit.field,
      fromValue: problemAudit.fromValue,
      toValue: problemAudit.toValue,
      version: problemAudit.version,
      at: problemAudit.at,
      actorName: users.name,
    })
    .from(problemAudit)
    .leftJoin(users, eq(users.id, problemAudit.actorId))
    .where(eq(problemAudit.problemId, problemId))
    .orderBy(desc(problemAudit.id));
}
