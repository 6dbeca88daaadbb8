// The team lead's dashboard (issue 18): pure, so every figure is tested without a database. The db
// reads `ReportTotals` from its rollups (and the scan of rows, `totalsOf`, for the partial days at a
// range's ends and as the tests' oracle); `dashboardOf` turns totals into the tables.
import { toCpsLocal } from '../calendar/business-calendar';
import { type Channel } from '../incident/schema';
import { type ClockKind, type ClockOutcome } from '../sla/schema';
import { durationBucket } from './duration-bucket';

export interface ReportRows {
  incidents: readonly {
    id: number;
    channel: Channel;
    ownerTeamId: number;
    serviceId: number;
    createdAt: string;
  }[];
  clocks: readonly {
    incidentId: number;
    kind: ClockKind;
    teamId: number;
    startedAt: string;
    usedMs: number;
    outcome: ClockOutcome | null;
  }[];
  /** Ownership moves (audit `ownerTeamId`), in order per incident. */
  moves: readonly { incidentId: number; fromTeamId: number | null; toTeamId: number; at: string }[];
  /** Open incidents now, whatever the range. */
  open: readonly { id: number; ownerTeamId: number; createdAt: string }[];
  teams: ReadonlyMap<number, string>;
  services: ReadonlyMap<number, string>;
}

/** Counts behind every figure: what the rollups hold, or what `totalsOf` counts from rows. Lists add up. */
export interface ReportTotals {
  /** Contacts by channel and current owner team. */
  contacts: readonly { channel: Channel; ownerTeamId: number; n: number }[];
  /** Contacts by the hour of day (0–23) on the CPS calendar they came in. */
  contactsByCpsHour: readonly { hour: number; n: number }[];
  /** Decided clocks (met or breached): week = ISO week of the start on the CPS calendar. */
  clockWeeks: readonly {
    teamId: number;
    kind: ClockKind;
    outcome: 'met' | 'breached';
    week: string;
    n: number;
  }[];
  /** Decided first-response and resolution clocks by `durationBucket` of the business time used. */
  clockTimes: readonly {
    teamId: number;
    kind: 'first_response' | 'resolution';
    bucket: number;
    n: number;
  }[];
  /**
   * Incidents in the range that moved at least once, by service and their moves in order (the same
   * route counts once with its number of incidents `n`): few rows whatever the range.
   */
  routes: readonly {
    serviceId: number;
    moves: readonly { fromTeamId: number | null; toTeamId: number }[];
    n: number;
  }[];
  /** Open incidents now, whatever the range, per age bucket (`ageBuckets`). */
  backlog: readonly number[];
}

export interface ReportNames {
  teams: ReadonlyMap<number, string>;
  services: ReadonlyMap<number, string>;
}

const pct = (a: number, b: number): number | null =>
  b === 0 ? null : Math.round((1000 * a) / b) / 10;
const hoursOf = (bucket: number) => bucket / 10;

/** The q-quantile (nearest rank) of sorted values. */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? sorted[0]!;
}

