import { asc, eq, inArray } from 'drizzle-orm';
import { type OrganisationDomains } from '@handoff/domain';
import { type Db } from '../client';
import { customers, organisationDomains, organisations, teams, users } from '../schema';

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

export const findByName = (db: Db, name: string) =>
  db.select().from(organisations).where(eq(organisations.name, name)).get();

/** Partner client-support groups an organisation can be given. */
export const findPartnerTeams = (db: Db) =>
  db.select().from(teams).where(eq(teams.kind, 'partner')).orderBy(asc(teams.name)).all();

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
