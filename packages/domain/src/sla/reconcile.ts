// Keeps an incident's clocks in step with the incident (issue 18): given the incident as a commit
// leaves it and its clocks as they were, the clock rows to insert and update. Idempotent: run twice
// on the same state it returns nothing the second time.
import { type Incident } from '../incident/schema';
import { pauseClock, resumeClock, startClock, stopClock, type ClockTimes } from './clock';
import { kbPromises, kbPromiseNames, type KbPromise } from './kb-promises';
import { firstResponseTarget, policyFor, resolutionTarget } from './policy';
import { type ClockKind, type NewSlaClock, type SlaClock, type SlaPolicy } from './schema';
import { type SlaCalendars } from './target';

export type ClockIncident = Pick<
  Incident,
  | 'id'
  | 'status'
  | 'ownerTeamId'
  | 'ownerAgentId'
  | 'urgency'
  | 'channel'
  | 'promises'
  | 'createdAt'
>;

export interface ClockPlan {
  inserts: NewSlaClock[];
  updates: { clock: SlaClock; set: Partial<SlaClock> }[];
}

const promiseOf = (kind: ClockKind): KbPromise | undefined =>
  kbPromiseNames.find((n) => kbPromises[n].kind === kind);

/** Someone on the owning team has it (or it moved past waiting for one): the first response is given. */
const hasResponse = (i: ClockIncident): boolean =>
  i.ownerAgentId !== null || !['new', 'assigned'].includes(i.status);

const changedFields = (before: ClockTimes, after: ClockTimes): Partial<SlaClock> =>
  Object.fromEntries(Object.entries(after).filter(([k, v]) => before[k as keyof ClockTimes] !== v));

export function reconcileClocks(
  incident: ClockIncident,
  clocks: readonly SlaClock[],
  policies: readonly SlaPolicy[],
  calendars: SlaCalendars,
  now: string,
): ClockPlan {
  const done = incident.status === 'resolved' || incident.status === 'closed';
  const waiting = incident.status === 'pending_customer';
  const team = incident.ownerTeamId;
  const plan: ClockPlan = { inserts: [], updates: [] };

  // Why each open clock stops now, if it does.
  const stopReason = (c: SlaClock): 'done' | 'handed_off' | 'superseded' | null => {
    const promise = promiseOf(c.kind);
    if (promise === undefined) {
      if (c.teamId !== team) return 'handed_off';
      if (done) return 'done';
      return c.kind === 'first_response' && hasResponse(incident) ? 'done' : null;
    }
    if (incident.promises[promise] !== c.promisedAt) return 'superseded';
    if (done) return 'done';
    if (c.teamId !== team) return c.kind === 'tech_contact_by' ? 'handed_off' : null;
    // The promised team has it in hand: an agent of theirs owns it (on-call works outside the system).
    return c.kind !== 'tech_contact_by' && incident.ownerAgentId !== null ? 'done' : null;
  };

  // Only open clocks of an open incident step: a done incident stops every clock above.
  const step = (c: ClockTimes, calendar: SlaClock['calendar']): ClockTimes =>
    waiting ? pauseClock(c, now, calendars[calendar]) : resumeClock(c, now, calendars[calendar]);

  for (const c of clocks) {
    if (c.stoppedAt !== null) continue;
    const reason = stopReason(c);
    const cal = calendars[c.calendar];
    const after = reason === null ? step(c, c.calendar) : stopClock(c, now, cal, reason);
    const set = changedFields(c, after);
    if (Object.keys(set).length > 0)
      plan.updates.push({ clock: c, set: { ...set, version: c.version + 1 } });
  }
  if (done) return plan;

  const stillOpen = (kind: ClockKind, teamId: number) =>
    clocks.some(
      (c) =>
        c.kind === kind &&
        c.teamId === teamId &&
        c.stoppedAt === null &&
        !plan.updates.some((u) => u.clock.id === c.id && u.set.stoppedAt !== undefined),
    );
  const ofKind = (kind: ClockKind, teamId: number) =>
    clocks.filter((c) => c.kind === kind && c.teamId === teamId);
  const latest = (kind: ClockKind, teamId: number) =>
    ofKind(kind, teamId).sort((a, b) => b.cycle - a.cycle)[0];

  const start = (c: NewSlaClock) => {
    const after = step(c, c.calendar);
    plan.inserts.push({ ...c, ...after });
  };

  const policy = policyFor(policies, team, incident);
  if (policy && !stillOpen('resolution', team)) {
    const previous = latest('resolution', team);
    const newStint = previous === undefined || previous.outcome === 'handed_off';
    const spec = {
      incidentId: incident.id,
      teamId: team,
      policyId: policy.id,
      calendar: policy.calendar,
    };
    const cal = calendars[policy.calendar];
    start(
      startClock(
        {
          ...spec,
          kind: 'resolution',
          cycle: (previous?.cycle ?? 0) + 1,
          target: resolutionTarget(policy),
        },
        now,
        cal,
      ),
    );
    if (newStint && !stillOpen('first_response', team)) {
      const fr = startClock(
        {
          ...spec,
          kind: 'first_response',
          cycle: ofKind('first_response', team).length + 1,
          target: firstResponseTarget(policy),
        },
        now,
        cal,
      );
      // Taken on at once (a live transfer, an agent's own call): responded within the first instant.
      if (hasResponse(incident)) plan.inserts.push({ ...fr, ...stopClock(fr, now, cal) });
      else start(fr);
    }
  }

  for (const name of kbPromiseNames) {
    const promisedAt = incident.promises[name];
    if (promisedAt === undefined) continue;
    const p = kbPromises[name];
    const made = clocks.filter((c) => c.kind === p.kind);
    if (made.some((c) => c.promisedAt === promisedAt)) continue;
    start(
      startClock(
        {
          incidentId: incident.id,
          teamId: team,
          kind: p.kind,
          cycle: made.length + 1,
          policyId: null,
          calendar: p.calendar,
          target: p.target,
          promisedAt,
        },
        now,
        calendars[p.calendar],
      ),
    );
  }
  return plan;
}
