// The names audit rows' ids stand for (audit-words' AuditNames: a team's name, a problem's number…),
// loaded for a page of rows at once, one query per kind, on either engine.
import { inArray } from 'drizzle-orm';
import { type AuditNames } from '@handoff/domain';
import { type Reader } from '../client';
import { tablesOf } from '../reader';

export type NameKind = keyof AuditNames;
type Named = PromiseLike<{ id: number; name: string }[]>;

const lookups: { readonly [K in NameKind]: (db: Reader, ids: number[]) => Named } = {
  team: (db, ids) => {
    const { teams } = tablesOf(db);
    return db.select({ id: teams.id, name: teams.name }).from(teams).where(inArray(teams.id, ids));
  },
  user: (db, ids) => {
    const { users } = tablesOf(db);
    return db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids));
  },
  service: (db, ids) => {
    const { services } = tablesOf(db);
    return db
      .select({ id: services.id, name: services.name })
      .from(services)
      .where(inArray(services.id, ids));
  },
  customer: (db, ids) => {
    const { customers } = tablesOf(db);
    return db
      .select({ id: customers.id, name: customers.name })
      .from(customers)
      .where(inArray(customers.id, ids));
  },
  problem: (db, ids) => {
    const { problems } = tablesOf(db);
    return db
      .select({ id: problems.id, name: problems.number })
      .from(problems)
      .where(inArray(problems.id, ids));
  },
  outage: (db, ids) => {
    const { outages } = tablesOf(db);
    return db
      .select({ id: outages.id, name: outages.number })
      .from(outages)
      .where(inArray(outages.id, ids));
  },
  department: (db, ids) => {
    const { departments } = tablesOf(db);
    return db
      .select({ id: departments.id, name: departments.name })
      .from(departments)
      .where(inArray(departments.id, ids));
  },
};

export const nameKinds = Object.keys(lookups) as NameKind[];

/** The name of each wanted id, by kind (an id with no row is left out). */
export async function findNames(
  db: Reader,
  wanted: { readonly [K in NameKind]?: readonly number[] },
): Promise<{ [K in NameKind]: ReadonlyMap<number, string> }> {
  const found = await Promise.all(
    nameKinds.map(async (kind) => {
      const ids = [...new Set(wanted[kind] ?? [])];
      const rows = ids.length === 0 ? [] : await lookups[kind](db, ids);
      return [kind, new Map(rows.map((r) => [r.id, r.name]))] as const;
    }),
  );
  const names = {} as { [K in NameKind]: ReadonlyMap<number, string> };
  for (const [kind, map] of found) names[kind] = map;
  return names;
}
