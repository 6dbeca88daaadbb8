// Seeded incidents get their SLA clocks the way a commit would give them (issue 18): the engine
// replays each incident's story (state after each step, at that step's instant) and the rows it
// ends with are inserted in one transaction.
import { eq, notInArray } from 'drizzle-orm';
import {
  reconcileClocks,
  type Incident,
  type SlaCalendars,
  type SlaClock,
  type SlaPolicy,
} from '@handoff/domain';
import { type Db } from '../client';
import { type Tx } from '../repositories/incident';
import * as sla from '../repositories/sla';
import { incidents, slaClocks } from '../schema';

export type ClockIncidentState = Parameters<typeof reconcileClocks>[0];

/** The clocks an incident ends with after `steps` (its state after each, and when). */
export function replayClocks(
  steps: readonly { at: string; incident: ClockIncidentState }[],
  policies: readonly SlaPolicy[],
  calendars: SlaCalendars,
): Omit<SlaClock, 'id'>[] {
  let clocks: SlaClock[] = [];
  let nextId = 1;
  for (const { at, incident } of steps) {
    const plan = reconcileClocks(incident, clocks, policies, calendars, at);
    clocks = clocks.map((c) => {
      const u = plan.updates.find((x) => x.clock.id === c.id);
      return u ? { ...c, ...u.set } : c;
    });
    clocks.push(...plan.inserts.map((c) => ({ ...c, id: nextId++ })));
  }
  return clocks.map(({ id: _id, ...c }) => c);
}

const firstDue = (clocks: readonly Omit<SlaClock, 'id'>[]): string | null =>
  clocks
    .filter((c) => c.stoppedAt === null && c.runningSince !== null && c.dueAt !== null)
    .map((c) => c.dueAt!)
    .sort()[0] ?? null;

/** Inserts replayed clocks of an incident and its first-breach column. */
export function insertClocks(
  tx: Db | Tx,
  incidentId: number,
  clocks: readonly Omit<SlaClock, 'id'>[],
) {
  if (clocks.length > 0)
    tx.insert(slaClocks)
      .values(clocks.map((c) => ({ ...c, incidentId })))
      .run();
  tx.update(incidents)
    .set({ slaDueAt: firstDue(clocks) })
    .where(eq(incidents.id, incidentId))
    .run();
}

/** Clocks for every seeded incident that has none: started when it was created, brought up to `now`. */
export function seedClocks(db: Db, now: string): void {
  const policies = sla.findPoliciesSync(db);
  const calendars = sla.calendarsSync(db);
  const withClocks = db.selectDistinct({ id: slaClocks.incidentId }).from(slaClocks);
  db.transaction((tx) => {
    const rows: Incident[] = tx
      .select()
      .from(incidents)
      .where(notInArray(incidents.id, withClocks))
      .all();
    for (const incident of rows) {
      const clocks = replayClocks(
        [
          { at: incident.createdAt, incident },
          { at: now, incident },
        ],
        policies,
        calendars,
      );
      insertClocks(tx, incident.id, clocks);
    }
  });
}