/** The q-quantile (nearest rank) of a histogram: value → how many. */
export function histogramQuantile(counts: ReadonlyMap<number, number>, q: number): number | null {
  const values = [...counts.keys()].sort((a, b) => a - b);
  const total = values.reduce((sum, v) => sum + counts.get(v)!, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (const v of values) {
    seen += counts.get(v)!;
    if (seen >= rank) return v;
  }
  return values[values.length - 1]!;
}

const add = (m: Map<string, number>, key: string, n = 1) => m.set(key, (m.get(key) ?? 0) + n);

export const ageBuckets = [
  { label: 'under 1 day', maxDays: 1 },
  { label: '1–3 days', maxDays: 3 },
  { label: '3–7 days', maxDays: 7 },
  { label: 'over 7 days', maxDays: Infinity },
] as const;

/** The instants after which an open incident is younger than each bucket's bound (the last is open-ended). */
export const ageBounds = (now: string): string[] =>
  ageBuckets
    .slice(0, -1)
    .map((b) => new Date(Date.parse(now) - b.maxDays * 86_400_000).toISOString());

const promiseKinds = [
  ['contact_by', 'CPS contact-by (4 business hours)'],
  ['call_if_no_contact', 'CPS call-if-no-contact (1 business day)'],
  ['respond_by', 'TP respond-by (1 business day)'],
  ['tech_contact_by', 'On-call contact (1 hour)'],
] as const;

/** The ISO week (CPS calendar) a clock started in, as the rollup keys it. */
export const clockWeek = (startedAt: string): string =>
  toCpsLocal(startedAt).toFormat("kkkk-'W'WW");

/** Counts the rows of a range: the scan the rollups replace (partial days, tests' oracle). */
export function totalsOf(rows: Omit<ReportRows, 'teams' | 'services'>, now: string): ReportTotals {
  const contacts = new Map<string, { channel: Channel; ownerTeamId: number; n: number }>();
  const utcHours = new Map<string, number>();
  for (const i of rows.incidents) {
    const key = `${i.channel}|${i.ownerTeamId}`;
    const c = contacts.get(key) ?? { channel: i.channel, ownerTeamId: i.ownerTeamId, n: 0 };
    c.n++;
    contacts.set(key, c);
    add(utcHours, `${new Date(i.createdAt).toISOString().slice(0, 13)}:00:00.000Z`);
  }
  // The CPS calendar is a whole number of hours off UTC: an hour's first instant has its hour of day.
  const hours = new Map<number, number>();
  for (const [at, n] of utcHours) {
    const hour = toCpsLocal(at).hour;
    hours.set(hour, (hours.get(hour) ?? 0) + n);
  }
  const weeks = new Map<string, ReportTotals['clockWeeks'][number] & { n: number }>();
  const times = new Map<string, ReportTotals['clockTimes'][number] & { n: number }>();
  for (const c of rows.clocks) {
    if (c.outcome !== 'met' && c.outcome !== 'breached') continue;
    const week = {
      teamId: c.teamId,
      kind: c.kind,
      outcome: c.outcome,
      week: clockWeek(c.startedAt),
    };
    const weekKey = JSON.stringify(week);
    weeks.set(weekKey, { ...week, n: (weeks.get(weekKey)?.n ?? 0) + 1 });
    if (c.kind !== 'first_response' && c.kind !== 'resolution') continue;
    const time = { teamId: c.teamId, kind: c.kind, bucket: durationBucket(c.usedMs) };
    const timeKey = JSON.stringify(time);
    times.set(timeKey, { ...time, n: (times.get(timeKey)?.n ?? 0) + 1 });
  }
  const movesOf = new Map<number, { fromTeamId: number | null; toTeamId: number }[]>();
  for (const m of rows.moves)
    movesOf.set(m.incidentId, [
      ...(movesOf.get(m.incidentId) ?? []),
      { fromTeamId: m.fromTeamId, toTeamId: m.toTeamId },
    ]);
  const routes = new Map<string, ReportTotals['routes'][number] & { n: number }>();
  for (const i of rows.incidents) {
    const moves = movesOf.get(i.id);
    if (moves === undefined) continue;
    const key = JSON.stringify([i.serviceId, moves]);
    routes.set(key, { serviceId: i.serviceId, moves, n: (routes.get(key)?.n ?? 0) + 1 });
  }
  const nowMs = Date.parse(now);
  return {
    contacts: [...contacts.values()],
    contactsByCpsHour: [...hours].map(([hour, n]) => ({ hour, n })),
    clockWeeks: [...weeks.values()],
    clockTimes: [...times.values()],
    routes: [...routes.values()],
    backlog: ageBuckets.map(
      (b, k) =>
        rows.open.filter((o) => {
          const days = (nowMs - Date.parse(o.createdAt)) / 86_400_000;
          return days < b.maxDays && (k === 0 || days >= ageBuckets[k - 1]!.maxDays);
        }).length,
    ),
  };
}

/** The dashboard of loaded rows (scan): `dashboardOf(totalsOf(rows))`. */
export const buildDashboard = (rows: ReportRows, now: string) =>
  dashboardOf(totalsOf(rows, now), rows);

export function dashboardOf(t: ReportTotals, names: ReportNames) {
  const team = (id: number) => names.teams.get(id) ?? `Team ${id}`;
  const sum = (xs: readonly { n: number }[]) => xs.reduce((a, x) => a + x.n, 0);
  const contacts = sum(t.contacts);
  const open = t.backlog.reduce((a, b) => a + b, 0);

  const byChannel = new Map<string, number>();
  const byTeam = new Map<string, number>();
  for (const c of t.contacts) {
    if (c.n === 0) continue;
    add(byChannel, c.channel, c.n);
    add(byTeam, team(c.ownerTeamId), c.n);
  }
  const contactsByChannel = [...byChannel]
    .map(([channel, count]) => ({ channel, count }))
    .sort((a, b) => b.count - a.count || a.channel.localeCompare(b.channel));
  const contactsByTeam = [...byTeam]
    .map(([teamName, count]) => ({ team: teamName, count }))
    .sort((a, b) => b.count - a.count || a.team.localeCompare(b.team));
  const byHour = new Map<string, number>();
  for (const h of t.contactsByCpsHour) add(byHour, String(h.hour), h.n);
  const contactsByHour = Array.from({ length: 24 }, (_, hour) => ({
    hour,
    count: byHour.get(String(hour)) ?? 0,
  }));

  const slaWeeks = new Map<string, { team: string; week: string; met: number; breached: number }>();
  const times = new Map<string, Map<number, number>>();
  const promiseCounts = new Map<string, { kept: number; broken: number }>();
  for (const c of t.clockWeeks) {
    if (c.n === 0) continue;
    if (c.kind === 'resolution') {
      const key = `${c.teamId}|${c.week}`;
      const row = slaWeeks.get(key) ?? { team: team(c.teamId), week: c.week, met: 0, breached: 0 };
      row[c.outcome === 'met' ? 'met' : 'breached'] += c.n;
      slaWeeks.set(key, row);
    }
    const p = promiseCounts.get(c.kind) ?? { kept: 0, broken: 0 };
    p[c.outcome === 'met' ? 'kept' : 'broken'] += c.n;
    promiseCounts.set(c.kind, p);
  }
  for (const c of t.clockTimes) {
    if (c.n === 0) continue;
    const key = `${c.teamId}|${c.kind}`;
    const h = times.get(key) ?? new Map<number, number>();
    h.set(c.bucket, (h.get(c.bucket) ?? 0) + c.n);
    times.set(key, h);
  }
  const slaByTeamWeek = [...slaWeeks.values()]
    .map((r) => ({ ...r, metPct: pct(r.met, r.met + r.breached) }))
    .sort((a, b) => a.week.localeCompare(b.week) || a.team.localeCompare(b.team));
  const backlogByAge = ageBuckets.map((b, i) => ({ age: b.label, count: t.backlog[i] ?? 0 }));
  const responseTimes = [...times]
    .map(([key, histogram]) => {
      const [teamId, kind] = key.split('|') as [string, string];
      return {
        team: team(Number(teamId)),
        clock: kind === 'first_response' ? 'First response' : 'Resolution',
        incidents: [...histogram.values()].reduce((a, b) => a + b, 0),
        medianBusinessHours: hoursOf(histogramQuantile(histogram, 0.5)!),
        p90BusinessHours: hoursOf(histogramQuantile(histogram, 0.9)!),
      };
    })
    .sort((a, b) => a.team.localeCompare(b.team) || a.clock.localeCompare(b.clock));
  const promises = promiseKinds.map(([kind, label]) => {
    const { kept, broken } = promiseCounts.get(kind) ?? { kept: 0, broken: 0 };
    return { promise: label, kept, broken, keptPct: pct(kept, kept + broken) };
  });

  const transferCounts = new Map<string, number>();
  const pingPongs = new Map<string, number>();
  const misrouted = new Map<number, { incidents: number; returns: number }>();
  let moved = 0;
  let transfers = 0;
  for (const { serviceId, moves: ms, n } of t.routes) {
    if (ms.length === 0 || n === 0) continue;
    moved += n;
    transfers += n * ms.length;
    add(transferCounts, ms.length >= 3 ? '3 or more' : String(ms.length), n);
    let returns = 0;
    for (let k = 1; k < ms.length; k++) {
      const prev = ms[k - 1]!;
      if (prev.fromTeamId !== null && ms[k]!.toTeamId === prev.fromTeamId) {
        returns++;
        add(
          pingPongs,
          `${team(prev.fromTeamId)} → ${team(prev.toTeamId)} → ${team(prev.fromTeamId)}`,
          n,
        );
      }
    }
    if (returns > 0 || ms.length >= 3) {
      const s = misrouted.get(serviceId) ?? { incidents: 0, returns: 0 };
      misrouted.set(serviceId, { incidents: s.incidents + n, returns: s.returns + n * returns });
    }
  }
  transferCounts.set('0', contacts - moved);
  const transfersPerIncident = ['0', '1', '2', '3 or more'].map((k) => ({
    transfers: k,
    incidents: transferCounts.get(k) ?? 0,
  }));
  const pingPong = [...pingPongs]
    .map(([route, count]) => ({ route, count }))
    .sort((a, b) => b.count - a.count || a.route.localeCompare(b.route));
  const misroutesByService = [...misrouted]
    .map(([serviceId, s]) => ({
      service: names.services.get(serviceId) ?? `Service ${serviceId}`,
      ...s,
    }))
    .sort((a, b) => b.incidents - a.incidents || a.service.localeCompare(b.service));
  return {
    summary: {
      contacts,
      open,
      transfersPerIncident: contacts === 0 ? null : Math.round((100 * transfers) / contacts) / 100,
      movedPct: pct(moved, contacts),
    },
    contactsByChannel,
    contactsByTeam,
    contactsByHour,
    slaByTeamWeek,
    backlogByAge,
    responseTimes,
    promises,
    transfersPerIncident,
    pingPong,
    misroutesByService,
  };
}
export type Dashboard = ReturnType<typeof dashboardOf>;

/** A table as CSV (RFC 4180 quoting), header from the first row's keys. */
export function toCsv(rows: readonly Record<string, unknown>[]): string {
  if (rows.length === 0) return '';
  const cols = Object.keys(rows[0]!);
  const cell = (v: unknown) => {
    const s =
      v === null || v === undefined
        ? ''
        : typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
          ? String(v)
          : JSON.stringify(v);
    // A leading =, +, - or @ would be a formula in a spreadsheet: quote it as text.
    const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
    return /[",\n\r]/.test(safe) || safe !== s ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return [cols.join(','), ...rows.map((r) => cols.map((c) => cell(r[c])).join(','))].join('\r\n');
}
