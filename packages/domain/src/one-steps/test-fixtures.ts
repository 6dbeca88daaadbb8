// Builders shared by the one-step tests: an environment in which each step can run, and its input.
import { DomainError } from '../errors';
import { actorFor, incidentWith, now } from '../incident/test-fixtures';
import { type Incident } from '../incident/schema';
import { type ProblemFacts } from '../problem/link-incident';
import { type Role } from '../roles';
import { type OneStepEnv, type OneStepInput, type OneStepName } from './contract';

export { actorFor, incidentWith, now };

/** Tuesday 19:00 Chicago: CPS is closed (after-hours steps). */
export const evening = '2026-11-25T01:00:00.000Z';

export const teams = {
  'US - Help Desk': 1,
  HDQA: 2,
  'US - Help Desk CPS': 3,
  'HD ES': 4,
  'SNCC-Sysops': 5,
  'SNCC-Network': 6,
  EAST: 7,
  DRMT: 8,
  Middleware: 9,
  IIAT: 10,
  'Applications Technology': 11,
  'Tier 2 Support': 12,
  'Badger Health Client Support': 13,
} as const satisfies Record<string, number>;

export const cpsAgent = {
  id: 20,
  name: 'Pat Partner',
  presence: 'ready',
  teamIds: [teams['US - Help Desk CPS']],
} as const;
/** An open problem on the fixture incident's service (5), linked to an active outage. */
export const openProblem: ProblemFacts = {
  id: 40,
  number: 'PRB-000040',
  title: 'Campus network down in Bascom Hall',
  status: 'open',
  serviceId: 5,
  outage: { number: 'OUT-000007', title: 'Bascom Hall network outage', status: 'active' },
};
export const aimsOncall = {
  id: 7,
  schedule: 'aims',
  name: 'Alex Oncall',
  phone: '608-555-0199',
} as const;

export type EnvOverrides = Omit<Partial<OneStepEnv>, 'incident'> & { incident?: Partial<Incident> };

/** An L1 agent (id 10, team US - Help Desk) on a phone incident it owns, status new, version 3. */
export function envFor(role: Role = 'l1', overrides: EnvOverrides = {}): OneStepEnv {
  const { incident, ...rest } = overrides;
  return {
    incident: incidentWith(incident),
    actor: actorFor(role),
    now,
    teams: { ...teams },
    partnerTeamIds: [teams['Badger Health Client Support']],
    service: { id: 5, banner: null, supportCategory: 1, technologistGroup: 'DRMT' },
    afterHoursServiceId: 900,
    ...rest,
  };
}

const base = { incidentId: 1, expectedVersion: 3 };

/** A valid input for each step against `envFor`. */
export const validInput: { [N in OneStepName]: OneStepInput<N> } = {
  assign_to_cps: { ...base, reason: 'no_cps_agents_ready', callbackPhone: '608-555-0100' },
  transfer_to_cps: { ...base, cpsAgentId: cpsAgent.id },
  assign_to_east: {
    ...base,
    urgency: 'can_wait_until_hdl2',
    expectation: 'CPS follows up when it opens.',
  },
  page_oncall: {
    ...base,
    schedule: 'aims',
    contactId: aimsOncall.id,
    result: 'answered',
    urgency: 'urgent',
    expectation: 'A technician calls within an hour.',
  },
  send_to_hd_es: { ...base, troubleshootingNote: 'Cleared the cache; the error persists.' },
  escalate_to_technologists: {
    ...base,
    peopleAffected: 12,
    note: 'Whole department cannot print.',
  },
  escalate_to_team: { ...base, teamId: teams['SNCC-Network'], note: 'Switch port down.' },
  take_ownership: { ...base },
  link_to_problem: { ...base, problemId: 40 },
  resolve: { ...base, resolutionNote: 'We reset your password.' },
  close: { ...base },
  reopen: { ...base, reason: 'The customer says it broke again.' },
  request_more_information: { ...base, question: 'How many people in your office cannot connect?' },
  mark_mission_critical: { ...base },
  handle_normally: { ...base },
};

/** A Primary TP's portal case in review: 12 people affected, on an in-scope (DRMT, category 1) service. */
export const tpReviewCase: Partial<Incident> = {
  channel: 'portal',
  ownerAgentId: null,
  tpTriage: 'review',
  peopleAffected: 12,
};

/** The incident and env facts each step needs to be allowed (besides the role). */
export function scenario(name: OneStepName, role: Role = 'l1'): OneStepEnv {
  switch (name) {
    case 'transfer_to_cps':
      return envFor(role, { agent: { ...cpsAgent, teamIds: [...cpsAgent.teamIds] } });
    case 'assign_to_east':
      return envFor(role, { now: evening });
    case 'page_oncall':
      return envFor(role, { now: evening, oncallContact: aimsOncall });
    case 'take_ownership':
      return envFor(role, { incident: { ownerAgentId: 99 } });
    case 'link_to_problem':
      return envFor(role, { problem: openProblem });
    case 'close':
    case 'reopen':
      return envFor(role, { incident: { status: 'resolved' } });
    case 'request_more_information':
    case 'mark_mission_critical':
    case 'handle_normally':
      return envFor(role, { incident: tpReviewCase });
    default:
      return envFor(role);
  }
}

/** Runs `fn` and returns the DomainError it throws (fails the test when it throws nothing else). */
export function domainErrorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError, nothing was thrown');
}
