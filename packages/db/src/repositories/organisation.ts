import { asc, eq, inArray } from 'drizzle-orm';
import { type OrganisationDomains } from '@handoff/domain';
import { type Reader } from '../client';
import { first, tablesOf } from '../reader';

// Each read is query builders, run synchronously by the SQLite-only twins (`…Sync`, for the
// domain's sync lookups) and awaited on either engine by the rest.
const allQueries = (db: Reader) => {
  const { organisationDomains, organisations, teams } = tablesOf(db);
  const orgs = db
    .select({
      id: organisations.id,
      name: organisations.name,
      partnerTeamId: organisations.partnerTeamId,
      partnerTeamName: teams.name,
    })
    .from(organisations)
    .innerJoin(teams, eq(teams.id, organisations.partnerTeamId))
    .orderBy(asc(organisations.name));
  const domains = db.select().from(organisationDomains).orderBy(asc(organisationDomains.domain));
  return { orgs, domains };
};

type Org = { id: number; name: string; partnerTeamId: number; partnerTeamName: string };
const withDomains = (orgs: Org[], domains: { organisationId: number; domain: string }[]) =>
  orgs.map((o) => ({
    ...o,
    domains: domains.filter((d) => d.organisationId === o.id).map((d) => d.domain),
  }));

/** Every organisation with its domains and partner group, by name. */
export function findAllSync(db: Reader) {
  const { orgs, domains } = allQueries(db);
  return withDomains(orgs.all(), domains.all());
}
export async function findAll(db: Reader) {
  const { orgs, domains } = allQueries(db);
  return withDomains(await orgs, await domains);
}

const domainsOf = (all: ReturnType<typeof withDomains>): OrganisationDomains[] =>
  all.map(({ id, name, domains }) => ({ id, name, domains }));
/** What the placement rules read: each organisation's id, name and domains. */
export const findAllDomainsSync = (db: Reader): OrganisationDomains[] => domainsOf(findAllSync(db));
export const findAllDomains = async (db: Reader): Promise<OrganisationDomains[]> =>
  domainsOf(await findAll(db));

export function findByIdSync(db: Reader, id: number) {
  return findAllSync(db).find((o) => o.id === id);
}
export const findById = async (db: Reader, id: number) =>
  (await findAll(db)).find((o) => o.id === id);

export async function findByName(db: Reader, name: string) {
  const { organisations } = tablesOf(db);
  return first(db.select().from(organisations).where(eq(organisations.name, name)).limit(1));
}

/** Partner client-support groups an organisation can be given. */
export async function findPartnerTeams(db: Reader) {
  const { teams } = tablesOf(db);
  return db.select().from(teams).where(eq(teams.kind, 'partner')).orderBy(asc(teams.name));
}

/** Members of the organisations, for the admin list. */
export async function findEndUsers(db: Reader, organisationIds: number[]) {
  const { customers, users } = tablesOf(db);
  return organisationIds.length === 0
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
        .orderBy(asc(customers.name));
}

const customerByEmailQuery = (db: Reader, email: string) => {
  const { customers } = tablesOf(db);
  return db
    .select()
    .from(customers)
    .where(eq(customers.email, email.trim().toLowerCase()))
    .limit(1);
};
export const findCustomerByEmailSync = (db: Reader, email: string) =>
  customerByEmailQuery(db, email).get();
export const findCustomerByEmail = async (db: Reader, email: string) =>
  first(customerByEmailQuery(db, email));
