import { asc } from 'drizzle-orm';
import { type RoutingContext } from '@handoff/domain';
import { type Db } from '../client';
import { departments } from '../schema';
import { type Tx } from './incident';

/** Every department (the contract list and the others), by name. */
export const findDepartments = (db: Db | Tx) =>
  db.select().from(departments).orderBy(asc(departments.name)).all();

/** What routing reads besides the contact's facts, from the data administrators keep. */
export function routingContext(db: Db | Tx): RoutingContext {
  return {
    departments: findDepartments(db).map((d) => ({
      name: d.name,
      shortName: d.shortName,
      contractPartner: d.contractPartner,
    })),
  };
}
