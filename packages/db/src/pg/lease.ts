// Exactly-once work among servers on one PostgreSQL database (issue 20): the lease of lease/lease.ts
// with the same statement and semantics. `INSERT … ON CONFLICT DO UPDATE … WHERE` is atomic on pg as
// on SQLite: of two servers racing for a free or expired lease, the second's upsert waits for the
// first's row lock, re-checks its WHERE against the row the first wrote, and changes nothing.
import { eq, sql } from 'drizzle-orm';
import { keepLeaseWith, type KeepLeaseOptions, type LeaseKeeper } from '../lease/lease';
import { leases } from '../schema-pg';
import { type PgRead } from './client';

/** Takes or renews the lease `name` for `holder` until `nowMs + ttlMs`; true when `holder` has it. */
export async function tryLeasePg(
  db: PgRead,
  lease: { name: string; holder: string; nowMs: number; ttlMs: number },
): Promise<boolean> {
  const now = new Date(lease.nowMs).toISOString();
  const until = new Date(lease.nowMs + lease.ttlMs).toISOString();
  const result = await db.execute(sql`
    INSERT INTO leases (name, holder, expires_at) VALUES (${lease.name}, ${lease.holder}, ${until})
    ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
    WHERE leases.holder = excluded.holder OR leases.expires_at <= ${now}`);
  return result.rowCount === 1;
}

/** Gives the lease up at once (a clean shutdown), if `holder` has it. */
export async function releaseLeasePg(db: PgRead, name: string, holder: string): Promise<void> {
  await db.execute(sql`DELETE FROM leases WHERE name = ${name} AND holder = ${holder}`);
}

/** Who holds the lease and until when. */
export async function findLeasePg(db: PgRead, name: string) {
  const [row] = await db.select().from(leases).where(eq(leases.name, name));
  return row;
}

/**
 * keepLease on pg: tries for the lease every third of its lifetime; on taking it starts the work,
 * on losing it (too slow to renew, another took over) stops it. A holder that dies stops renewing,
 * and another server takes over once `ttlMs` has passed.
 */
export const keepLeasePg = (db: PgRead, opts: KeepLeaseOptions): LeaseKeeper =>
  keepLeaseWith(
    {
      tryLease: (lease) => tryLeasePg(db, lease),
      releaseLease: (name, holder) => releaseLeasePg(db, name, holder),
    },
    opts,
  );
