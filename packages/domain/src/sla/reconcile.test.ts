import { describe, expect, test } from 'vitest';
import { demoGeneralHdHours } from '../calendar/opening-hours';
import { clockEffects } from './entity';
import { policyFor } from './policy';
import { reconcileClocks, type ClockIncident } from './reconcile';
import { type NewSlaClock, type SlaClock, type SlaPolicy } from './schema';
import { slaCalendarsOf } from './target';

const calendars = slaCalendarsOf({
  holidays: [],
  cps: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '07:00', closes: '18:00' })),
  general_hd: demoGeneralHdHours,
});
const L1 = 1;
const CPS = 2;
const NOPOLICY = 9;

const policy = (over: Partial<SlaPolicy> = {}): SlaPolicy => ({
  id: 10,
  teamId: L1,
  urgency: null,
  channel: null,
  calendar: 'general_hd',
  firstResponseAmount: 1,
  firstResponseUnit: 'business_hours',
  resolutionAmount: 8,
  resolutionUnit: 'business_hours',
  effectiveFrom: '2026-01-01T00:00:00Z',
  supersededAt: null,
  createdById: null,
  ...over,
});
const policies = [
  policy(),
  policy({
    id: 20,
    teamId: CPS,
    calendar: 'cps',
    resolutionAmount: 2,
    resolutionUnit: 'business_days',
  }),
];

const base: ClockIncident = {
  id: 7,
  status: 'new',
  ownerTeamId: L1,
  ownerAgentId: null,
  urgency: null,
  channel: 'email',
  promises: {},
  createdAt: '2026-03-02T16:00:00Z',
};

/** Applies a plan the way the commit module does: updates by id, inserts get the next id. */
function apply(clocks: SlaClock[], plan: ReturnType<typeof reconcileClocks>): SlaClock[] {
  let next = Math.max(0, ...clocks.map((c) => c.id)) + 1;
  const updated = clocks.map((c) => {
    const u = plan.updates.find((x) => x.clock.id === c.id);
    return u ? { ...c, ...u.set } : c;
  });
  return [...updated, ...plan.inserts.map((c: NewSlaClock) => ({ ...c, id: next++ }))];
}

/** Runs a story of incident states, returning the clocks after each step. */
function story(steps: [string, Partial<ClockIncident>][], ps: readonly SlaPolicy[] = policies) {
  let clocks: SlaClock[] = [];
  let incident = base;
  for (const [at, change] of steps) {
    incident = { ...incident, ...change };
    clocks = apply(clocks, reconcileClocks(incident, clocks, ps, calendars, at));
    // Idempotent: the same state again changes nothing.
    expect(reconcileClocks(incident, clocks, ps, calendars, at)).toEqual({
      inserts: [],
      updates: [],
    });
  }
  return clocks.map((c) => ({
    kind: c.kind,
    team: c.teamId,
    cycle: c.cycle,
    state: c.stoppedAt ? c.outcome : c.runningSince ? 'running' : 'paused',
  }));
}

