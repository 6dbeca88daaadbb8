import { DomainError } from './errors';
import { type Actor, type Role } from './roles';

/** Every action a procedure can authorize. One row per action in the table below. */
export const actions = [
  'incident.create',
  'incident.read',
  'incident.readInternal',
  'incident.update',
  'incident.addNote',
  'incident.addInternalNote',
  'incident.listMine',
  'incident.assign',
  'case.listOwn',
  'case.create',
  'queue.read',
  'queue.tpReview',
  'consult.read',
  'oncall.read',
  'presence.read',
  'team.list',
  'customer.search',
  'catalog.read',
  'admin.manage',
  'onestep.assign_to_cps',
  'onestep.transfer_to_cps',
  'onestep.assign_to_east',
  'onestep.page_oncall',
  'onestep.send_to_hd_es',
  'onestep.escalate_to_technologists',
  'onestep.escalate_to_team',
  'onestep.take_ownership',
  'onestep.resolve',
  'onestep.close',
  'onestep.reopen',
  'presence.set',
  'consult.open',
  'consult.accept',
  'oncall.manage',
  'onestep.request_more_information',
  'onestep.mark_mission_critical',
  'onestep.handle_normally',
  'partner.submit',
  'partner.claim',
  'partner.escalate',
  'partner.return',
  'partner.comment',
  'organisation.manage',
  'notification.read',
  'onestep.link_to_problem',
  'outage.read',
  'outage.declare',
  'outage.manage',
  'problem.read',
  'problem.create',
  'problem.edit',
  'problem.assign',
  'problem.linkIncidents',
  'problem.linkOutage',
  'problem.resolveAttached',
  'problem.resolve',
  'alert.read',
  'settings.manage',
  'mail.manage',
  'signin.manageLockouts',
  'routing.answer',
  'sla.read',
  'sla.managePolicies',
  'reports.read',
  'reports.readAll',
  'sla.manageLeads',
] as const;
export type Action = (typeof actions)[number];

const agentsWhoTakeContacts = ['l1', 'hdqa', 'cps', 'es', 'sncc'] as const satisfies Role[];
// Our own staff (the help desk, technologists, Tier 2 Support, admins): they read every incident.
const internalStaff = [
  'l1',
  'hdqa',
  'cps',
  'es',
  'sncc',
  'technologist',
  'tier2',
  'admin',
] as const satisfies Role[];
// Partner agents are a channel partner's people (kb 003), outside the university: they work their own
// organisations' tickets (canReadIncident scopes which) and see none of the desk's other boards.
const allStaff = [...internalStaff, 'partner_agent'] as const satisfies Role[];
// The General Help Desk and its QA take contacts and route them onward (kb 000, 001, 002, 004).
const routingDesk = ['l1', 'hdqa'] as const satisfies Role[];
// HDQA and SNCC run the outage procedure together (kb 001).
const outageDesk = ['hdqa', 'sncc'] as const satisfies Role[];
// Teams that work incidents to the end and so may resolve and close them.
const resolvers = ['l1', 'hdqa', 'cps', 'es', 'sncc', 'technologist'] as const satisfies Role[];

/**
 * The one permission table (role → allowed actions), read by every procedure.
 * Customers and partner agents reach incidents only through their own scope (see canReadIncident).
 */
