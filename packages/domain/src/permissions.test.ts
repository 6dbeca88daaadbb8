import { describe, expect, test } from 'vitest';
import { DomainError } from './errors';
import {
  actions,
  assertCan,
  can,
  describeAction,
  permissionTable,
  type Action,
} from './permissions';
import { roles, type Role } from './roles';

// One row per role: what it may do among the actions that separate the roles.
const sampled = [
  'incident.create',
  'incident.update',
  'incident.readInternal',
  'incident.addInternalNote',
  'case.listOwn',
  'queue.read',
  'admin.manage',
] as const satisfies Action[];

const Y = true;
const N = false;
const table: [Role, ...boolean[]][] = [
  //               create update internal intNote ownCases queue admin
  ['l1', Y, Y, Y, Y, N, Y, N],
  ['hdqa', Y, Y, Y, Y, N, Y, N],
  ['cps', Y, Y, Y, Y, N, Y, N],
  ['es', Y, Y, Y, Y, N, Y, N],
  ['sncc', Y, Y, Y, Y, N, Y, N],
  ['technologist', N, Y, Y, Y, N, Y, N],
  ['tier2', N, Y, Y, Y, N, Y, N],
  ['partner_agent', N, Y, Y, Y, N, Y, N],
  ['customer', N, N, N, N, Y, N, N],
  ['admin', N, N, Y, Y, N, Y, Y],
];

describe('permission table', () => {
  test('covers every role once', () => {
    expect(table.map(([role]) => role).sort()).toEqual([...roles].sort());
  });

  test.each(table)('%s', (role, ...expected) => {
    const actual = sampled.map((action) => can(role, action));
    expect(Object.fromEntries(sampled.map((a, i) => [a, actual[i]]))).toEqual(
      Object.fromEntries(sampled.map((a, i) => [a, expected[i]])),
    );
  });

  test.each(roles)('%s may read incidents and the catalog and add notes', (role) => {
    expect([
      can(role, 'incident.read'),
      can(role, 'catalog.read'),
      can(role, 'incident.addNote'),
    ]).toEqual([true, true, true]);
  });

  test('every action is granted to someone and describes itself', () => {
    for (const action of actions) {
      expect(permissionTable[action].length).toBeGreaterThan(0);
      expect(describeAction(action)).not.toBe('');
    }
  });
});

