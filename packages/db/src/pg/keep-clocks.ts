// The commit module's SLA step on PostgreSQL: sla/keep-clocks.ts's step with the reads awaited first
// (the same policies, calendars and clock plan), then applied in the same transaction.
import { type Effects, type SlaClock } from '@handoff/domain';
import { eq } from 'drizzle-orm';
import { type Applied } from '../commit/apply';
import { pgReader } from '../reader';
import * as sla from '../repositories/sla';
import { clockPlan, writtenIncidents } from '../sla/keep-clocks';
import { incidents } from '../schema-pg';
import { type PgTx } from './client';
import { applyEffectsPg } from './commit';

/**
 * Reconciles the clocks of every incident `applied` wrote and merges the rows it wrote into `applied`.
 * Returns the clock step's effects and what they wrote, whose change events the commit appends
 * after its own (as SQLite's order has them), or null when no clock changed.
 */
export async function keepClocksPg(
  tx: PgTx,
  decided: Effects,
  applied: Applied,
): Promise<{ effects: Effects; applied: Applied } | null> {
  const written = writtenIncidents(applied);
  if (written.length === 0) return null;
  const read = pgReader(tx);
  // One after another: a transaction is one connection, which runs one query at a time.
  const policies = await sla.findPolicies(read);
  const calendars = await sla.calendars(read);
  const byIncident = new Map<number, SlaClock[]>();
  for (const i of written) byIncident.set(i.id, await sla.findClocks(read, i.id));
  const plan = clockPlan(
    written,
    { policies, calendars, clocksOf: (id) => byIncident.get(id) ?? [] },
    decided,
    applied,
  );
  const step =
    plan.writes.length > 0 ? { effects: plan, applied: await applyEffectsPg(tx, plan) } : null;
  if (step) for (const [k, v] of step.applied.rows) applied.rows.set(k, v);
  for (const incident of written) {
    const due = await sla.earliestDue(read, incident.id);
    if (due !== incident.slaDueAt)
      await tx.update(incidents).set({ slaDueAt: due }).where(eq(incidents.id, incident.id));
  }
  return step;
}
