// The commit module's SLA step (issue 18): every commit that writes an incident brings that
// incident's clocks into step with it in the same transaction, so no write path can forget them.
import {
  clockEffects,
  mergeEffects,
  reconcileClocks,
  effects as noEffects,
  isRef,
  type Effects,
  type EntityId,
  type Incident,
  type SlaCalendars,
  type SlaClock,
  type SlaPolicy,
} from '@handoff/domain';
import { eq, sql } from 'drizzle-orm';
import { type Db } from '../client';
import { perConnection } from '../prepared';
import { incidents } from '../schema';
import { applyEffects, type Applied } from '../commit/apply';
import * as sla from '../repositories/sla';

const incidentKey = /^incident#(\d+)$/;

/**
 * Keeps an incident's "first breach" column (the queue's time-to-breach key) equal to its clocks:
 * a derived column, written by this commit step only (no version bump: the incident did not change).
 */
const slaDueStatement = perConnection((db: Db) =>
  db
    .update(incidents)
    .set({ slaDueAt: sql`${sql.placeholder('due')}` })
    .where(eq(incidents.id, sql.placeholder('id')))
    .prepare(),
);
function setSlaDue(db: Db, incidentId: number, due: string | null): void {
  slaDueStatement(db).run({ id: incidentId, due });
}

type WrittenIncident = Incident & { slaDueAt: string | null };

/** The incidents a commit wrote, as written (the clocks follow each of them). */
export const writtenIncidents = (applied: Applied): WrittenIncident[] =>
  [...applied.rows.entries()]
    .filter(([key]) => incidentKey.test(key))
    .map(([, row]) => row as unknown as WrittenIncident);

/** What the clocks of the written incidents need: the policies, the calendars, each one's clocks. */
export interface ClockFacts {
  policies: SlaPolicy[];
  calendars: SlaCalendars;
  clocksOf: (incidentId: number) => SlaClock[];
}

/** The clock writes that bring every written incident's clocks into step (one domain call each). */
export function clockPlan(
  written: readonly WrittenIncident[],
  facts: ClockFacts,
  decided: Effects,
  applied: Applied,
): Effects {
  const idOf = (id: EntityId) => (isRef(id) ? applied.ids.get(id.ref) : id);
  const actorOf = (id: number) =>
    decided.events.find((e) => e.entity === 'incident' && idOf(e.entityId) === id)?.actorId ?? null;
  return written.reduce(
    (all, incident) =>
      mergeEffects(
        all,
        clockEffects(
          incident,
          reconcileClocks(
            incident,
            facts.clocksOf(incident.id),
            facts.policies,
            facts.calendars,
            decided.at,
          ),
          decided.at,
          actorOf(incident.id),
        ),
      ),
    noEffects(decided.at),
  );
}

/** Adds what the clock step wrote to what the commit wrote. */
export function mergeApplied(applied: Applied, more: Applied): void {
  applied.changeIds.push(...more.changeIds);
  for (const [k, v] of more.rows) applied.rows.set(k, v);
}

/** Reconciles the clocks of every incident `applied` wrote; merges what it wrote into `applied`. */
export function keepClocks(db: Db, decided: Effects, applied: Applied): void {
  const written = writtenIncidents(applied);
  if (written.length === 0) return;
  const facts: ClockFacts = {
    policies: sla.findPoliciesSync(db),
    calendars: sla.calendarsSync(db),
    clocksOf: (id) => sla.findClocksSync(db, id),
  };
  const plan = clockPlan(written, facts, decided, applied);
  if (plan.writes.length > 0) mergeApplied(applied, applyEffects(db, plan));
  for (const incident of written) {
    const due = sla.earliestDueSync(db, incident.id);
    if (due !== incident.slaDueAt) setSlaDue(db, incident.id, due);
  }
}
