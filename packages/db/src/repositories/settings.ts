import { eq } from 'drizzle-orm';
import { type Reader } from '../client';
import { first, tablesOf } from '../reader';
import { type Tx } from './incident';

/** The stored value of a setting, or undefined when it was never set (callers apply their defaults). */
export async function get(db: Reader | Tx, key: string): Promise<unknown> {
  const { settings } = tablesOf(db);
  return (await first(db.select().from(settings).where(eq(settings.key, key)).limit(1)))?.value;
}