describe('reconciling an incident with its clocks', () => {
  test.each([
    [
      'a new e-mail starts first response and resolution on the owner team’s policy',
      [['2026-03-02T16:00:00Z', {}]],
      [
        { kind: 'resolution', team: L1, cycle: 1, state: 'running' },
        { kind: 'first_response', team: L1, cycle: 1, state: 'running' },
      ],
    ],
    [
      'an agent’s own call is responded to at once',
      [['2026-03-02T16:00:00Z', { ownerAgentId: 5, channel: 'phone' as const }]],
      [
        { kind: 'resolution', team: L1, cycle: 1, state: 'running' },
        { kind: 'first_response', team: L1, cycle: 1, state: 'met' },
      ],
    ],
    [
      'a team without a policy has no clocks',
      [['2026-03-02T16:00:00Z', { ownerTeamId: NOPOLICY }]],
      [],
    ],
    [
      'taking ownership meets the first response; waiting on the customer pauses the resolution',
      [
        ['2026-03-02T16:00:00Z', {}],
        ['2026-03-02T16:30:00Z', { ownerAgentId: 5, status: 'in_progress' as const }],
        ['2026-03-02T17:00:00Z', { status: 'pending_customer' as const }],
      ],
      [
        { kind: 'resolution', team: L1, cycle: 1, state: 'paused' },
        { kind: 'first_response', team: L1, cycle: 1, state: 'met' },
      ],
    ],
    [
      'the customer’s reply resumes it; resolving stops it within target',
      [
        ['2026-03-02T16:00:00Z', { ownerAgentId: 5 }],
        ['2026-03-02T17:00:00Z', { status: 'pending_customer' as const }],
        ['2026-03-03T15:00:00Z', { status: 'in_progress' as const }],
        ['2026-03-03T16:00:00Z', { status: 'resolved' as const }],
      ],
      [
        { kind: 'resolution', team: L1, cycle: 1, state: 'met' },
        { kind: 'first_response', team: L1, cycle: 1, state: 'met' },
      ],
    ],
    [
      'resolving late is a breach; a first response never given is breached too',
      [
        ['2026-03-02T16:00:00Z', {}],
        ['2026-03-04T16:00:00Z', { status: 'resolved' as const }],
      ],
      [
        { kind: 'resolution', team: L1, cycle: 1, state: 'breached' },
        { kind: 'first_response', team: L1, cycle: 1, state: 'breached' },
      ],
    ],
    [
      'a reopen restarts the resolution clock (a new cycle), not the first response',
      [
        ['2026-03-02T16:00:00Z', { ownerAgentId: 5 }],
        ['2026-03-02T17:00:00Z', { status: 'resolved' as const }],
        ['2026-03-03T17:00:00Z', { status: 'in_progress' as const }],
      ],
      [
        { kind: 'resolution', team: L1, cycle: 1, state: 'met' },
        { kind: 'first_response', team: L1, cycle: 1, state: 'met' },
        { kind: 'resolution', team: L1, cycle: 2, state: 'running' },
      ],
    ],
    [
      'assigning to CPS hands L1’s clocks off and starts CPS’s and the two kb promises',
      [
        ['2026-03-02T16:00:00Z', {}],
        [
          '2026-03-02T16:10:00Z',
          {
            ownerTeamId: CPS,
            status: 'assigned' as const,
            promises: {
              contactBy: '2026-03-02T20:10:00Z',
              callIfNoContactBy: '2026-03-03T16:10:00Z',
            },
          },
        ],
      ],
      [
        { kind: 'resolution', team: L1, cycle: 1, state: 'handed_off' },
        { kind: 'first_response', team: L1, cycle: 1, state: 'handed_off' },
        { kind: 'resolution', team: CPS, cycle: 1, state: 'running' },
        { kind: 'first_response', team: CPS, cycle: 1, state: 'running' },
        { kind: 'contact_by', team: CPS, cycle: 1, state: 'running' },
        { kind: 'call_if_no_contact', team: CPS, cycle: 1, state: 'running' },
      ],
    ],
    [
      'a CPS agent taking it keeps both promises',
      [
        [
          '2026-03-02T16:10:00Z',
          {
            ownerTeamId: CPS,
            promises: {
              contactBy: '2026-03-02T20:10:00Z',
              callIfNoContactBy: '2026-03-03T16:10:00Z',
            },
          },
        ],
        ['2026-03-02T17:00:00Z', { ownerAgentId: 8, status: 'in_progress' as const }],
      ],
      [
        { kind: 'resolution', team: CPS, cycle: 1, state: 'running' },
        { kind: 'first_response', team: CPS, cycle: 1, state: 'met' },
        { kind: 'contact_by', team: CPS, cycle: 1, state: 'met' },
        { kind: 'call_if_no_contact', team: CPS, cycle: 1, state: 'met' },
      ],
    ],
    [
      'a promise replaced by another (escalated to technologists) is superseded, the new one runs',
      [
        [
          '2026-03-02T16:10:00Z',
          { ownerTeamId: CPS, promises: { contactBy: '2026-03-02T20:10:00Z' } },
        ],
        [
          '2026-03-02T17:00:00Z',
          { ownerTeamId: NOPOLICY, promises: { respondBy: '2026-03-03T17:00:00Z' } },
        ],
      ],
      [
        { kind: 'resolution', team: CPS, cycle: 1, state: 'handed_off' },
        { kind: 'first_response', team: CPS, cycle: 1, state: 'handed_off' },
        { kind: 'contact_by', team: CPS, cycle: 1, state: 'superseded' },
        { kind: 'respond_by', team: NOPOLICY, cycle: 1, state: 'running' },
      ],
    ],
    [
      'the on-call promise is not kept by the page itself (in progress); it is handed off with the incident',
      [
        [
          '2026-03-02T04:00:00Z',
          {
            ownerTeamId: NOPOLICY,
            ownerAgentId: 5,
            promises: { techContactBy: '2026-03-02T05:00:00Z' },
          },
        ],
        ['2026-03-02T04:10:00Z', { status: 'in_progress' as const }],
        ['2026-03-02T04:20:00Z', { ownerTeamId: CPS }],
      ],
      [
        { kind: 'tech_contact_by', team: NOPOLICY, cycle: 1, state: 'handed_off' },
        { kind: 'resolution', team: CPS, cycle: 1, state: 'running' },
        { kind: 'first_response', team: CPS, cycle: 1, state: 'met' },
      ],
    ],
    [
      'a promise is not kept by another team’s agent, and still runs while waiting (paused)',
      [
        [
          '2026-03-02T16:10:00Z',
          { ownerTeamId: NOPOLICY, promises: { respondBy: '2026-03-03T16:10:00Z' } },
        ],
        ['2026-03-02T16:20:00Z', { ownerTeamId: L1, ownerAgentId: 5 }],
        ['2026-03-02T16:30:00Z', { status: 'pending_customer' as const }],
      ],
      [
        { kind: 'respond_by', team: NOPOLICY, cycle: 1, state: 'paused' },
        { kind: 'resolution', team: L1, cycle: 1, state: 'paused' },
        { kind: 'first_response', team: L1, cycle: 1, state: 'met' },
      ],
    ],
    [
      'a promise made on a resolved incident starts nothing; resolving keeps open promises',
      [
        [
          '2026-03-02T16:10:00Z',
          { ownerTeamId: NOPOLICY, promises: { techContactBy: '2026-03-02T17:10:00Z' } },
        ],
        ['2026-03-02T16:20:00Z', { status: 'resolved' as const }],
        ['2026-03-02T16:30:00Z', { promises: { contactBy: '2026-03-02T20:30:00Z' } }],
      ],
      [{ kind: 'tech_contact_by', team: NOPOLICY, cycle: 1, state: 'met' }],
    ],
    [
      'a team that gets the incident back starts a new stint (A→B→A)',
      [
        ['2026-03-02T16:00:00Z', { ownerAgentId: 5 }],
        [
          '2026-03-02T16:10:00Z',
          { ownerTeamId: CPS, ownerAgentId: null, status: 'assigned' as const },
        ],
        ['2026-03-02T16:20:00Z', { ownerTeamId: L1 }],
      ],
      [
        { kind: 'resolution', team: L1, cycle: 1, state: 'handed_off' },
        { kind: 'first_response', team: L1, cycle: 1, state: 'met' },
        { kind: 'resolution', team: CPS, cycle: 1, state: 'handed_off' },
        { kind: 'first_response', team: CPS, cycle: 1, state: 'handed_off' },
        { kind: 'resolution', team: L1, cycle: 2, state: 'running' },
        { kind: 'first_response', team: L1, cycle: 2, state: 'running' },
      ],
    ],
    [
      'a new stint while waiting on the customer starts paused',
      [['2026-03-02T16:00:00Z', { status: 'pending_customer' as const }]],
      [
        { kind: 'resolution', team: L1, cycle: 1, state: 'paused' },
        { kind: 'first_response', team: L1, cycle: 1, state: 'met' },
      ],
    ],
  ] as const)('%s', (_name, steps, expected) => {
    expect(story(steps as unknown as [string, Partial<ClockIncident>][])).toEqual(expected);
  });
});

