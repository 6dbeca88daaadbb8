import { asc, eq, inArray } from 'drizzle-orm';
import { type OrganisationDomains } from '@handoff/domain';
import { type Db } from '../client';
import { customers, organisationDomains, organisations, teams, users } from '../schema';
import { type Tx } from './incident';

/** Every organisation with its domains and partner group, by name. */
export function findAll(db: Db) {
  const orgs = db
    .select({
      id: organisations.id,
      name: organisations.name,
      partnerTeamId: organisations.partnerTeamId,
      partnerTeamName: teams.name,
    })
    .from(organisations)
    .innerJoin(teams, eq(teams.id, organisations.partnerTeamId))
    .orderBy(asc(organisations.name))
    .all();
  const domains = db
    .select()
    .from(organisationDomains)
    .orderBy(asc(organisationDomains.domain))
    .all();
  return orgs.map((o) => ({
    ...o,
    domains: domains.filter((d) => d.organisationId === o.id).map((d) => d.domain),
  }));
}

/** What the placement rules read: each organisation's id, name and domains. */
export const findAllDomains = (db: Db): OrganisationDomains[] =>
  findAll(db).map(({ id, name, domains }) => ({ id, name, domains }));

export function findById(db: Db, id: number) {
  return findAll(db).find((o) => o.id === id);
}

/** Creates an organisation with its domains, and its partner group when it is a new one. */
export function create(
  db: Db,
  args: {
    name: string;
    domains: string[];
    partnerTeam: { id: number } | { newName: string };
    now: string;
  },
): { id: number; partnerTeamId: number } {
  return db.transaction(
    (tx) => {
      const partnerTeamId =
        'id' in args.partnerTeam
          ? args.partnerTeam.id
          : tx
              .insert(teams)
              .values({
                name: args.partnerTeam.newName,
                kind: 'partner',
                description: `Channel partner Tier 1 for ${args.name}`,
              })
              .returning()
              .get().id;
      const row = tx
        .insert(organisations)
        .values({ name: args.name, partnerTeamId, createdAt: args.now })
        .returning()
        .get();
      insertDomains(tx, row.id, args.domains);
      return { id: row.id, partnerTeamId };
    },
    { behavior: 'immediate' },
  );
}

function insertDomains(tx: Tx, organisationId: number, domains: string[]) {
  if (domains.length > 0)
    tx.insert(organisationDomains)
      .values(domains.map((domain) => ({ domain, organisationId })))
      .run();
}

/** Replaces an organisation's domains; its end users stay where they are. */
export function setDomains(db: Db, organisationId: number, domains: string[]): void {
  db.transaction(
    (tx) => {
      tx.delete(organisationDomains)
        .where(eq(organisationDomains.organisationId, organisationId))
        .run();
      insertDomains(tx, organisationId, domains);
    },
    { behavior: 'immediate' },
  );
}

export const findByName = (db: Db, name: string) =>
  db.select().from(organisations).where(eq(organisations.name, name)).get();

/** Partner client-support groups an organisation can be given. */
export const findPartnerTeams = (db: Db) =>
  db.select().from(teams).where(eq(teams.kind, 'partner')).orderBy(asc(teams.name)).all();

/** Places a customer in an organisation (by domain on first contact, or by an administrator). */
export function placeCustomer(
  db: Db | Tx,
  customerId: number,
  organisationId: number,
  organisationName: string,
): void {
  db.update(customers)
    .set({ organisationId, organisation: organisationName })
    .where(eq(customers.id, customerId))
    .run();
}

/**
 * An end user of an organisation: the customer record, and a portal login when a password hash is
 * given. The e-mail doubles as the NetID, which partner end users do not have.
 */
export function createEndUser(
  db: Db,
  args: {
    name: string;
    email: string;
    organisationId: number;
    organisationName: string;
    passwordHash: string | null;
  },
) {
  return db.transaction(
    (tx) => {
      const customer = tx
        .insert(customers)
        .values({
          name: args.name,
          netId: args.email,
          email: args.email,
          organisationId: args.organisationId,
          organisation: args.organisationName,
        })
        .returning()
        .get();
      const user = args.passwordHash
        ? tx
            .insert(users)
            .values({
              email: args.email,
              name: args.name,
              role: 'customer',
              passwordHash: args.passwordHash,
              customerId: customer.id,
            })
            .returning()
            .get()
        : undefined;
      return { customerId: customer.id, userId: user?.id ?? null };
    },
    { behavior: 'immediate' },
  );
}

/** Members of the organisations, for the admin list. */
export const findEndUsers = (db: Db, organisationIds: number[]) =>
  organisationIds.length === 0
    ? []
    : db
        .select({
          id: customers.id,
          name: customers.name,
          email: customers.email,
          organisationId: customers.organisationId,
          login: users.email,
        })
        .from(customers)
        .leftJoin(users, eq(users.customerId, customers.id))
        .where(inArray(customers.organisationId, organisationIds))
        .orderBy(asc(customers.name))
        .all();

export const findCustomerByEmail = (db: Db, email: string) =>
  db.select().from(customers).where(eq(customers.email, email.trim().toLowerCase())).get();