export const permissionTable: Record<Action, readonly Role[]> = {
  'incident.create': agentsWhoTakeContacts,
  'incident.read': [...allStaff, 'customer'],
  'incident.readInternal': allStaff,
  'incident.update': [...agentsWhoTakeContacts, 'technologist', 'tier2', 'partner_agent'],
  'incident.addNote': [...allStaff, 'customer'],
  'incident.addInternalNote': allStaff,
  'incident.listMine': allStaff,
  // Our own staff hand an incident to a fellow member of its owning team (issue 15's bulk assign).
  'incident.assign': internalStaff,
  'case.listOwn': ['customer'],
  // Help Online: customers file their own cases (kb 000, 004); agents use incident.create.
  'case.create': ['customer'],
  // The queues of one's own teams only (the queue procedures check membership).
  'queue.read': allStaff,
  // The General Help Desk and HDQA review Primary TP portal cases (kb 004 "Help Desk staff will review the case").
  'queue.tpReview': routingDesk,
  // The desk's own boards: chat consults waiting for CPS / ES, the on-call contacts, who in CPS is
  // ready, the list of teams. They name university incidents and people, so not for partner agents.
  'consult.read': internalStaff,
  'oncall.read': internalStaff,
  'presence.read': internalStaff,
  'team.list': internalStaff,
  // The university's customer records are not a channel partner's to search.
  'customer.search': internalStaff,
  'catalog.read': [...allStaff, 'customer'],
  'admin.manage': ['admin'],
  'onestep.assign_to_cps': routingDesk,
  'onestep.transfer_to_cps': routingDesk,
  'onestep.assign_to_east': routingDesk,
  'onestep.page_oncall': routingDesk,
  'onestep.send_to_hd_es': routingDesk,
  'onestep.escalate_to_technologists': routingDesk,
  'onestep.escalate_to_team': resolvers,
  // Membership of the owning team is checked by the one-step itself (admin excepted). Not partner
  // agents: the only incidents they can read are partner tickets, which change hands only by claim.
  'onestep.take_ownership': internalStaff,
  'onestep.resolve': [...resolvers, 'tier2', 'partner_agent'],
  'onestep.close': resolvers,
  // Partner agents reopen their own groups' tickets (the partner-ticket guard allows it; reads scope it).
  'onestep.reopen': allStaff,
  // Only CPS and ES agents take live work, so only they have a presence (DOMAIN.md §2).
  'presence.set': ['cps', 'es'],
  'consult.open': routingDesk,
  'consult.accept': ['cps', 'es'],
  'oncall.manage': ['admin'],
  'onestep.request_more_information': routingDesk,
  'onestep.mark_mission_critical': routingDesk,
  'onestep.handle_normally': routingDesk,
  // Channel partners (kb 003): end users submit, the partner group claims and escalates, Tier 2 pulls
  // (a claim in its own queue) and returns. Which comment each may write is the domain's rule.
  'partner.submit': ['customer'],
  'partner.claim': ['partner_agent', 'tier2'],
  'partner.escalate': ['partner_agent'],
  'partner.return': ['tier2'],
  'partner.comment': ['partner_agent', 'tier2', 'customer', 'admin'],
  'organisation.manage': ['admin'],
  'notification.read': allStaff,
  // The outage procedure (kb 001, DOMAIN.md §6): HDQA and SNCC declare, SNCC owns the outage and works
  // the problem, HDQA creates problems and links incidents, L1 links new incidents themselves.
  'onestep.link_to_problem': routingDesk,
  // The public sees outages on /status without signing in; this is the staff board with owners and authors.
  'outage.read': internalStaff,
  'outage.declare': outageDesk,
  'outage.manage': ['sncc'],
  // Problems link university incidents across customers: not for partner agents.
  'problem.read': internalStaff,
  'problem.create': ['hdqa'],
  'problem.edit': outageDesk,
  'problem.assign': outageDesk,
  'problem.linkIncidents': ['hdqa'],
  'problem.linkOutage': ['sncc'],
  'problem.resolveAttached': ['sncc'],
  'problem.resolve': ['sncc'],
  'alert.read': outageDesk,
  'settings.manage': ['admin'],
  'mail.manage': ['admin'],
  // Sign-in lockouts name accounts and client addresses; clearing one lets a guesser try again.
  'signin.manageLockouts': ['admin'],
  // The Route panel's recorded answers, kept with the incident until a step runs (issue 14.11).
  'routing.answer': routingDesk,
  // SLA clocks of an incident (issue 18): our own staff, like the incident's internal facts.
  'sla.read': internalStaff,
  'sla.managePolicies': ['admin'],
  // /reports (canReadReports): our own staff when they lead a team; HDQA and administrators always.
  'reports.read': internalStaff,
  'reports.readAll': ['hdqa', 'admin'],
  // Who leads each team (breach warnings, /reports): administrators, on /admin.
  'sla.manageLeads': ['admin'],
};

/**
 * Which incidents each role may change (edit fields, run one-steps), on top of the actions above:
 * reading is wider (university staff read every incident), changing stays with the team that holds
 * it. `changeScopeRefusal` (incident/change-scope.ts) applies it; notes are not scoped (they add to an
 * incident without changing its fields, owner or status, and any staff member may have something to add).
 */
export const incidentChangeScope = {
  // kb 000/001/004: the General Help Desk takes every contact, so a customer calling back reaches L1
  // about any help-desk incident; L1 and HDQA route from, and hand between, the help-desk queues.
  l1: {
    scope: 'help_desk_queues',
    reason: 'takes every call and routes from the help-desk queues',
  },
  hdqa: {
    scope: 'help_desk_queues',
    reason: 'reviews and routes the help-desk queues (kb 001, 004)',
  },
  // CPS and ES are help-desk teams (DOMAIN.md §2): their work comes and goes through help-desk queues.
  cps: {
    scope: 'help_desk_queues',
    reason: 'a help-desk team: works CPS and hands back within the desk',
  },
  es: {
    scope: 'help_desk_queues',
    reason: 'a help-desk team: works HD ES and hands back within the desk',
  },
  // Teams outside the help desk change only what their own team holds.
  // kb 001 / DOMAIN.md §6: SNCC owns the outage, so it also works the incidents attached to an active one.
  sncc: {
    scope: 'own_teams_and_outages',
    reason: "works SNCC's queues and the incidents of an active outage (kb 001)",
  },
  technologist: { scope: 'own_teams', reason: "works its technologist groups' queues only" },
  tier2: { scope: 'own_teams', reason: 'works the Tier 2 Support queue only (kb 003)' },
  // kb 003: an outsider giving Tier 1 support to their own organisations.
  partner_agent: {
    scope: 'partner_group',
    reason: "changes only its own group's channel-partner tickets",
  },
  customer: {
    scope: 'none',
    reason: 'adds notes and cases through Help Online; never edits an incident',
  },
  // The administrator keeps logins, teams and settings; working incidents is for a member of a team.
  admin: {
    scope: 'none',
    reason: 'administers Handoff and is no team member, so works no incident',
  },
} as const satisfies Record<Role, { scope: string; reason: string }>;
export type IncidentChangeScope = (typeof incidentChangeScope)[Role]['scope'];

