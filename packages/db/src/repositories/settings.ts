import { eq } from 'drizzle-orm';
import { type Db } from '../client';
import { settings } from '../schema';
import { type Tx } from './incident';

/** The stored value of a setting, or undefined when it was never set (callers apply their defaults). */
export const get = (db: Db | Tx, key: string): unknown =>
  db.select().from(settings).where(eq(settings.key, key)).get()?.value;

/** Sets a setting (insert or replace). */
export function set(db: Db | Tx, key: string, value: unknown, now: string): void {
  db.insert(settings)
    .values({ key, value, updatedAt: now })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } })
    .run();
}
