import { asc, eq, inArray } from 'drizzle-orm';
import { type OrganisationDomains } from '@handoff/domain';
import { type Reader } from '../client';
import { customers, organisationDomains, organisations, teams, users } from '../schema';

/** Every organisation with its domains and partner group, by name. */
export function findAllSync(db: Reader) {
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
export const findAll = async (db: Reader) => findAllSync(db);

/** What the placement rules read: each organisation's id, name and domains. */
export const findAllDomainsSync = (db: Reader): OrganisationDomains[] =>
  findAllSync(db).map(({ id, name, domains }) => ({ id, name, domains }));
export const findAllDomains = async (db: Reader): Promise<OrganisationDomains[]> =>
  findAllDomainsSync(db);

export function findByIdSync(db: Reader, id: number) {
  return findAllSync(db).find((o) => o.id === id);
}
export const findById = async (db: Reader, id: number) => findByIdSync(db, id);

export const findByName = async (db: Reader, name: string) =>
  db.select().from(organisations).where(eq(organisations.name, name)).get();

/** Partner client-support groups an organisation can be given. */
export const findPartnerTeams = async (db: Reader) =>
  db.select().from(teams).where(eq(teams.kind, 'partner')).orderBy(asc(teams.name)).all();

/** Members of the organisations, for the admin list. */
export const findEndUsers = async (db: Reader, organisationIds: number[]) =>
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

export const findCustomerByEmailSync = (db: Reader, email: string) =>
  db.select().from(customers).where(eq(customers.email, email.trim().toLowerCase())).get();
export const findCustomerByEmail = async (db: Reader, email: string) =>
  findCustomerByEmailSync(db, email);