export function can(role: Role, action: Action): boolean {
  return permissionTable[action].includes(role);
}

/** Throws FORBIDDEN with a message naming the role and the action. */
export function assertCan(actor: Pick<Actor, 'role'>, action: Action): void {
  if (!can(actor.role, action)) {
    throw new DomainError(
      'FORBIDDEN',
      `Your role (${actor.role}) may not ${describeAction(action)}.`,
    );
  }
}

const actionDescriptions: Record<Action, string> = {
  'incident.create': 'create incidents',
  'incident.read': 'read incidents',
  'incident.readInternal': 'read internal notes',
  'incident.update': 'edit incidents',
  'incident.addNote': 'add notes',
  'incident.addInternalNote': 'add internal notes',
  'incident.listMine': 'list incidents they own',
  'incident.assign': 'assign incidents to a team member',
  'case.listOwn': 'list their own cases',
  'case.create': 'create cases in Help Online',
  'queue.read': 'read team queues',
  'queue.tpReview': 'review Primary Tech Partner cases',
  'consult.read': 'see the chat consults waiting for CPS or ES',
  'oncall.read': 'see the on-call contacts',
  'presence.read': 'see which CPS agents are ready',
  'team.list': 'list every team',
  'customer.search': 'search customers',
  'catalog.read': 'read the service catalog',
  'admin.manage': 'administer Handoff',
  'onestep.assign_to_cps': 'assign incidents to CPS',
  'onestep.transfer_to_cps': 'transfer incidents to a CPS agent',
  'onestep.assign_to_east': 'assign incidents to EAST',
  'onestep.page_oncall': 'page the on-call technician',
  'onestep.send_to_hd_es': 'send incidents to HD ES',
  'onestep.escalate_to_technologists': 'escalate incidents to technologists',
  'onestep.escalate_to_team': 'escalate incidents to another team',
  'onestep.take_ownership': 'take ownership of incidents',
  'onestep.resolve': 'resolve incidents',
  'onestep.close': 'close incidents',
  'onestep.reopen': 'reopen incidents',
  'presence.set': 'set a Ready / Not ready / Busy presence',
  'consult.open': 'ask CPS or ES to take a chat',
  'consult.accept': 'accept chat consults',
  'oncall.manage': 'edit the on-call schedules',
  'onestep.request_more_information': 'ask the customer for more information',
  'onestep.mark_mission_critical': 'mark cases mission critical',
  'onestep.handle_normally': 'send Primary TP cases back to normal handling',
  'partner.submit': 'submit tickets to a channel partner',
  'partner.claim': 'claim channel-partner tickets',
  'partner.escalate': 'escalate channel-partner tickets to Tier 2',
  'partner.return': 'return channel-partner tickets to the partner agent',
  'partner.comment': 'comment on channel-partner tickets',
  'organisation.manage': 'manage organisations and their end users',
  'notification.read': 'read notifications',
  'onestep.link_to_problem': 'link incidents to a problem',
  'outage.read': 'see outages',
  'outage.declare': 'declare outages',
  'outage.manage': 'update, start or resolve outages',
  'problem.read': 'see problems',
  'problem.create': 'create problems',
  'problem.edit': 'edit problems',
  'problem.assign': 'assign problems to a team',
  'problem.linkIncidents': 'link incidents to a problem from the problem',
  'problem.linkOutage': 'link a problem to an outage',
  'problem.resolveAttached': 'run Resolve Attached Incidents',
  'problem.resolve': 'resolve problems',
  'alert.read': 'see potential-outage alerts',
  'settings.manage': 'change settings',
  'mail.manage': 'manage e-mail (messages, templates, team notifications)',
  'signin.manageLockouts': 'see and clear sign-in lockouts',
  'routing.answer': 'record routing answers',
  'sla.read': 'see SLA clocks',
  'sla.managePolicies': 'edit SLA policies',
  'reports.read': 'see reports',
  'reports.readAll': 'see reports without leading a team',
  'sla.manageLeads': 'change team leads',
};
export const describeAction = (action: Action): string => actionDescriptions[action];