describe('which policy holds', () => {
  const edited = [
    policy({ id: 1, supersededAt: '2026-03-01T00:00:00Z' }),
    policy({ id: 2, effectiveFrom: '2026-03-01T00:00:00Z', resolutionAmount: 4 }),
    policy({ id: 3, effectiveFrom: '2026-03-01T00:00:00Z', urgency: 'urgent' }),
    policy({ id: 4, effectiveFrom: '2026-03-01T00:00:00Z', channel: 'phone' }),
    policy({ id: 5, effectiveFrom: '2026-03-01T00:00:00Z', urgency: 'urgent', channel: 'phone' }),
    policy({ id: 6, teamId: CPS }),
  ];
  test.each([
    [
      'an incident created before the edit keeps the old policy',
      { createdAt: '2026-02-15T00:00:00Z' },
      1,
    ],
    ['one created after it gets the new', { createdAt: '2026-03-02T00:00:00Z' }, 2],
    ['created exactly at the edit: the new', { createdAt: '2026-03-01T00:00:00Z' }, 2],
    [
      'an urgent one gets the urgency policy',
      { createdAt: '2026-03-02T00:00:00Z', urgency: 'urgent' as const },
      3,
    ],
    [
      'a phone one gets the channel policy',
      { createdAt: '2026-03-02T00:00:00Z', channel: 'phone' as const },
      4,
    ],
    [
      'urgent by phone: the most specific',
      { createdAt: '2026-03-02T00:00:00Z', urgency: 'urgent' as const, channel: 'phone' as const },
      5,
    ],
    ['before any policy existed: none', { createdAt: '2025-01-01T00:00:00Z' }, null],
  ])('%s', (_name, incident, id) => {
    const p = policyFor(edited, L1, { urgency: null, channel: 'email', ...incident });
    expect(p?.id ?? null).toBe(id);
  });
  test('a policy edited after an incident was created does not change its clocks', () => {
    const incident = { ...base, createdAt: '2026-02-15T00:00:00Z' };
    const plan = reconcileClocks(incident, [], edited, calendars, '2026-03-02T16:00:00Z');
    expect(plan.inserts.map((c) => [c.kind, c.policyId, c.targetLabel])).toEqual([
      ['resolution', 1, '8 business hours'],
      ['first_response', 1, '1 business hour'],
    ]);
  });
});

describe('clock effects', () => {
  test('no change, no effects', () => {
    expect(clockEffects(base, { inserts: [], updates: [] }, 'now')).toMatchObject({
      writes: [],
      events: [],
    });
  });
  test('inserts and versioned updates, with one slaClock event for the teams concerned', () => {
    const first = reconcileClocks(base, [], policies, calendars, '2026-03-02T16:00:00Z');
    const clocks = apply([], first);
    const moved = { ...base, ownerTeamId: CPS, ownerAgentId: 4 };
    const plan = reconcileClocks(moved, clocks, policies, calendars, '2026-03-02T16:10:00Z');
    const e = clockEffects(moved, plan, '2026-03-02T16:10:00Z', 3);
    expect(e.writes.map((w) => w.op)).toEqual(['update', 'update', 'insert', 'insert']);
    expect(e.writes[0]).toMatchObject({
      entity: 'slaClock',
      id: 1,
      expectedVersion: 1,
      set: { version: 2, outcome: 'handed_off' },
    });
    expect(e.events).toEqual([
      {
        entity: 'slaClock',
        entityId: 7,
        kind: 'clocks_changed',
        teamIds: [L1, CPS],
        userIds: [4],
        actorId: 3,
      },
    ]);
  });
});
