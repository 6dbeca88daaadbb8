import { eq } from 'drizzle-orm';
import { type Db } from '../client';
import { settings } from '../schema';
import { type Tx } from './incident';

/** The stored value of a setting, or undefined when it was never set (callers apply their defaults). */
export const get = (db: Db | Tx, key: string): unknown =>
  db.select().from(settings).where(eq(settings.key, key)).get()?.value;
