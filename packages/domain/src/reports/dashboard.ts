// The team lead's dashboard (issue 18), computed from loaded rows: pure, so every figure is tested
// without a database. The db loads the rows of the date range; this turns them into tables.
import { toCpsLocal } from '../calendar/business-calendar';
import { type Channel } from '../incident/schema';
import { type ClockKind, type ClockOutcome } from '../sla/schema';

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

const pct = (a: number, b: number): number | null =>
  b === 0 ? null : Math.round((1000 * a) / b) / 10;
const hoursOf = (ms: number) => Math.round(ms / 360_000) / 10;

/** The q-quantile (nearest rank) of sorted values. */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? sorted[0]!;
}

const countBy = <T>(xs: readonly T[], key: (x: T) => string): Map<string, number> => {
  const m = new Map<string, number>();
  for (const x of xs) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
  return m;
};

const ageBuckets = [
  { label: 'under 1 day', maxDays: 1 },
  { label: '1–3 days', maxDays: 3 },
  { label: '3–7 days', maxDays: 7 },
  { label: 'over 7 days', maxDays: Infinity },
] as const;

const promiseKinds = [
  ['contact_by', 'CPS contact-by (4 business hours)'],
  ['call_if_no_contact', 'CPS call-if-no-contact (1 business day)'],
  ['respond_by', 'TP respond-by (1 business day)'],
  ['tech_contact_by', 'On-call contact (1 hour)'],
] as const;

export function buildDashboard(rows: ReportRows, now: string) {
  const team = (id: number) => rows.teams.get(id) ?? `Team ${id}`;
  const decided = (o: ClockOutcome | null) => o === 'met' || o === 'breached';

  const contactsByChannel = [...countBy(rows.incidents, (i) => i.channel)].map(
    ([channel, count]) => ({ channel, count }),
  );
  const contactsByTeam = [...countBy(rows.incidents, (i) => team(i.ownerTeamId))]
    .map(([teamName, count]) => ({ team: teamName, count }))
    .sort((a, b) => b.count - a.count);
  const byHour = countBy(rows.incidents, (i) => String(toCpsLocal(i.createdAt).hour));
  const contactsByHour = Array.from({ length: 24 }, (_, hour) => ({
    hour,
    count: byHour.get(String(hour)) ?? 0,
  }));

  const slaWeeks = new Map<string, { team: string; week: string; met: number; breached: number }>();
  for (const c of rows.clocks) {
    if (c.kind !== 'resolution' || !decided(c.outcome)) continue;
    const week = toCpsLocal(c.startedAt).toFormat("kkkk-'W'WW");
    const key = `${c.teamId}|${week}`;
    const row = slaWeeks.get(key) ?? { team: team(c.teamId), week, met: 0, breached: 0 };
    if (c.outcome === 'met') row.met++;
    else row.breached++;
    slaWeeks.set(key, row);
  }
  const slaByTeamWeek = [...slaWeeks.values()]
    .map((r) => ({ ...r, metPct: pct(r.met, r.met + r.breached) }))
    .sort((a, b) => a.week.localeCompare(b.week) || a.team.localeCompare(b.team));

  const nowMs = Date.parse(now);
  const backlogByAge = ageBuckets.map((b, i) => ({
    age: b.label,
    count: rows.open.filter((o) => {
      const days = (nowMs - Date.parse(o.createdAt)) / 86_400_000;
      return days < b.maxDays && (i === 0 || days >= ageBuckets[i - 1]!.maxDays);
    }).length,
  }));

  const timesMap = new Map<string, number[]>();
  for (const c of rows.clocks) {
    if ((c.kind !== 'first_response' && c.kind !== 'resolution') || !decided(c.outcome)) continue;
    const key = `${c.teamId}|${c.kind}`;
    timesMap.set(key, [...(timesMap.get(key) ?? []), c.usedMs]);
  }
  const responseTimes = [...timesMap]
    .map(([key, values]) => {
      const [teamId, kind] = key.split('|') as [string, string];
      const sorted = [...values].sort((a, b) => a - b);
      return {
        team: team(Number(teamId)),
        clock: kind === 'first_response' ? 'First response' : 'Resolution',
        incidents: sorted.length,
        medianBusinessHours: hoursOf(quantile(sorted, 0.5)!),
        p90BusinessHours: hoursOf(quantile(sorted, 0.9)!),
      };
    })
    .sort((a, b) => a.team.localeCompare(b.team) || a.clock.localeCompare(b.clock));

  const promises = promiseKinds.map(([kind, label]) => {
    const ended = rows.clocks.filter((c) => c.kind === kind && decided(c.outcome));
    const kept = ended.filter((c) => c.outcome === 'met').length;
    return { promise: label, kept, broken: ended.length - kept, keptPct: pct(kept, ended.length) };
  });

  const movesOf = new Map<number, ReportRows['moves'][number][]>();
  for (const m of rows.moves) movesOf.set(m.incidentId, [...(movesOf.get(m.incidentId) ?? []), m]);
  const transfers = rows.incidents.map((i) => movesOf.get(i.id)?.length ?? 0);
  const transferCounts = countBy(transfers, (n) => (n >= 3 ? '3 or more' : String(n)));
  const transfersPerIncident = ['0', '1', '2', '3 or more'].map((t) => ({
    transfers: t,
    incidents: transferCounts.get(t) ?? 0,
  }));
  const pingPongs = new Map<string, number>();
  const misrouted = new Map<number, { incidents: number; returns: number }>();
  for (const i of rows.incidents) {
    const ms = movesOf.get(i.id) ?? [];
    let returns = 0;
    for (let k = 1; k < ms.length; k++) {
      const prev = ms[k - 1]!;
      if (prev.fromTeamId !== null && ms[k]!.toTeamId === prev.fromTeamId) {
        returns++;
        const route = `${team(prev.fromTeamId)} → ${team(prev.toTeamId)} → ${team(prev.fromTeamId)}`;
        pingPongs.set(route, (pingPongs.get(route) ?? 0) + 1);
      }
    }
    if (returns > 0 || ms.length >= 3) {
      const s = misrouted.get(i.serviceId) ?? { incidents: 0, returns: 0 };
      misrouted.set(i.serviceId, { incidents: s.incidents + 1, returns: s.returns + returns });
    }
  }
  const pingPong = [...pingPongs]
    .map(([route, count]) => ({ route, count }))
    .sort((a, b) => b.count - a.count);
  const misroutesByService = [...misrouted]
    .map(([serviceId, s]) => ({
      service: rows.services.get(serviceId) ?? `Service ${serviceId}`,
      ...s,
    }))
    .sort((a, b) => b.incidents - a.incidents);
  const moved = transfers.filter((n) => n > 0).length;
  return {
    summary: {
      contacts: rows.incidents.length,
      open: rows.open.length,
      transfersPerIncident:
        rows.incidents.length === 0
          ? null
          : Math.round((100 * transfers.reduce((a, b) => a + b, 0)) / rows.incidents.length) / 100,
      movedPct: pct(moved, rows.incidents.length),
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
export type Dashboard = ReturnType<typeof buildDashboard>;

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
