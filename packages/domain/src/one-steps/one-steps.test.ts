// Rules every one-step shares: who may run it, stale versions, resolved/closed incidents,
// the outage procedure, and the shape of every result. Step-specific rules live next to each step.
import { describe, expect, test } from 'vitest';
import { type IncidentStatus } from '../incident/schema';
import { roles, type Role } from '../roles';
import { forwardingOneSteps, oneStepNames, type OneStepName } from './contract';
import { availableOneSteps, oneSteps } from './registry';
import { domainErrorOf, envFor, scenario, teams, validInput } from './test-fixtures';

const desk = ['l1', 'hdqa'] as const;
const resolvers = ['l1', 'hdqa', 'cps', 'es', 'sncc', 'technologist'] as const;
const staff = roles.filter((r) => r !== 'customer');
// Partner agents read only partner tickets, which change hands only by claim (kb 003).
const internalStaff = staff.filter((r) => r !== 'partner_agent');

const allowedRoles: Record<OneStepName, readonly Role[]> = {
  assign_to_cps: desk,
  transfer_to_cps: desk,
  assign_to_east: desk,
  page_oncall: desk,
  send_to_hd_es: desk,
  escalate_to_technologists: desk,
  escalate_to_team: resolvers,
  take_ownership: internalStaff,
  link_to_problem: desk,
  resolve: [...resolvers, 'tier2', 'partner_agent'],
  close: resolvers,
  reopen: staff,
  request_more_information: desk,
  mark_mission_critical: desk,
  handle_normally: desk,
};

const run = <N extends OneStepName>(name: N, env = scenario(name), input = validInput[name]) =>
  oneSteps[name].run(env, input);
// A partner agent changes only its own group's tickets: give it one (the fixture actor's team 1, held by it).
const scenarioFor = (name: OneStepName, role: Role) =>
  role === 'partner_agent'
    ? { ...scenario(name, role), partnerTicket: { partnerTeamId: 1, relationshipAgentId: 10 } }
    : scenario(name, role);

const pairs = oneStepNames.flatMap((name) => roles.map((role) => [name, role] as const));
// The administrator may take ownership and reopen by the table, but is in no team, so the team
// scope (permissions.ts incidentChangeScope) refuses it: tested on its own below.
const allowedPairs = pairs.filter(
  ([name, role]) => allowedRoles[name].includes(role) && role !== 'admin',
);
const forbiddenPairs = pairs.filter(([name, role]) => !allowedRoles[name].includes(role));

describe('roles (the permission table)', () => {
  test.each(allowedPairs)('%s by %s runs and bumps the version', (name, role) => {
    const env = scenarioFor(name, role);
    expect(oneSteps[name].can(env)).toBeNull();
    const result = run(name, env);
    expect(result.changes).toMatchObject({ version: 4, updatedAt: env.now });
    expect(result.journal[0]).toMatchObject({
      kind: 'system',
      visibility: 'internal',
      authorId: 10,
      createdAt: env.now,
    });
    expect(result.audit.length).toBeGreaterThan(0);
    expect(result.audit.every((a) => a.version === 4 && a.at === env.now && a.actorId === 10)).toBe(
      true,
    );
  });

  test.each(forbiddenPairs)(
    '%s by %s → FORBIDDEN, on the button and on the server',
    (name, role) => {
      const env = scenario(name, role);
      const reason = oneSteps[name].can(env);
      expect(reason).toMatch(new RegExp(`^Your role \\(${role}\\) may not `));
      expect(domainErrorOf(() => run(name, env))).toMatchObject({
        code: 'FORBIDDEN',
        message: reason,
      });
    },
  );

  test.each(['take_ownership', 'reopen'] as const)(
    '%s by admin (allowed the action, but in no team) → FORBIDDEN by team scope',
    (name) => {
      const env = scenario(name, 'admin');
      const reason = oneSteps[name].can(env);
      expect(reason).not.toBeNull();
      expect(reason).not.toMatch(/^Your role/);
      expect(domainErrorOf(() => run(name, env))).toMatchObject({
        code: 'FORBIDDEN',
        message: reason,
      });
    },
  );

  test('a forbidden role is told so even on a stale version', () => {
    const input = { ...validInput.assign_to_cps, expectedVersion: 1 };
    expect(
      domainErrorOf(() => run('assign_to_cps', scenario('assign_to_cps', 'cps'), input)).code,
    ).toBe('FORBIDDEN');
  });
});

describe('stale version', () => {
  test.each(oneStepNames)('%s against version 2 of a version-3 incident → CONFLICT', (name) => {
    const error = domainErrorOf(() =>
      run(name, scenario(name, 'hdqa'), { ...validInput[name], expectedVersion: 2 }),
    );
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('you saw version 2, it is now 3');
  });
});

