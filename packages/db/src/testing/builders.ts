// Fixture builders: tests make the rows they need with the values they care about, instead of
// leaning on the demo seed's insertion order (INC-000009, serviceId: 11). Every builder gives
// unique defaults, so calling one twice makes two rows. They write through the one Reader, so the
// same fixture is a SQLite row or a PostgreSQL row as the test's database is (issue 20).
import { effects, formatIncidentNumber, type Incident, type OutboxDraft } from '@handoff/domain';
import { eq } from 'drizzle-orm';
import { type Reader } from '../client';
import { commit } from '../commit';
import { takeCounter } from '../repositories/incident';
import { first, tablesOf } from '../reader';
import { type customers, type services, type slaPolicies, type teams, type users } from '../schema';

let seq = 0;
const next = () => ++seq;

/** The one row an `insert … returning()` wrote. */
async function one<T>(rows: PromiseLike<T[]>): Promise<T> {
  const row = await first(rows);
  if (row === undefined) throw new Error('The fixture insert wrote no row.');
  return row;
}

export function buildTeam(db: Reader, values: Partial<typeof teams.$inferInsert> = {}) {
  const n = next();
  const { teams } = tablesOf(db);
  return one(
    db
      .insert(teams)
      .values({ name: `Team ${n}`, kind: 'support', ...values })
      .returning(),
  );
}

export function buildService(db: Reader, values: Partial<typeof services.$inferInsert> = {}) {
  const n = next();
  const { services } = tablesOf(db);
  return one(
    db
      .insert(services)
      .values({ name: `Service ${n}`, category: 'General', subcategory: `Sub ${n}`, ...values })
      .returning(),
  );
}

export function buildCustomer(db: Reader, values: Partial<typeof customers.$inferInsert> = {}) {
  const n = next();
  const { customers } = tablesOf(db);
  return one(
    db
      .insert(customers)
      .values({
        name: `Customer ${n}`,
        netId: `cust${n}`,
        email: `cust${n}@example.edu`,
        ...values,
      })
      .returning(),
  );
}

/** A user, member of `teamIds`. */
export async function buildUser(
  db: Reader,
  values: Partial<typeof users.$inferInsert> = {},
  teamIds: number[] = [],
) {
  const n = next();
  const { users, teamMembers } = tablesOf(db);
  const user = await one(
    db
      .insert(users)
      .values({
        email: `user${n}@handoff.test`,
        name: `User ${n}`,
        role: 'l1',
        passwordHash: 'x',
        ...values,
      })
      .returning(),
  );
  for (const teamId of teamIds) await db.insert(teamMembers).values({ userId: user.id, teamId });
  return user;
}

/** An incident (its own service and owner team unless given), numbered from the incident counter. */
export async function buildIncident(db: Reader, values: Partial<Incident> = {}): Promise<Incident> {
  const now = values.createdAt ?? '2026-11-24T16:00:00.000Z';
  const { incidents } = tablesOf(db);
  return one(
    db
      .insert(incidents)
      .values({
        number: formatIncidentNumber(await takeCounter(db, 'incident')),
        callerName: 'Pat Caller',
        callerPhone: '608-555-0100',
        channel: 'phone',
        serviceId: values.serviceId ?? (await buildService(db)).id,
        description: 'Cannot sign in',
        status: 'new',
        ownerTeamId: values.ownerTeamId ?? (await buildTeam(db)).id,
        version: 1,
        createdAt: now,
        updatedAt: now,
        ...values,
      })
      .returning(),
  );
}

/**
 * The number the next incident create takes (the incident counter plus one), read without taking
 * it: a test whose behaviour is the numbering computes its expected number from this before the
 * create, instead of hard-coding where the demo seed left the counter.
 */
export async function nextIncidentNumber(db: Reader): Promise<string> {
  const { counters } = tablesOf(db);
  const counter = await first(db.select().from(counters).where(eq(counters.name, 'incident')));
  return formatIncidentNumber((counter?.value ?? 0) + 1);
}

/** An SLA policy for a team (issue 18): 1 business hour to respond, 8 to resolve, 24x7 unless given. */
export function buildSlaPolicy(
  db: Reader,
  values: Partial<typeof slaPolicies.$inferInsert> & { teamId: number },
) {
  const { slaPolicies } = tablesOf(db);
  return one(
    db
      .insert(slaPolicies)
      .values({
        calendar: '24x7',
        firstResponseAmount: 1,
        firstResponseUnit: 'business_hours',
        resolutionAmount: 8,
        resolutionUnit: 'business_hours',
        effectiveFrom: '2020-01-01T00:00:00.000Z',
        ...values,
      })
      .returning(),
  );
}

/** Mail queued as any decision queues it: through the commit module's outbox step. */
export const queueMail = (db: Reader, drafts: OutboxDraft[], at: string) =>
  commit(db, effects(at, { outbox: drafts }));

/**
 * A help-desk team with one L1 agent, a customer, and that customer's call which the agent owns,
 * in progress: what a note, a resolve or a mail test needs, without the demo seed.
 */
export async function buildOwnedIncident(
  db: Reader,
  {
    customer: customerValues = {},
    incident: incidentValues = {},
  }: {
    customer?: Partial<typeof customers.$inferInsert>;
    incident?: Partial<Incident>;
  } = {},
) {
  const team = await buildTeam(db, { kind: 'help_desk' });
  const agent = await buildUser(db, { role: 'l1' }, [team.id]);
  const customer = await buildCustomer(db, customerValues);
  const incident = await buildIncident(db, {
    ownerTeamId: team.id,
    ownerAgentId: agent.id,
    customerId: customer.id,
    callerName: customer.name,
    callerEmail: customer.email,
    status: 'in_progress',
    ...incidentValues,
  });
  return { team, agent, customer, incident };
}
