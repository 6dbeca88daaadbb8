// The clock engine (issue 18): start, pause, resume and stop a clock in open time of its calendar.
// Pure: the caller passes the calendar data and the instant; each function returns the new fields.
import {
  addBusinessMs,
  businessMsBetween,
  type CalendarContext,
} from '../calendar/business-calendar';
import {
  atRiskFraction,
  type ClockKind,
  type ClockOutcome,
  type NewSlaClock,
  type SlaCalendar,
  type SlaClock,
  type Target,
} from './schema';
import { targetLabel, targetMsFrom } from './target';

/** What a new clock measures and how. */
export interface ClockSpec {
  incidentId: number;
  teamId: number;
  kind: ClockKind;
  cycle: number;
  policyId: number | null;
  calendar: SlaCalendar;
  target: Target;
  promisedAt?: string | null;
}

/** The fields the engine keeps current; the rest of a clock is fixed when it starts. */
export type ClockTimes = Pick<
  SlaClock,
  | 'targetMs'
  | 'landing'
  | 'runningSince'
  | 'usedMs'
  | 'pausedAt'
  | 'dueAt'
  | 'warnAt'
  | 'nextWarningAt'
  | 'warnedAt'
  | 'breachNotifiedAt'
  | 'stoppedAt'
  | 'outcome'
>;

const isBefore = (a: string, b: string) => Date.parse(a) < Date.parse(b);
/**
 * Every instant a clock stores is fixed-width UTC with milliseconds (`2026-03-02T16:00:00.000Z`), so
 * the database compares and sorts them as text (the scheduler's indexed "next warning at").
 */
export const clockInstant = (at: string): string => new Date(Date.parse(at)).toISOString();
const earliest = (...xs: (string | null)[]): string | null =>
  xs.reduce<string | null>((m, x) => (x !== null && (m === null || isBefore(x, m)) ? x : m), null);

/** The projected due and 75% instants of a clock running since `since` with `usedMs` already used. */
function projection(
  c: Pick<ClockTimes, 'targetMs' | 'landing' | 'usedMs' | 'warnedAt' | 'breachNotifiedAt'>,
  since: string,
  cal: CalendarContext,
): Pick<ClockTimes, 'dueAt' | 'warnAt' | 'nextWarningAt'> {
  const dueAt = clockInstant(addBusinessMs(since, c.targetMs - c.usedMs, cal, c.landing));
  const warnAt = clockInstant(
    addBusinessMs(since, c.targetMs * atRiskFraction - c.usedMs, cal, 'close'),
  );
  return {
    dueAt,
    warnAt,
    nextWarningAt: earliest(
      c.warnedAt === null ? warnAt : null,
      c.breachNotifiedAt === null ? dueAt : null,
    ),
  };
}

/** A new running clock started at `at`. */
export function startClock(spec: ClockSpec, startAt: string, cal: CalendarContext): NewSlaClock {
  const at = clockInstant(startAt);
  const base = {
    targetMs: targetMsFrom(at, spec.target, cal),
    landing: spec.target.unit === 'business_days' ? ('open' as const) : ('close' as const),
    usedMs: 0,
    warnedAt: null,
    breachNotifiedAt: null,
  };
  return {
    incidentId: spec.incidentId,
    teamId: spec.teamId,
    kind: spec.kind,
    cycle: spec.cycle,
    policyId: spec.policyId,
    calendar: spec.calendar,
    targetLabel: targetLabel(spec.target),
    promisedAt: spec.promisedAt ?? null,
    startedAt: at,
    runningSince: at,
    pausedAt: null,
    stoppedAt: null,
    outcome: null,
    version: 1,
    ...base,
    ...projection(base, at, cal),
  };
}

/** Open time the clock has used by `at`. */
export const usedBy = (
  c: Pick<ClockTimes, 'usedMs' | 'runningSince'>,
  at: string,
  cal: CalendarContext,
): number => c.usedMs + (c.runningSince === null ? 0 : businessMsBetween(c.runningSince, at, cal));

/** Pauses a running clock (waiting on the customer); a paused or stopped clock is returned as is. */
export function pauseClock(c: ClockTimes, pauseAt: string, cal: CalendarContext): ClockTimes {
  if (c.runningSince === null) return c;
  const at = clockInstant(pauseAt);
  const usedMs = usedBy(c, at, cal);
  return {
    ...c,
    usedMs,
    runningSince: null,
    pausedAt: at,
    // A clock paused after its breach keeps the instant it breached.
    dueAt: usedMs > c.targetMs ? c.dueAt : null,
    warnAt: null,
    nextWarningAt: null,
  };
}