describe('resolved and closed incidents refuse everything but Reopen (and Close from resolved)', () => {
  const rows: [OneStepName, IncidentStatus, string | null][] = [
    ...oneStepNames
      .filter((n) => n !== 'close' && n !== 'reopen')
      .flatMap((n): [OneStepName, IncidentStatus, string][] => [
        [n, 'resolved', 'INC-000001 is resolved; reopen it first.'],
        [n, 'closed', 'INC-000001 is closed; reopen it first.'],
      ]),
    ['close', 'resolved', null],
    ['close', 'closed', 'INC-000001 is closed; reopen it first.'],
    ['close', 'in_progress', 'Only resolved incidents can be closed; resolve INC-000001 first.'],
    ['reopen', 'resolved', null],
    ['reopen', 'closed', null],
    [
      'reopen',
      'new',
      'INC-000001 is still open; only resolved or closed incidents can be reopened.',
    ],
    [
      'reopen',
      'pending_customer',
      'INC-000001 is still open; only resolved or closed incidents can be reopened.',
    ],
  ];
  test.each(rows)('%s on a %s incident → %s', (name, status, message) => {
    const env = {
      ...scenario(name, 'hdqa'),
      incident: { ...scenario(name, 'hdqa').incident, status },
    };
    expect(oneSteps[name].can(env)).toBe(message);
    if (message === null) expect(() => run(name, env)).not.toThrow();
    else
      expect(domainErrorOf(() => run(name, env))).toMatchObject({
        code: 'INVALID_TRANSITION',
        message,
      });
  });
});

describe('the outage procedure (kb 001)', () => {
  const outage =
    'INC-000001 is attached to an open outage: the outage procedure applies, so HDQA and SNCC handle it and it is not forwarded to another team.';
  const forwardRows = forwardingOneSteps.flatMap((n) =>
    (['l1', 'hdqa'] as const).map((r) => [n, r] as const),
  );
  test.each(forwardRows)('%s by %s is refused under an active outage', (name, role) => {
    const env = { ...scenario(name, role), underOpenOutage: true };
    expect(oneSteps[name].can(env)).toBe(outage);
    expect(domainErrorOf(() => run(name, env))).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: outage,
    });
  });

  test('L1 escalating to HDQA under an active outage is refused with the outage message', () => {
    const env = { ...scenario('escalate_to_team', 'l1'), underOpenOutage: true };
    const input = { ...validInput.escalate_to_team, teamId: teams.HDQA };
    expect(oneSteps.escalate_to_team.can(env)).toBe(outage);
    expect(domainErrorOf(() => oneSteps.escalate_to_team.run(env, input))).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: outage,
    });
    // Without the outage the same escalation runs.
    expect(() =>
      oneSteps.escalate_to_team.run(scenario('escalate_to_team', 'l1'), input),
    ).not.toThrow();
  });

  test('link_to_problem stays allowed under an active outage (L1 links and saves)', () => {
    expect(
      oneSteps.link_to_problem.can({
        ...scenario('link_to_problem', 'l1'),
        underOpenOutage: true,
      }),
    ).toBeNull();
  });

  test('escalate_to_team is refused for SNCC too', () => {
    const env = { ...scenario('escalate_to_team', 'sncc'), underOpenOutage: true };
    expect(oneSteps.escalate_to_team.can(env)).toBe(outage);
  });

  test('L1 may not resolve an incident of an active outage', () => {
    const env = { ...scenario('resolve', 'l1'), underOpenOutage: true };
    expect(oneSteps.resolve.can(env)).toMatch(
      /open outage: the outage procedure applies, so Level 1 agents link and save/,
    );
    expect(domainErrorOf(() => run('resolve', env)).code).toBe('INVALID_TRANSITION');
  });

  test.each(['hdqa', 'sncc'] as const)('%s may resolve it', (role) => {
    expect(
      oneSteps.resolve.can({ ...scenario('resolve', role), underOpenOutage: true }),
    ).toBeNull();
  });

  test.each(['l1', 'hdqa'] as const)(
    'page_oncall by %s is refused under an active outage, saying why (issue 19 item 6)',
    (role) => {
      const env = { ...scenario('page_oncall', role), underOpenOutage: true };
      const paged =
        'INC-000001 is attached to an open outage: the outage procedure applies, so HDQA and SNCC handle it and the on-call technician is not paged.';
      expect(oneSteps.page_oncall.can(env)).toBe(paged);
      expect(domainErrorOf(() => run('page_oncall', env))).toMatchObject({
        code: 'INVALID_TRANSITION',
        message: paged,
      });
      expect(oneSteps.page_oncall.can(scenario('page_oncall', role))).toBeNull();
    },
  );

  test.each(['take_ownership', 'reopen'] as const)(
    '%s is not a forward and stays allowed',
    (name) => {
      expect(oneSteps[name].can({ ...scenario(name, 'l1'), underOpenOutage: true })).toBeNull();
    },
  );
});

describe('availableOneSteps', () => {
  test('lists every step in action-bar order with its disabled reason', () => {
    const bar = availableOneSteps(
      envFor('cps', { incident: { ownerTeamId: 3, ownerAgentId: null } }),
    );
    expect(bar.map((b) => b.name)).toEqual([...oneStepNames]);
    expect(bar.find((b) => b.name === 'assign_to_cps')).toEqual({
      name: 'assign_to_cps',
      label: 'Assign to CPS',
      permitted: false,
      disabledReason: 'Your role (cps) may not assign incidents to CPS.',
    });
    expect(bar.find((b) => b.name === 'close')).toMatchObject({
      permitted: true,
      disabledReason: 'Only resolved incidents can be closed; resolve INC-000001 first.',
    });
  });

  test('an L1 agent on a new phone incident', () => {
    const enabled = availableOneSteps(envFor('l1', { incident: { ownerAgentId: null } }))
      .filter((b) => b.disabledReason === null)
      .map((b) => b.name);
    expect(enabled).toEqual([
      'assign_to_cps',
      'transfer_to_cps',
      'assign_to_east',
      'page_oncall',
      'send_to_hd_es',
      'escalate_to_technologists',
      'escalate_to_team',
      'take_ownership',
      'link_to_problem',
      'resolve',
    ]);
  });
});
