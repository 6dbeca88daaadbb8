// Fixture builders: tests make the rows they need with the values they care about, instead of
// leaning on the demo seed's insertion order (INC-000009, serviceId: 11). Every builder gives
// unique defaults, so calling one twice makes two rows.
import { effects, formatIncidentNumber, type Incident, type OutboxDraft } from '@handoff/domain';
import { eq } from 'drizzle-orm';
import { type Db } from '../client';
import { commitSync } from '../commit';
import { nextCounter } from '../repositories/incident';
import {
  counters,
  customers,
  incidents,
  services,
  slaPolicies,
  teamMembers,
  teams,
  users,
} from '../schema';

let seq = 0;
const next = () => ++seq;

export function buildTeam(db: Db, values: Partial<typeof teams.$inferInsert> = {}) {
  const n = next();
  return db
    .insert(teams)
    .values({ name: `Team ${n}`, kind: 'support', ...values })
    .returning()
    .get();
}

export function buildService(db: Db, values: Partial<typeof services.$inferInsert> = {}) {
  const n = next();
  return db
    .insert(services)
    .values({ name: `Service ${n}`, category: 'General', subcategory: `Sub ${n}`, ...values })
    .returning()
    .get();
}

export function buildCustomer(db: Db, values: Partial<typeof customers.$inferInsert> = {}) {
  const n = next();
  return db
    .insert(customers)
    .values({ name: `Customer ${n}`, netId: `cust${n}`, email: `cust${n}@example.edu`, ...values })
    .returning()
    .get();
}

/** A user, member of `teamIds`. */
export function buildUser(
  db: Db,
  values: Partial<typeof users.$inferInsert> = {},
  teamIds: number[] = [],
) {
  const n = next();
  const user = db
    .insert(users)
    .values({
      email: `user${n}@handoff.test`,
      name: `User ${n}`,
      role: 'l1',
      passwordHash: 'x',
      ...values,
    })
    .returning()
    .get();
  for (const teamId of teamIds) db.insert(teamMembers).values({ userId: user.id, teamId }).run();
  return user;
}

/** An incident (its own service and owner team unless given), numbered from the incident counter. */
export function buildIncident(db: Db, values: Partial<Incident> = {}): Incident {
  const now = values.createdAt ?? '2026-11-24T16:00:00.000Z';
  return db
    .insert(incidents)
    .values({
      number: formatIncidentNumber(nextCounter(db, 'incident')),
      callerName: 'Pat Caller',
      callerPhone: '608-555-0100',
      channel: 'phone',
      serviceId: values.serviceId ?? buildService(db).id,
      description: 'Cannot sign in',
      status: 'new',
      ownerTeamId: values.ownerTeamId ?? buildTeam(db).id,
      version: 1,
      createdAt: now,
      updatedAt: now,
      ...values,
    })
    .returning()
    .get();
}

/**
 * The number the next incident create takes (the incident counter plus one), read without taking
 * it: a test whose behaviour is the numbering computes its expected number from this before the
 * create, instead of hard-coding where the demo seed left the counter.
 */
export function nextIncidentNumber(db: Db): string {
  const counter = db.select().from(counters).where(eq(counters.name, 'incident')).get();
  return formatIncidentNumber((counter?.value ?? 0) + 1);
}

/** An SLA policy for a team (issue 18): 1 business hour to respond, 8 to resolve, 24x7 unless given. */
export function buildSlaPolicy(
  db: Db,
  values: Partial<typeof slaPolicies.$inferInsert> & { teamId: number },
) {
  return db
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
    .returning()
    .get();
}

/** Mail queued as any decision queues it: through the commit module's outbox step. */
export const queueMail = (db: Db, drafts: OutboxDraft[], at: string) =>
  commitSync(db, effects(at, { outbox: drafts }));

/**
 * A help-desk team with one L1 agent, a customer, and that customer's call which the agent owns,
 * in progress: what a note, a resolve or a mail test needs, without the demo seed.
 */
export function buildOwnedIncident(
  db: Db,
  {
    customer: customerValues = {},
    incident: incidentValues = {},
  }: {
    customer?: Partial<typeof customers.$inferInsert>;
    incident?: Partial<Incident>;
  } = {},
) {
  const team = buildTeam(db, { kind: 'help_desk' });
  const agent = buildUser(db, { role: 'l1' }, [team.id]);
  const customer = buildCustomer(db, customerValues);
  const incident = buildIncident(db, {
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
