// The SLA warning scheduler (issue 18): finds clocks whose next warning is due (indexed
// `next_warning_at`) and commits each warning. Exactly once: the commit expects the clock's version
// and inserts a warning row unique per clock and level, so another process, a second scheduler or a
// restart that races for the same warning loses (CONFLICT / UNIQUE) and its commit changes nothing.
// Reads through the Reader and writes through commit(), so it runs on a pg Reader too; there local
// commits wake it as on SQLite (commit() notifies on pg), other servers' by its timer.
import { eq } from 'drizzle-orm';
import { DomainError, effects, warningEffects, type WarningEnv } from '@handoff/domain';
import { type Db, type Reader } from '../client';
import { commit } from '../commit/commit';
import { onLocalCommit } from '../commit/notifier';
import * as sla from '../repositories/sla';
import { findMailRecipients } from '../repositories/team';
import { first, tablesOf } from '../reader';

async function loadEnv(db: Reader, clockId: number): Promise<WarningEnv | null> {
  const { incidents, slaClocks, users } = tablesOf(db);
  const clock = await first(db.select().from(slaClocks).where(eq(slaClocks.id, clockId)));
  if (!clock) return null;
  const incident = (await first(
    db.select().from(incidents).where(eq(incidents.id, clock.incidentId)),
  ))!;
  const team = (await findMailRecipients(db, [clock.teamId]))[0]!;
  const person = async (id: number | null | undefined) =>
    id == null
      ? null
      : ((await first(
          db
            .select({ id: users.id, name: users.name, email: users.email })
            .from(users)
            .where(eq(users.id, id)),
        )) ?? null);
  const lead = (await sla.findLeads(db, [clock.teamId]))[0];
  return {
    clock,
    incident,
    team,
    owner: await person(incident.ownerAgentId),
    lead: await person(lead?.userId),
  };
}

/** A unique key refused the insert: SQLite's code, pg's SQLSTATE 23505 (drizzle may wrap it). */
const isUniqueViolation = (e: unknown): boolean => {
  for (
    let c: unknown = e;
    typeof c === 'object' && c !== null;
    c = (c as { cause?: unknown }).cause
  ) {
    const code = (c as { code?: unknown }).code;
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505') return true;
  }
  return false;
};

/** Lost the race for a warning: someone else gave it first. */
const isLostRace = (e: unknown): boolean =>
  (e instanceof DomainError && e.code === 'CONFLICT') || isUniqueViolation(e);

/** One pass: gives every warning due at `now`; returns how many warning commits this process made. */
export async function fireDueWarnings(db: Db, now: string, limit = 100): Promise<number> {
  let fired = 0;
  for (const due of await sla.findDueWarnings(db, now, limit)) {
    try {
      const result = await commit(db, async (read) => {
        const env = await loadEnv(read, due.id);
        return (env && warningEffects(env, now)) ?? effects(now);
      });
      if (result.changeIds.length > 0) fired++;
    } catch (e) {
      if (!isLostRace(e)) throw e;
    }
  }
  return fired;
}

/**
 * Starts the scheduler: a pass at once, then every `everyMs` and after each local commit (a change
 * may bring a warning forward). Returns stop.
 */
export function startWarningScheduler(
  db: Db,
  now: () => string,
  { everyMs = 30_000, onError = (e: unknown) => console.error('SLA warnings:', e) } = {},
): () => void {
  let running = false;
  const pass = async () => {
    if (running) return;
    running = true;
    try {
      await fireDueWarnings(db, now());
    } catch (e) {
      onError(e);
    } finally {
      running = false;
    }
  };
  void pass();
  const timer = setInterval(() => void pass(), everyMs);
  timer.unref?.();
  // After a local commit, look again once it has settled (never inside the committing call).
  const off = onLocalCommit(db, () => setImmediate(() => void pass()));
  return () => {
    clearInterval(timer);
    off();
  };
}
