// A few weeks of deterministic demo history (issue 18), so SLA figures and /reports mean something
// on a new install: resolved incidents that took the routes the kb describes (L1 fixes it; CPS with
// its promises; ES; technologists with the TP respond-by; SNCC; now and then a misroute that comes
// back, A→B→A), their ownership changes in the audit trail, and the clocks the engine gives them.
import { eq } from 'drizzle-orm';
import {
  createIncident,
  promiseDue,
  toCpsLocal,
  type Actor,
  type Channel,
  type Incident,
  type IncidentStatus,
  type NewAuditEntry,
} from '@handoff/domain';
import { type Db } from '../client';
import { insertNew } from './incident-rows';
import * as sla from '../repositories/sla';
import { auditEvents, customers, incidents, services, teams, users } from '../schema';
import { insertClocks, replayClocks, type ClockIncidentState } from './demo-clocks';

/** mulberry32: the same history on every install. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const minutes = (at: string, m: number) => new Date(Date.parse(at) + m * 60_000).toISOString();

type Route = 'l1' | 'cps' | 'es' | 'tech' | 'sncc' | 'pingpong';
const routes: [Route, number][] = [
  ['l1', 0.5],
  ['cps', 0.2],
  ['es', 0.08],
  ['tech', 0.08],
  ['sncc', 0.07],
  ['pingpong', 0.07],
];
const channelsByWeight: [Channel, number][] = [
  ['phone', 0.4],
  ['email', 0.3],
  ['chat', 0.15],
  ['portal', 0.15],
];
const pick = <T>(r: number, weighted: [T, number][]): T => {
  let acc = 0;
  for (const [v, w] of weighted) if (r < (acc += w)) return v;
  return weighted[weighted.length - 1]![0];
};

/** Loads `days` days of resolved history before `now` (about 9 incidents a day), in one transaction. */
export function seedDemoHistory(
  db: Db,
  { now, days = 28 }: { now: string; days?: number },
): number {
  const rnd = random(18);
  const team = (name: string) => db.select().from(teams).where(eq(teams.name, name)).get()!.id;
  const user = (email: string) => db.select().from(users).where(eq(users.email, email)).get()!;
  const ids = {
    l1: team('US - Help Desk'),
    cps: team('US - Help Desk CPS'),
    es: team('HD ES'),
    tech: team('Middleware'),
    sncc: team('SNCC-Network'),
  };
  const l1 = user('l1@handoff.test');
  const agents = {
    l1: l1.id,
    cps: user('cps@handoff.test').id,
    es: user('es@handoff.test').id,
    tech: user('technologist@handoff.test').id,
    sncc: user('sncc@handoff.test').id,
  };
  const actor: Actor = {
    id: l1.id,
    name: l1.name,
    role: 'l1',
    teamIds: [ids.l1],
    customerId: null,
  };
  const serviceIds = db
    .select({ id: services.id })
    .from(services)
    .all()
    .map((s) => s.id);
  const people = db
    .select({ id: customers.id, name: customers.name, email: customers.email })
    .from(customers)
    .all();
  const policies = sla.findPoliciesSync(db);
  const calendars = sla.calendarsSync(db);
  const today = toCpsLocal(now).startOf('day');
  let made = 0;

  db.transaction((tx) => {
    for (let d = days; d >= 1; d--) {
      const day = today.minus({ days: d });
      const weekend = day.weekday >= 6;
      const count = weekend ? 3 : 10 + Math.floor(rnd() * 5);
      for (let n = 0; n < count; n++) {
        // Contacts cluster in the working day: 07:00–19:00 local, more in the morning.
        const hour = 7 + Math.floor(Math.pow(rnd(), 1.3) * 12);
        const createdAt = day
          .set({ hour, minute: Math.floor(rnd() * 60) })
          .toUTC()
          .toISO();
        const channel = pick(rnd(), channelsByWeight);
        const route = pick(rnd(), routes);
        const customer = people[Math.floor(rnd() * people.length)]!;
        const drafts = createIncident({
          input: {
            callerName: customer.name,
            callerEmail: customer.email,
            callerPhone: '608-555-0199',
            customerId: customer.id,
            serviceId: serviceIds[Math.floor(rnd() * serviceIds.length)]!,
            description: `Demo history: ${route} contact by ${channel}.`,
            channel,
          },
          actor,
          now: createdAt,
          ownerTeamId: ids.l1,
        });
        // The incident's story: its state after each step, and when (the id comes with the insert).
        let state: ClockIncidentState = {
          ...drafts.incident,
          id: 0,
          ownerAgentId: channel === 'phone' ? l1.id : null,
        };
        const steps: { at: string; incident: ClockIncidentState }[] = [
          { at: createdAt, incident: state },
        ];
        const audit: NewAuditEntry[] = [];
        let at = createdAt;
        let version = 1;
        const move = (after: number, change: Partial<Incident>) => {
          at = minutes(at, after);
          version++;
          // The audit trail of the fields a story moves (owner team and agent, status): scalars only.
          const show = (v: unknown): string | null =>
            typeof v === 'number' || typeof v === 'string' ? String(v) : null;
          for (const [field, to] of Object.entries(change) as [keyof Incident, unknown][]) {
            const from = state[field as keyof ClockIncidentState];
            if (field === 'promises' || from === to) continue;
            audit.push({
              actorId: l1.id,
              field,
              fromValue: show(from),
              toValue: show(to),
              version,
              at,
            });
          }
          state = { ...state, ...change };
          steps.push({ at, incident: state });
        };
        const handTo = (
          key: keyof typeof ids,
          after: number,
          promises: Incident['promises'] = {},
        ) =>
          move(after, { ownerTeamId: ids[key], ownerAgentId: null, status: 'assigned', promises });
        const take = (key: keyof typeof agents, after: number) =>
          move(after, { ownerAgentId: agents[key], status: 'in_progress' });
        const work = () => 30 + Math.floor(rnd() * rnd() * 2400);

        if (state.ownerAgentId === null) take('l1', 5 + Math.floor(rnd() * 90));
        if (route === 'cps' || route === 'pingpong') {
          const t = minutes(at, 5);
          handTo('cps', 5, {
            contactBy: promiseDue('contactBy', t, calendars.cps),
            callIfNoContactBy: promiseDue('callIfNoContactBy', t, calendars.cps),
          });
          if (route === 'pingpong') {
            // Not a CPS customer after all: back to L1, then to CPS again.
            handTo('l1', 60 + Math.floor(rnd() * 120));
            take('l1', 10);
            handTo('cps', 30);
          }
          take('cps', 20 + Math.floor(rnd() * rnd() * 600));
        } else if (route === 'es') {
          handTo('es', 10);
          take('es', 30 + Math.floor(rnd() * 300));
        } else if (route === 'tech') {
          handTo('tech', 15, {
            respondBy: promiseDue('respondBy', minutes(at, 15), calendars.cps),
          });
          take('tech', 60 + Math.floor(rnd() * rnd() * 1800));
        } else if (route === 'sncc') {
          handTo('sncc', 10);
          take('sncc', 10 + Math.floor(rnd() * 60));
        }
        if (rnd() < 0.15) {
          move(work() / 2, { status: 'pending_customer' });
          move(60 + Math.floor(rnd() * 1440), { status: 'in_progress' });
        }
        move(work(), { status: 'resolved' });
        const final: IncidentStatus = d > 7 && rnd() < 0.6 ? 'closed' : 'resolved';
        if (final === 'closed') move(7 * 1440, { status: 'closed' });
        // History is what has happened: a story still running today is left out (no open demo rows).
        if (Date.parse(at) > Date.parse(now)) continue;
        const row = insertNew(tx, {
          ...drafts,
          incident: { ...drafts.incident, ownerAgentId: steps[0]!.incident.ownerAgentId },
        });
        tx.update(incidents)
          .set({
            ownerTeamId: state.ownerTeamId,
            ownerAgentId: state.ownerAgentId,
            status: state.status,
            promises: state.promises,
            version,
            updatedAt: at,
          })
          .where(eq(incidents.id, row.id))
          .run();
        if (audit.length > 0)
          tx.insert(auditEvents)
            .values(audit.map((a) => ({ ...a, incidentId: row.id })))
            .run();
        insertClocks(tx, row.id, replayClocks(steps, policies, calendars));
        made++;
      }
    }
  });
  return made;
}