describe('assertCan', () => {
  test.each([
    ['customer', 'incident.create', 'Your role (customer) may not create incidents.'],
    ['technologist', 'incident.create', 'Your role (technologist) may not create incidents.'],
    ['l1', 'admin.manage', 'Your role (l1) may not administer Handoff.'],
    ['customer', 'incident.addInternalNote', 'Your role (customer) may not add internal notes.'],
  ] as const)('%s doing %s → FORBIDDEN naming the role', (role, action, message) => {
    let caught: unknown;
    try {
      assertCan({ role }, action);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect(caught).toMatchObject({ code: 'FORBIDDEN', message });
  });

  test.each([
    ['l1', 'incident.create'],
    ['customer', 'case.listOwn'],
    ['admin', 'admin.manage'],
  ] as const)('%s doing %s passes', (role, action) => {
    expect(() => assertCan({ role }, action)).not.toThrow();
  });
});

describe('one-step, presence, consult and on-call actions (issue 4)', () => {
  const desk = ['l1', 'hdqa'];
  const resolvers = ['l1', 'hdqa', 'cps', 'es', 'sncc', 'technologist'];
  const staff = roles.filter((r) => r !== 'customer');
  const internalStaff = staff.filter((r) => r !== 'partner_agent');
  test.each([
    ['onestep.assign_to_cps', desk],
    ['onestep.transfer_to_cps', desk],
    ['onestep.assign_to_east', desk],
    ['onestep.page_oncall', desk],
    ['onestep.send_to_hd_es', desk],
    ['onestep.escalate_to_technologists', desk],
    ['onestep.escalate_to_team', resolvers],
    // Not partner agents: they read only partner tickets, which change hands only by claim (kb 003).
    ['onestep.take_ownership', internalStaff],
    ['onestep.resolve', [...resolvers, 'tier2', 'partner_agent']],
    ['onestep.close', resolvers],
    ['onestep.reopen', staff],
    ['presence.set', ['cps', 'es']],
    ['consult.open', desk],
    ['consult.accept', ['cps', 'es']],
    ['oncall.manage', ['admin']],
  ] as [Action, string[]][])('%s → %j', (action, allowed) => {
    expect(roles.filter((role) => can(role, action))).toEqual(
      roles.filter((role) => allowed.includes(role)),
    );
  });

  test('a forbidden one-step names the role and the step', () => {
    expect(() => assertCan({ role: 'technologist' }, 'onestep.assign_to_cps')).toThrow(
      'Your role (technologist) may not assign incidents to CPS.',
    );
  });
});

describe('the outage procedure (issue 5, kb 001)', () => {
  const internalStaff = roles.filter((r) => r !== 'customer' && r !== 'partner_agent');
  test.each([
    ['onestep.link_to_problem', ['l1', 'hdqa']],
    ['outage.read', internalStaff],
    ['outage.declare', ['hdqa', 'sncc']],
    ['outage.manage', ['sncc']],
    ['problem.read', internalStaff],
    ['problem.create', ['hdqa']],
    ['problem.edit', ['hdqa', 'sncc']],
    ['problem.assign', ['hdqa', 'sncc']],
    ['problem.linkIncidents', ['hdqa']],
    ['problem.linkOutage', ['sncc']],
    ['problem.resolveAttached', ['sncc']],
    ['problem.resolve', ['sncc']],
    ['alert.read', ['hdqa', 'sncc']],
    ['settings.manage', ['admin']],
  ] as [Action, string[]][])('%s → %j', (action, allowed) => {
    expect(roles.filter((role) => can(role, action))).toEqual(
      roles.filter((role) => allowed.includes(role)),
    );
  });

  test.each([
    ['l1', 'outage.declare', 'Your role (l1) may not declare outages.'],
    ['hdqa', 'problem.resolveAttached', 'Your role (hdqa) may not run Resolve Attached Incidents.'],
    ['sncc', 'problem.create', 'Your role (sncc) may not create problems.'],
  ] as const)('%s doing %s is told so', (role, action, message) => {
    expect(() => assertCan({ role }, action)).toThrow(message);
  });
});

describe('partner agents (kb 003): outsiders who work only their own organisations’ tickets', () => {
  const internalStaff = roles.filter((r) => r !== 'customer' && r !== 'partner_agent');
  test.each([
    ['customer.search', internalStaff],
    ['consult.read', internalStaff],
    ['oncall.read', internalStaff],
    ['presence.read', internalStaff],
    ['team.list', internalStaff],
    ['outage.read', internalStaff],
    ['problem.read', internalStaff],
    ['alert.read', ['hdqa', 'sncc']],
    ['onestep.take_ownership', internalStaff],
    ['incident.assign', internalStaff],
  ] as [Action, string[]][])('%s → %j', (action, allowed) => {
    expect(roles.filter((role) => can(role, action))).toEqual(
      roles.filter((role) => allowed.includes(role)),
    );
  });

  // What they keep: their queue, their tickets (scoped by canReadIncident), notes, resolve and reopen.
  test.each([
    'incident.read',
    'incident.readInternal',
    'incident.update',
    'incident.addNote',
    'incident.addInternalNote',
    'incident.listMine',
    'queue.read',
    'catalog.read',
    'notification.read',
    'onestep.resolve',
    'onestep.reopen',
    'partner.claim',
    'partner.escalate',
    'partner.comment',
  ] as Action[])('a partner agent may still %s', (action) => {
    expect(can('partner_agent', action)).toBe(true);
  });
});
