import { describe, expect, test } from 'vitest';
import { buildDashboard, quantile, toCsv, type ReportRows } from './dashboard';

const L1 = 1;
const CPS = 2;
const rows: ReportRows = {
  incidents: [
    // Monday 2026-03-02, 09:xx Chicago (CST = UTC-6)
    {
      id: 1,
      channel: 'phone',
      ownerTeamId: L1,
      serviceId: 10,
      createdAt: '2026-03-02T15:00:00.000Z',
    },
    {
      id: 2,
      channel: 'email',
      ownerTeamId: CPS,
      serviceId: 10,
      createdAt: '2026-03-02T15:30:00.000Z',
    },
    {
      id: 3,
      channel: 'phone',
      ownerTeamId: CPS,
      serviceId: 11,
      createdAt: '2026-03-09T20:00:00.000Z',
    },
  ],
  clocks: [
    {
      incidentId: 1,
      kind: 'resolution',
      teamId: L1,
      startedAt: '2026-03-02T15:00:00.000Z',
      usedMs: 3_600_000,
      outcome: 'met',
    },
    {
      incidentId: 1,
      kind: 'first_response',
      teamId: L1,
      startedAt: '2026-03-02T15:00:00.000Z',
      usedMs: 0,
      outcome: 'met',
    },
    {
      incidentId: 2,
      kind: 'resolution',
      teamId: L1,
      startedAt: '2026-03-02T15:30:00.000Z',
      usedMs: 600_000,
      outcome: 'handed_off',
    },
    {
      incidentId: 2,
      kind: 'resolution',
      teamId: CPS,
      startedAt: '2026-03-02T15:40:00.000Z',
      usedMs: 7_200_000,
      outcome: 'breached',
    },
    {
      incidentId: 2,
      kind: 'contact_by',
      teamId: CPS,
      startedAt: '2026-03-02T15:40:00.000Z',
      usedMs: 1_000,
      outcome: 'met',
    },
    {
      incidentId: 3,
      kind: 'contact_by',
      teamId: CPS,
      startedAt: '2026-03-09T20:00:00.000Z',
      usedMs: 1_000,
      outcome: 'breached',
    },
    {
      incidentId: 3,
      kind: 'respond_by',
      teamId: CPS,
      startedAt: '2026-03-09T20:00:00.000Z',
      usedMs: 1_000,
      outcome: null,
    },
  ],
  moves: [
    { incidentId: 2, fromTeamId: L1, toTeamId: CPS, at: '2026-03-02T15:40:00.000Z' },
    { incidentId: 2, fromTeamId: CPS, toTeamId: L1, at: '2026-03-02T16:40:00.000Z' },
    { incidentId: 2, fromTeamId: L1, toTeamId: CPS, at: '2026-03-02T17:40:00.000Z' },
    { incidentId: 3, fromTeamId: L1, toTeamId: CPS, at: '2026-03-09T20:10:00.000Z' },
  ],
  open: [
    { id: 7, ownerTeamId: L1, createdAt: '2026-03-10T10:00:00.000Z' },
    { id: 8, ownerTeamId: L1, createdAt: '2026-03-08T10:00:00.000Z' },
    { id: 9, ownerTeamId: L1, createdAt: '2026-02-01T10:00:00.000Z' },
  ],
  teams: new Map([
    [L1, 'US - Help Desk'],
    [CPS, 'US - Help Desk CPS'],
  ]),
  services: new Map([[10, 'Canvas']]),
};
const d = buildDashboard(rows, '2026-03-10T12:00:00.000Z');

describe('the dashboard', () => {
  test('contacts by channel, team and local hour of day', () => {
    expect(d.contactsByChannel).toEqual([
      { channel: 'phone', count: 2 },
      { channel: 'email', count: 1 },
    ]);
    expect(d.contactsByTeam).toEqual([
      { team: 'US - Help Desk CPS', count: 2 },
      { team: 'US - Help Desk', count: 1 },
    ]);
    expect(d.contactsByHour.filter((h) => h.count > 0)).toEqual([
      { hour: 9, count: 2 },
      { hour: 15, count: 1 }, // 20:00Z on 9 March is 15:00 CDT (DST began 8 March)
    ]);
  });
  test('SLA met % per team and week counts met and breached resolution clocks, not hand-offs', () => {
    expect(d.slaByTeamWeek).toEqual([
      { team: 'US - Help Desk', week: '2026-W10', met: 1, breached: 0, metPct: 100 },
      { team: 'US - Help Desk CPS', week: '2026-W10', met: 0, breached: 1, metPct: 0 },
    ]);
  });
  test('backlog by age', () => {
    expect(d.backlogByAge.map((b) => b.count)).toEqual([1, 1, 0, 1]);
  });
  test('first-response and resolution median and p90 in business hours', () => {
    expect(d.responseTimes).toEqual([
      {
        team: 'US - Help Desk',
        clock: 'First response',
        incidents: 1,
        medianBusinessHours: 0,
        p90BusinessHours: 0,
      },
      {
        team: 'US - Help Desk',
        clock: 'Resolution',
        incidents: 1,
        medianBusinessHours: 1,
        p90BusinessHours: 1,
      },
      {
        team: 'US - Help Desk CPS',
        clock: 'Resolution',
        incidents: 1,
        medianBusinessHours: 2,
        p90BusinessHours: 2,
      },
    ]);
  });
  test('promises kept: CPS contact-by and TP respond-by (open ones are not counted)', () => {
    expect(d.promises.map((p) => [p.kept, p.broken, p.keptPct])).toEqual([
      [1, 1, 50],
      [0, 0, null],
      [0, 0, null],
      [0, 0, null],
    ]);
  });
  test('routes: transfers per incident, ping-pong, repeated misroutes by service', () => {
    expect(d.transfersPerIncident).toEqual([
      { transfers: '0', incidents: 1 },
      { transfers: '1', incidents: 1 },
      { transfers: '2', incidents: 0 },
      { transfers: '3 or more', incidents: 1 },
    ]);
    expect(d.pingPong).toEqual([
      { route: 'US - Help Desk → US - Help Desk CPS → US - Help Desk', count: 1 },
      { route: 'US - Help Desk CPS → US - Help Desk → US - Help Desk CPS', count: 1 },
    ]);
    expect(d.misroutesByService).toEqual([{ service: 'Canvas', incidents: 1, returns: 2 }]);
    expect(d.summary).toEqual({ contacts: 3, open: 3, transfersPerIncident: 1.33, movedPct: 66.7 });
  });
  test('no rows, no figures', () => {
    const empty = buildDashboard(
      { ...rows, incidents: [], clocks: [], moves: [], open: [] },
      '2026-03-10T12:00:00.000Z',
    );
    expect(empty.summary).toEqual({
      contacts: 0,
      open: 0,
      transfersPerIncident: null,
      movedPct: null,
    });
    expect(quantile([], 0.5)).toBeNull();
  });
});

describe('CSV', () => {
  test.each([
    [[], ''],
    [[{ a: 1, b: 'x' }], 'a,b\r\n1,x'],
    [[{ a: 'say "hi", ok', b: null }], 'a,b\r\n"say ""hi"", ok",'],
    [[{ a: '=HYPERLINK("x")' }], `a\r\n"'=HYPERLINK(""x"")"`],
  ])('%j', (input, csv) => {
    expect(toCsv(input)).toBe(csv);
  });
});