/** Resumes a paused clock (the customer replied); a running or stopped clock is returned as is. */
export function resumeClock(c: ClockTimes, resumeAt: string, cal: CalendarContext): ClockTimes {
  if (c.runningSince !== null || c.stoppedAt !== null) return c;
  const at = clockInstant(resumeAt);
  const breachedAt = c.usedMs > c.targetMs ? c.dueAt : null;
  const next = projection(c, at, cal);
  return {
    ...c,
    runningSince: at,
    pausedAt: null,
    ...next,
    dueAt: breachedAt ?? next.dueAt,
  };
}

/**
 * Stops a clock for good: `met` / `breached` by the open time it used, or, when it stopped because
 * the team handed on or the promise was replaced, that reason while still within target.
 */
export function stopClock(
  c: ClockTimes,
  stopAt: string,
  cal: CalendarContext,
  reason: 'done' | 'handed_off' | 'superseded' = 'done',
): ClockTimes {
  if (c.stoppedAt !== null) return c;
  const at = clockInstant(stopAt);
  const usedMs = usedBy(c, at, cal);
  const breached = usedMs > c.targetMs;
  const outcome: ClockOutcome = breached ? 'breached' : reason === 'done' ? 'met' : reason;
  return {
    ...c,
    usedMs,
    runningSince: null,
    pausedAt: null,
    stoppedAt: at,
    outcome,
    warnAt: null,
    nextWarningAt: null,
  };
}

/** How a clock stands at `now`, as the incident page and the queue show it. */
export interface ClockStanding {
  state: 'running' | 'paused' | 'stopped';
  usedMs: number;
  targetMs: number;
  /** Open time left (negative once breached). */
  remainingMs: number;
  /** Share of the target used. */
  fraction: number;
  atRisk: boolean;
  breached: boolean;
  dueAt: string | null;
  outcome: ClockOutcome | null;
}

export function clockStanding(c: ClockTimes, now: string, cal: CalendarContext): ClockStanding {
  const usedMs = c.stoppedAt === null ? usedBy(c, now, cal) : c.usedMs;
  const breached = usedMs > c.targetMs;
  const fraction = usedMs / c.targetMs;
  return {
    state: c.stoppedAt !== null ? 'stopped' : c.runningSince === null ? 'paused' : 'running',
    usedMs,
    targetMs: c.targetMs,
    remainingMs: c.targetMs - usedMs,
    fraction,
    atRisk: !breached && fraction >= atRiskFraction,
    breached,
    dueAt: c.dueAt,
    outcome: c.outcome,
  };
}

/** The warnings due at `now` that the clock has not given yet, in order. */
export function dueWarnings(
  c: Pick<ClockTimes, 'warnAt' | 'dueAt' | 'warnedAt' | 'breachNotifiedAt' | 'runningSince'>,
  now: string,
): ('at_risk' | 'breached')[] {
  if (c.runningSince === null) return [];
  const due: ('at_risk' | 'breached')[] = [];
  if (c.warnedAt === null && c.warnAt !== null && !isBefore(now, c.warnAt)) due.push('at_risk');
  if (c.breachNotifiedAt === null && c.dueAt !== null && !isBefore(now, c.dueAt))
    due.push('breached');
  return due;
}

/** The fields after the scheduler gave `levels` at `now`: the next warning moves on. */
export function afterWarnings(
  c: Pick<ClockTimes, 'warnAt' | 'dueAt' | 'warnedAt' | 'breachNotifiedAt'>,
  levels: readonly ('at_risk' | 'breached')[],
  givenAt: string,
): Pick<ClockTimes, 'warnedAt' | 'breachNotifiedAt' | 'nextWarningAt'> {
  const now = clockInstant(givenAt);
  const warnedAt = levels.includes('at_risk') ? now : c.warnedAt;
  const breachNotifiedAt = levels.includes('breached') ? now : c.breachNotifiedAt;
  return {
    warnedAt,
    breachNotifiedAt,
    nextWarningAt: earliest(
      warnedAt === null ? c.warnAt : null,
      breachNotifiedAt === null ? c.dueAt : null,
    ),
  };
}
