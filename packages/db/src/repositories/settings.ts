import { eq } from 'drizzle-orm';
import { type Reader } from '../client';
import { settings } from '../schema';
import { type Tx } from './incident';

/** The stored value of a setting, or undefined when it was never set (callers apply their defaults). */
export const get = async (db: Reader | Tx, key: string): Promise<unknown> =>
  db.select().from(settings).where(eq(settings.key, key)).get()?.value;
