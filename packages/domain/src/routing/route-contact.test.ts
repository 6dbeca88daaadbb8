import { describe, expect, test } from 'vitest';
import { type AssignToCpsReasonId } from './assign-to-cps-reasons';
import { chatTemplates } from './chat-templates';
import { kbDocs } from './constants';
import { type RoutingContext, routeContact } from './route-contact';
import {
  type ContactFacts,
  type OncallSchedule,
  routingDecisionSchema,
  type RoutingOutcome,
  type RoutingPromises,
  type RoutingQuestion,
  type TransferQueue,
} from './schemas';
import { demoRouting } from './test-fixtures';

// Contact times, as local wall time with the offset in force (-06:00 CST, -05:00 CDT).
const TUE_10 = '2026-02-10T10:00:00-06:00';
const TUE_0700 = '2026-02-10T07:00:00-06:00';
const TUE_065959 = '2026-02-10T06:59:59-06:00';
const TUE_175959 = '2026-02-10T17:59:59-06:00';
const TUE_1800 = '2026-02-10T18:00:00-06:00';
const TUE_NIGHT = '2026-02-10T22:15:00-06:00';
const FRI_1630 = '2026-02-13T16:30:00-06:00';
const SAT_10 = '2026-02-14T10:00:00-06:00';
const JULY_3_HOLIDAY = '2026-07-03T10:00:00-05:00';
const THANKSGIVING_EVE_15 = '2026-11-25T15:00:00-06:00';
const FRI_BEFORE_MARCH_DST = '2026-03-06T16:30:00-06:00';
const SUN_MARCH_DST_0130 = '2026-03-08T01:30:00-06:00';
const FRI_BEFORE_NOV_DST = '2026-10-30T10:00:00-05:00';

type FactsPatch = Omit<Partial<ContactFacts>, 'service' | 'customer'> & {
  service?: Partial<ContactFacts['service']>;
  customer?: Partial<ContactFacts['customer']>;
};

/** A phone call on Tuesday 10:00 about an unbannered service from a customer with no flags. */
const facts = (patch: FactsPatch = {}): ContactFacts => ({
  at: TUE_10,
  channel: 'phone',
  ...patch,
  service: { banner: null, ...patch.service },
  customer: { coned: false, ...patch.customer },
});

interface Row {
  name: string;
  facts: FactsPatch;
  ctx?: Partial<RoutingContext>;
  outcome: RoutingOutcome;
  /** The rule id of the deciding (last) step. */
  rule: string;
  question?: RoutingQuestion;
  transferQueue?: TransferQueue;
  oncall?: OncallSchedule;
  promises?: RoutingPromises;
  assignReason?: AssignToCpsReasonId;
}

const coned = { coned: true } as const;
const conedWork = { customer: coned, workRelated: true } as const;
const inScopeService = { supportCategory: 1, technologistGroup: 'SNCC-Network' } as const;
const ptp = { primaryTechPartner: true } as const;
// The General Help Desk open around the clock (data), so a time outside CPS hours is kb 001's after hours.
const allWeek = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
  weekday,
  opens: '00:00',
  closes: '24:00',
}));
const generalHdAllDay: Partial<RoutingContext> = {
  generalHdCalendar: { holidays: [], hours: allWeek },
};
const afterHoursCps = {
  at: TUE_NIGHT,
  customer: coned,
  workRelated: true,
  criticalWorkStoppage: true,
} as const;

// One branch per line keeps the table readable as a table.
// prettier-ignore
const rows: Row[] = [
  // Rule 1: outage
  { name: 'outage: a declared outage beats a PICK 5 service for a coned customer', facts: { outage: true, service: { banner: 'pick5' }, customer: coned, cpsAgentsReady: 3 }, outcome: 'outage', rule: 'outage' },
  { name: 'outage: a PICK 2 outage is never forwarded to ES', facts: { outage: true, service: { banner: 'pick2' } }, outcome: 'outage', rule: 'outage' },
  { name: 'outage: after hours it is still an outage, not an on-call page', facts: { ...afterHoursCps, outage: true }, outcome: 'outage', rule: 'outage' },
  { name: 'outage: false falls through to the other rules', facts: { outage: false }, outcome: 'general_hd', rule: 'general-hd' },
  { name: 'outage: a known open outage on the service beats a PICK 5 service for a coned customer (issue 14.5)', facts: { knownOutage: { number: 'OUT-000002', title: 'Campus Network down' }, service: { banner: 'pick5' }, customer: coned, cpsAgentsReady: 3 }, outcome: 'outage', rule: 'outage' },

  // Rule 2: CPS customer?
  { name: 'cps.customer: coned → CPS customer (work related, agent ready → transfer)', facts: { ...conedWork, cpsAgentsReady: 1 }, outcome: 'transfer_to_cps', rule: 'cps-open.phone-ready', transferQueue: 'departmental_support' },
  { name: 'cps.customer: department on the contract list, not coned → CPS customer', facts: { customer: { contractDepartment: true }, workRelated: true, cpsAgentsReady: 1 }, outcome: 'transfer_to_cps', rule: 'cps-open.phone-ready', transferQueue: 'departmental_support' },
  { name: 'cps.customer: indicates a contract partner, department unknown → ask confirmDepartment', facts: { customer: { indicatesContractPartner: true } }, outcome: 'ask', rule: 'cps.customer', question: 'confirmDepartment' },
  { name: 'cps.customer: indicates a partner with a PICK 5 service → still confirmDepartment first (rule order)', facts: { service: { banner: 'pick5' }, customer: { indicatesContractPartner: true } }, outcome: 'ask', rule: 'cps.customer', question: 'confirmDepartment' },
  { name: 'cps.customer: indicates a partner, department confirmed not on the list → not CPS', facts: { customer: { indicatesContractPartner: true, contractDepartment: false } }, outcome: 'general_hd', rule: 'general-hd' },
  { name: 'cps.customer: coned and indicating → no department question', facts: { customer: { coned: true, indicatesContractPartner: true } }, outcome: 'ask', rule: 'cps.work-related', question: 'workRelated' },
  { name: 'cps.customer: not coned, no signals → not CPS', facts: { workRelated: true }, outcome: 'general_hd', rule: 'general-hd' },

  // Rule 3: CPS eligibility
  { name: 'cps.pick5-banner: PICK 5 service for a non-CPS customer → CPS (Departmental Support queue)', facts: { service: { banner: 'pick5' }, cpsAgentsReady: 2 }, outcome: 'transfer_to_cps', rule: 'cps-open.phone-ready', transferQueue: 'departmental_support' },
  { name: 'cps.pick5-banner: PICK 5 beats generalHdHandles for a coned customer', facts: { service: { banner: 'pick5', generalHdHandles: true }, customer: coned, cpsAgentsReady: 1 }, outcome: 'transfer_to_cps', rule: 'cps-open.phone-ready', transferQueue: 'departmental_support' },
  { name: 'cps.pick5-banner: no PICK 5 and not coned → CPS skipped, Primary TP asked instead', facts: { customer: ptp }, outcome: 'ask', rule: 'primary-tp.mission-critical', question: 'missionCritical' },
  { name: 'cps.pick2-coned: coned customer, PICK 2 → CPS via the Enterprise queue', facts: { service: { banner: 'pick2' }, customer: coned, cpsAgentsReady: 1 }, outcome: 'transfer_to_cps', rule: 'cps-open.phone-ready', transferQueue: 'enterprise' },
  { name: 'cps.pick2-coned: contract department, PICK 2 by e-mail → Assign to CPS (coned customer)', facts: { channel: 'email', service: { banner: 'pick2' }, customer: { contractDepartment: true } }, outcome: 'assign_to_cps', rule: 'cps-open.case', assignReason: 'coned_customer' },
  { name: 'cps.pick2-coned: PICK 2 beats generalHdHandles for a coned customer', facts: { service: { banner: 'pick2', generalHdHandles: true }, customer: coned, cpsAgentsReady: 1 }, outcome: 'transfer_to_cps', rule: 'cps-open.phone-ready', transferQueue: 'enterprise' },
  { name: 'cps.general-hd-handles: coned customer, NetID / Duo → General HD', facts: { service: { generalHdHandles: true }, customer: coned, workRelated: true }, outcome: 'general_hd', rule: 'cps.general-hd-handles' },
  { name: 'cps.general-hd-handles: false → go on to the work question', facts: { service: { generalHdHandles: false }, customer: coned }, outcome: 'ask', rule: 'cps.work-related', question: 'workRelated' },
  { name: 'cps.work-related: unknown → ask workRelated', facts: { customer: coned }, outcome: 'ask', rule: 'cps.work-related', question: 'workRelated' },
  { name: 'cps.work-related: yes, by e-mail → Assign to CPS (coned customer)', facts: { ...conedWork, channel: 'email' }, outcome: 'assign_to_cps', rule: 'cps-open.case', assignReason: 'coned_customer' },
  { name: 'cps.work-related: no → ask computerName', facts: { customer: coned, workRelated: false }, outcome: 'ask', rule: 'cps.computer-name', question: 'computerName' },
  { name: 'cps.computer-name: CAE-1234 (department short name) → CPS', facts: { customer: coned, workRelated: false, computerName: 'CAE-1234', cpsAgentsReady: 1 }, outcome: 'transfer_to_cps', rule: 'cps-open.phone-ready', transferQueue: 'departmental_support' },
  { name: 'cps.computer-name: lsci0042 (prefix then digits) → CPS', facts: { customer: coned, workRelated: false, computerName: 'lsci0042', cpsAgentsReady: 1 }, outcome: 'transfer_to_cps', rule: 'cps-open.phone-ready', transferQueue: 'departmental_support' },
  { name: 'cps.computer-name: legacy aims prefix → CPS', facts: { customer: coned, workRelated: false, computerName: 'AIMS12345', cpsAgentsReady: 1 }, outcome: 'transfer_to_cps', rule: 'cps-open.phone-ready', transferQueue: 'departmental_support' },
  { name: 'cps.computer-name: legacy wdn prefix → CPS', facts: { customer: coned, workRelated: false, computerName: 'wdn-0101', cpsAgentsReady: 1 }, outcome: 'transfer_to_cps', rule: 'cps-open.phone-ready', transferQueue: 'departmental_support' },
  { name: 'cps.computer-name: legacy wdm prefix → CPS', facts: { customer: coned, workRelated: false, computerName: 'WDMlab7', cpsAgentsReady: 1 }, outcome: 'transfer_to_cps', rule: 'cps-open.phone-ready', transferQueue: 'departmental_support' },
  { name: 'cps.computer-name: departmental computer by e-mail → Assign to CPS (departmental computer)', facts: { channel: 'email', customer: coned, workRelated: false, computerName: 'CHEM-LT-7' }, outcome: 'assign_to_cps', rule: 'cps-open.case', assignReason: 'departmental_computer' },
  // Issue 14 item 7: SOE and GRAD are departments, but not on the contract list.
  { name: 'cps.computer-name: SOE-LT-7 (SOE is not a contract department) → General HD', facts: { channel: 'email', customer: coned, workRelated: false, computerName: 'SOE-LT-7' }, outcome: 'general_hd', rule: 'cps.computer-name' },
  { name: 'cps.computer-name: GRAD-0042 (GRAD is not a contract department) → General HD, not CPS', facts: { customer: coned, workRelated: false, computerName: 'GRAD-0042', cpsAgentsReady: 1 }, outcome: 'general_hd', rule: 'cps.computer-name' },
  { name: 'cps.computer-name: null (personal device) → General HD', facts: { customer: coned, workRelated: false, computerName: null }, outcome: 'general_hd', rule: 'cps.computer-name' },
  { name: 'cps.computer-name: another name (DESKTOP-8FJ2K) → General HD', facts: { customer: coned, workRelated: false, computerName: 'DESKTOP-8FJ2K' }, outcome: 'general_hd', rule: 'cps.computer-name' },
  { name: 'cps.computer-name: Caesar-PC does not carry the CAE prefix → General HD', facts: { customer: coned, workRelated: false, computerName: 'Caesar-PC' }, outcome: 'general_hd', rule: 'cps.computer-name' },
  { name: 'cps.computer-name: the departments come from the caller (ZOO-1 → CPS)', facts: { customer: coned, workRelated: false, computerName: 'ZOO-1', cpsAgentsReady: 1 }, ctx: { departments: [{ name: 'Zoology', shortName: 'ZOO', contractPartner: true }] }, outcome: 'transfer_to_cps', rule: 'cps-open.phone-ready', transferQueue: 'departmental_support' },
  { name: 'cps.computer-name: a demo short name missing from the caller’s departments → General HD', facts: { customer: coned, workRelated: false, computerName: 'CAE-1' }, ctx: { departments: [{ name: 'Zoology', shortName: 'zoo', contractPartner: true }] }, outcome: 'general_hd', rule: 'cps.computer-name' },
  { name: 'cps.computer-name: a department taken off the contract list stops being departmental', facts: { customer: coned, workRelated: false, computerName: 'CAE-1' }, ctx: { departments: [{ name: 'Computer-Aided Engineering', shortName: 'CAE', contractPartner: false }] }, outcome: 'general_hd', rule: 'cps.computer-name' },
  { name: 'cps.computer-name: a personal device after hours → General HD, no critical question', facts: { at: TUE_NIGHT, customer: coned, workRelated: false, computerName: null }, outcome: 'general_hd', rule: 'cps.computer-name' },

  // Rule 4: CPS-supported, CPS open
  { name: 'cps-open.phone-ready: agents ready → transfer', facts: { ...conedWork, cpsAgentsReady: 2 }, outcome: 'transfer_to_cps', rule: 'cps-open.phone-ready', transferQueue: 'departmental_support' },
  { name: 'cps-open.phone-ready: none ready → Assign to CPS with the callback promises', facts: { ...conedWork, cpsAgentsReady: 0 }, outcome: 'assign_to_cps', rule: 'cps-open.phone-ready', assignReason: 'no_cps_agents_ready', promises: { contactBy: '2026-02-10T20:00:00Z', callIfNoContactBy: '2026-02-11T16:00:00Z' } },
  { name: 'cps-open.phone-ready: readiness unknown counts as none ready', facts: conedWork, outcome: 'assign_to_cps', rule: 'cps-open.phone-ready', assignReason: 'no_cps_agents_ready', promises: { contactBy: '2026-02-10T20:00:00Z', callIfNoContactBy: '2026-02-11T16:00:00Z' } },
  { name: 'cps-open.phone-ready: Friday 16:30 callback spans the weekend (Monday 09:30)', facts: { ...conedWork, at: FRI_1630, cpsAgentsReady: 0 }, outcome: 'assign_to_cps', rule: 'cps-open.phone-ready', assignReason: 'no_cps_agents_ready', promises: { contactBy: '2026-02-16T15:30:00Z', callIfNoContactBy: '2026-02-16T22:30:00Z' } },
  { name: 'cps-open.phone-ready: callback walks over Thanksgiving and the day after', facts: { ...conedWork, at: THANKSGIVING_EVE_15, cpsAgentsReady: 0 }, outcome: 'assign_to_cps', rule: 'cps-open.phone-ready', assignReason: 'no_cps_agents_ready', promises: { contactBy: '2026-11-30T14:00:00Z', callIfNoContactBy: '2026-11-30T21:00:00Z' } },
  { name: 'cps-open.phone-ready: callback across the March DST change', facts: { ...conedWork, at: FRI_BEFORE_MARCH_DST, cpsAgentsReady: 0 }, outcome: 'assign_to_cps', rule: 'cps-open.phone-ready', assignReason: 'no_cps_agents_ready', promises: { contactBy: '2026-03-09T14:30:00Z', callIfNoContactBy: '2026-03-09T21:30:00Z' } },
  { name: 'cps-open.phone-ready: callback across the November DST change', facts: { ...conedWork, at: FRI_BEFORE_NOV_DST, cpsAgentsReady: 0 }, outcome: 'assign_to_cps', rule: 'cps-open.phone-ready', assignReason: 'no_cps_agents_ready', promises: { contactBy: '2026-10-30T19:00:00Z', callIfNoContactBy: '2026-11-02T16:00:00Z' } },
  { name: 'cps-open.case: e-mail about a PICK 5 service → Assign to CPS (PICK 5 service)', facts: { channel: 'email', service: { banner: 'pick5' } }, outcome: 'assign_to_cps', rule: 'cps-open.case', assignReason: 'pick5_service' },
  { name: 'cps-open.case: portal case → Assign to CPS (portal or auto)', facts: { ...conedWork, channel: 'portal' }, outcome: 'assign_to_cps', rule: 'cps-open.case', assignReason: 'portal_or_auto' },
  { name: 'cps-open.case: auto-created case → Assign to CPS (portal or auto)', facts: { channel: 'auto', service: { banner: 'pick5' } }, outcome: 'assign_to_cps', rule: 'cps-open.case', assignReason: 'portal_or_auto' },
  { name: 'cps-open.chat: PICK 5 chat → consult the CPS chat channel', facts: { channel: 'chat', service: { banner: 'pick5' } }, outcome: 'consult_cps_chat', rule: 'cps-open.chat' },
  { name: 'cps-open.chat: coned customer chat → consult the CPS chat channel', facts: { ...conedWork, channel: 'chat' }, outcome: 'consult_cps_chat', rule: 'cps-open.chat' },
  { name: 'cps.open: 07:00:00 is open', facts: { ...conedWork, at: TUE_0700, cpsAgentsReady: 1 }, outcome: 'transfer_to_cps', rule: 'cps-open.phone-ready', transferQueue: 'departmental_support' },
  { name: 'cps.open: 17:59:59 is open (callback rolls to the next morning)', facts: { ...conedWork, at: TUE_175959, cpsAgentsReady: 0 }, outcome: 'assign_to_cps', rule: 'cps-open.phone-ready', assignReason: 'no_cps_agents_ready', promises: { contactBy: '2026-02-11T16:59:59Z', callIfNoContactBy: '2026-02-11T23:59:59Z' } },

  // Rule 5: CPS-supported, CPS closed
  { name: 'cps.open: 18:00:00 is closed → ask criticalWorkStoppage', facts: { ...conedWork, at: TUE_1800 }, outcome: 'ask', rule: 'after-hours.critical', question: 'criticalWorkStoppage' },
  { name: 'cps.open: 06:59:59 is closed (General HD open in the data) → ask criticalWorkStoppage', facts: { ...conedWork, at: TUE_065959 }, ctx: generalHdAllDay, outcome: 'ask', rule: 'after-hours.critical', question: 'criticalWorkStoppage' },
  { name: 'cps.open: Saturday is closed → ask criticalWorkStoppage', facts: { ...conedWork, at: SAT_10 }, outcome: 'ask', rule: 'after-hours.critical', question: 'criticalWorkStoppage' },
  { name: 'cps.open: a university holiday is closed (General HD open in the data) → ask criticalWorkStoppage', facts: { ...conedWork, at: JULY_3_HOLIDAY }, ctx: generalHdAllDay, outcome: 'ask', rule: 'after-hours.critical', question: 'criticalWorkStoppage' },
  { name: 'cps.open: a holiday in the data closes an ordinary Tuesday', facts: conedWork, ctx: { calendar: { holidays: ['2026-02-10'] } }, outcome: 'ask', rule: 'after-hours.critical', question: 'criticalWorkStoppage' },
  // Issue 14 item 8: CPS's opening hours are data too.
  { name: 'cps.open: hours in the data that close at 09:00 make Tuesday 10:00 after hours', facts: conedWork, ctx: { calendar: { hours: [{ weekday: 2, opens: '07:00', closes: '09:00' }] } }, outcome: 'ask', rule: 'after-hours.critical', question: 'criticalWorkStoppage' },
  { name: 'cps.open: hours in the data that open on Saturday route a Saturday call to CPS', facts: { ...conedWork, at: SAT_10, cpsAgentsReady: 1 }, ctx: { calendar: { hours: [{ weekday: 6, opens: '08:00', closes: '12:00' }] } }, outcome: 'transfer_to_cps', rule: 'cps-open.phone-ready', transferQueue: 'departmental_support' },
  { name: 'after-hours.critical: an e-mail after hours is asked too (rule 5 covers every channel)', facts: { ...conedWork, at: TUE_NIGHT, channel: 'email' }, outcome: 'ask', rule: 'after-hours.critical', question: 'criticalWorkStoppage' },
  { name: 'after-hours.critical: no → Assign to EAST', facts: { ...afterHoursCps, criticalWorkStoppage: false }, outcome: 'assign_to_east', rule: 'after-hours.critical' },
  { name: 'after-hours.critical: no, AIMS customer → Assign to EAST, no page', facts: { ...afterHoursCps, criticalWorkStoppage: false, customer: { coned: true, program: 'aims' } }, outcome: 'assign_to_east', rule: 'after-hours.critical' },
  { name: 'after-hours.oncall: yes, AIMS program → page the AIMS on-call within the hour', facts: { ...afterHoursCps, customer: { coned: true, program: 'aims' } }, outcome: 'page_oncall', rule: 'after-hours.oncall', oncall: 'aims', promises: { techContactBy: '2026-02-11T05:15:00Z' } },
  { name: 'after-hours.oncall: yes, DS program → page the GDS on-call within the hour', facts: { ...afterHoursCps, customer: { coned: true, program: 'ds' } }, outcome: 'page_oncall', rule: 'after-hours.oncall', oncall: 'gds', promises: { techContactBy: '2026-02-11T05:15:00Z' } },
  { name: 'after-hours.oncall: yes, no program → consult HD leadership', facts: afterHoursCps, outcome: 'consult_hd_leadership', rule: 'after-hours.oncall' },
  { name: 'after-hours.oncall: yes, program null → consult HD leadership', facts: { ...afterHoursCps, customer: { coned: true, program: null } }, outcome: 'consult_hd_leadership', rule: 'after-hours.oncall' },
  { name: 'after-hours.oncall: the on-call hour across the March DST change is one real hour', facts: { ...afterHoursCps, at: SUN_MARCH_DST_0130, customer: { coned: true, program: 'ds' } }, ctx: generalHdAllDay, outcome: 'page_oncall', rule: 'after-hours.oncall', oncall: 'gds', promises: { techContactBy: '2026-03-08T08:30:00Z' } },
  { name: 'after-hours.oncall: a PICK 5 service for a non-coned AIMS customer on Saturday', facts: { at: SAT_10, service: { banner: 'pick5' }, customer: { program: 'aims' }, criticalWorkStoppage: true }, outcome: 'page_oncall', rule: 'after-hours.oncall', oncall: 'aims', promises: { techContactBy: '2026-02-14T17:00:00Z' } },

  // Rule 5, both desks closed (kb 001 applies only while the General Help Desk is open; kb 000 step 4 otherwise)
  { name: 'desks-closed.case: 06:59:59, before the General HD opens at 07:00, phone → Assign to CPS, callback counted from 07:00', facts: { ...conedWork, at: TUE_065959 }, outcome: 'assign_to_cps', rule: 'desks-closed.case', assignReason: 'no_cps_agents_ready', promises: { contactBy: '2026-02-10T17:00:00Z', callIfNoContactBy: '2026-02-11T13:00:00Z' } },
  { name: 'desks-closed.case: a university holiday closes both desks → Assign to CPS, callback from Monday 07:00', facts: { ...conedWork, at: JULY_3_HOLIDAY }, outcome: 'assign_to_cps', rule: 'desks-closed.case', assignReason: 'no_cps_agents_ready', promises: { contactBy: '2026-07-06T16:00:00Z', callIfNoContactBy: '2026-07-07T12:00:00Z' } },
  { name: 'desks-closed.case: a critical work stoppage is not asked while nobody can page on-call', facts: { ...afterHoursCps, at: TUE_065959, customer: { coned: true, program: 'aims' } }, outcome: 'assign_to_cps', rule: 'desks-closed.case', assignReason: 'no_cps_agents_ready', promises: { contactBy: '2026-02-10T17:00:00Z', callIfNoContactBy: '2026-02-11T13:00:00Z' } },
  { name: 'desks-closed.case: General HD hours in the data that close at 20:00 make 22:15 both-closed', facts: { ...conedWork, at: TUE_NIGHT, channel: 'email' }, ctx: { generalHdCalendar: { hours: [{ weekday: 2, opens: '07:00', closes: '20:00' }] } }, outcome: 'assign_to_cps', rule: 'desks-closed.case', assignReason: 'coned_customer' },
  { name: 'desks-closed.case: General HD hours in the data that stay open at 06:59:59 → kb 001 after hours', facts: { ...conedWork, at: TUE_065959 }, ctx: { generalHdCalendar: { hours: [{ weekday: 2, opens: '06:00', closes: '24:00' }] } }, outcome: 'ask', rule: 'after-hours.critical', question: 'criticalWorkStoppage' },
  { name: 'desks-closed.case: an e-mail, departmental computer → Assign to CPS (departmental computer)', facts: { customer: coned, workRelated: false, computerName: 'CAE-0001', at: TUE_065959, channel: 'email' }, outcome: 'assign_to_cps', rule: 'desks-closed.case', assignReason: 'departmental_computer' },
  { name: 'desks-closed.case: a PICK 5 chat → Assign to CPS (PICK 5 service), no chat consult', facts: { at: TUE_065959, channel: 'chat', service: { banner: 'pick5' } }, outcome: 'assign_to_cps', rule: 'desks-closed.case', assignReason: 'pick5_service' },
  { name: 'desks-closed.case: a portal case → Assign to CPS (portal or auto case)', facts: { ...conedWork, at: TUE_065959, channel: 'portal' }, outcome: 'assign_to_cps', rule: 'desks-closed.case', assignReason: 'portal_or_auto' },
  { name: 'desks-closed.case: an auto case → Assign to CPS (portal or auto case)', facts: { ...conedWork, at: TUE_065959, channel: 'auto' }, outcome: 'assign_to_cps', rule: 'desks-closed.case', assignReason: 'portal_or_auto' },

  // Rule 6: Primary Tech Partner
  { name: 'primary-tp.mission-critical: unknown → ask missionCritical', facts: { customer: ptp, service: inScopeService }, outcome: 'ask', rule: 'primary-tp.mission-critical', question: 'missionCritical' },
  { name: 'primary-tp.scope: category 1, SNCC-Network → escalate to technologists, respond within a business day', facts: { customer: ptp, missionCritical: true, service: inScopeService }, outcome: 'escalate_to_technologists', rule: 'primary-tp.scope', promises: { respondBy: '2026-02-11T16:00:00Z' } },
  { name: 'primary-tp.scope: category 2, DRMT → escalate to technologists', facts: { customer: ptp, missionCritical: true, service: { supportCategory: 2, technologistGroup: 'DRMT' } }, outcome: 'escalate_to_technologists', rule: 'primary-tp.scope', promises: { respondBy: '2026-02-11T16:00:00Z' } },
  { name: 'primary-tp.scope: Middleware → escalate to technologists', facts: { customer: ptp, missionCritical: true, service: { supportCategory: 2, technologistGroup: 'Middleware' } }, outcome: 'escalate_to_technologists', rule: 'primary-tp.scope', promises: { respondBy: '2026-02-11T16:00:00Z' } },
  { name: 'primary-tp.scope: IIAT → escalate to technologists', facts: { customer: ptp, missionCritical: true, service: { supportCategory: 1, technologistGroup: 'IIAT' } }, outcome: 'escalate_to_technologists', rule: 'primary-tp.scope', promises: { respondBy: '2026-02-11T16:00:00Z' } },
  { name: 'primary-tp.scope: plain SNCC → escalate to technologists', facts: { customer: ptp, missionCritical: true, service: { supportCategory: 1, technologistGroup: 'SNCC' } }, outcome: 'escalate_to_technologists', rule: 'primary-tp.scope', promises: { respondBy: '2026-02-11T16:00:00Z' } },
  { name: 'primary-tp.scope: received Saturday → respond by Tuesday 07:00', facts: { at: SAT_10, customer: ptp, missionCritical: true, service: inScopeService }, outcome: 'escalate_to_technologists', rule: 'primary-tp.scope', promises: { respondBy: '2026-02-17T13:00:00Z' } },
  { name: 'primary-tp.scope: received across the November DST change → Monday 10:00 CST', facts: { at: FRI_BEFORE_NOV_DST, customer: ptp, missionCritical: true, service: inScopeService }, outcome: 'escalate_to_technologists', rule: 'primary-tp.scope', promises: { respondBy: '2026-11-02T16:00:00Z' } },
  { name: 'primary-tp.scope: a portal case, mission critical → escalate', facts: { channel: 'portal', customer: ptp, missionCritical: true, service: inScopeService }, outcome: 'escalate_to_technologists', rule: 'primary-tp.scope', promises: { respondBy: '2026-02-11T16:00:00Z' } },
  { name: 'primary-tp.scope: category 3 → handled normally', facts: { customer: ptp, missionCritical: true, service: { supportCategory: 3, technologistGroup: 'DRMT' } }, outcome: 'general_hd', rule: 'general-hd' },
  { name: 'primary-tp.scope: Applications Technology → handled normally', facts: { customer: ptp, missionCritical: true, service: { supportCategory: 2, technologistGroup: 'Applications Technology' } }, outcome: 'general_hd', rule: 'general-hd' },
  { name: 'primary-tp.scope: support category unknown → handled normally', facts: { customer: ptp, missionCritical: true, service: { technologistGroup: 'IIAT' } }, outcome: 'general_hd', rule: 'general-hd' },
  { name: 'primary-tp.scope: technologist group unknown → handled normally', facts: { customer: ptp, missionCritical: true, service: { supportCategory: 1 } }, outcome: 'general_hd', rule: 'general-hd' },
  { name: 'primary-tp.mission-critical: no (one person) → handled normally', facts: { customer: ptp, missionCritical: false, service: inScopeService }, outcome: 'general_hd', rule: 'general-hd' },
  { name: 'primary-tp.mission-critical: no, PICK 2 → on to ES: HD ES queue', facts: { customer: ptp, missionCritical: false, service: { banner: 'pick2' } }, outcome: 'es_queue', rule: 'es.pick2-banner' },
  { name: 'primary-tp.scope: out of scope, PICK 2 chat → on to ES: consult ES chat', facts: { channel: 'chat', customer: ptp, missionCritical: true, service: { banner: 'pick2', supportCategory: 3 } }, outcome: 'consult_es_chat', rule: 'es.pick2-banner' },
  { name: 'primary-tp.customer: a coned Primary TP with a CPS-supported contact → CPS, no mission question', facts: { customer: { coned: true, primaryTechPartner: true }, workRelated: true, cpsAgentsReady: 1 }, outcome: 'transfer_to_cps', rule: 'cps-open.phone-ready', transferQueue: 'departmental_support' },
  { name: 'primary-tp.customer: a coned Primary TP on a personal device → General HD (rule 3 decides)', facts: { customer: { coned: true, primaryTechPartner: true }, workRelated: false, computerName: null, service: inScopeService }, outcome: 'general_hd', rule: 'cps.computer-name' },
  { name: 'primary-tp.customer: not a Primary TP → missionCritical ignored', facts: { customer: { primaryTechPartner: false }, missionCritical: true, service: inScopeService }, outcome: 'general_hd', rule: 'general-hd' },

  // Rule 7: Enterprise Support
  { name: 'es.pick2-banner: phone → HD ES queue', facts: { service: { banner: 'pick2' } }, outcome: 'es_queue', rule: 'es.pick2-banner' },
  { name: 'es.pick2-banner: e-mail → HD ES queue', facts: { channel: 'email', service: { banner: 'pick2' } }, outcome: 'es_queue', rule: 'es.pick2-banner' },
  { name: 'es.pick2-banner: portal → HD ES queue', facts: { channel: 'portal', service: { banner: 'pick2' } }, outcome: 'es_queue', rule: 'es.pick2-banner' },
  { name: 'es.pick2-banner: auto → HD ES queue', facts: { channel: 'auto', service: { banner: 'pick2' } }, outcome: 'es_queue', rule: 'es.pick2-banner' },
  { name: 'es.pick2-banner: chat → consult the ES chat channel', facts: { channel: 'chat', service: { banner: 'pick2' } }, outcome: 'consult_es_chat', rule: 'es.pick2-banner' },
  { name: 'es.pick2-banner: at night too (ES is not bound to CPS hours)', facts: { at: TUE_NIGHT, service: { banner: 'pick2' } }, outcome: 'es_queue', rule: 'es.pick2-banner' },
  { name: 'es.suspected: no banner, suspected, HDQA not asked → consult HDQA', facts: { suspectedEnterprise: true }, outcome: 'consult_hdqa', rule: 'es.hdqa-answer' },
  { name: 'es.hdqa-answer: ES-supported, phone → HD ES queue', facts: { suspectedEnterprise: true, esSupported: true }, outcome: 'es_queue', rule: 'es.hdqa-answer' },
  { name: 'es.hdqa-answer: ES-supported, chat → consult the ES chat channel', facts: { channel: 'chat', suspectedEnterprise: true, esSupported: true }, outcome: 'consult_es_chat', rule: 'es.hdqa-answer' },
  { name: 'es.hdqa-answer: not ES-supported → escalate to the appropriate team', facts: { suspectedEnterprise: true, esSupported: false }, outcome: 'escalate_to_team', rule: 'es.hdqa-answer' },
  { name: 'es.suspected: not suspected → esSupported ignored, General HD', facts: { suspectedEnterprise: false, esSupported: true }, outcome: 'general_hd', rule: 'general-hd' },
  { name: 'es.suspected: a coned customer with a suspected ES issue → CPS wins', facts: { ...conedWork, suspectedEnterprise: true, cpsAgentsReady: 1 }, outcome: 'transfer_to_cps', rule: 'cps-open.phone-ready', transferQueue: 'departmental_support' },

  // Rule 8
  { name: 'general-hd: nothing forwards the contact', facts: {}, outcome: 'general_hd', rule: 'general-hd' },
  { name: 'general-hd: a chat with nothing special', facts: { channel: 'chat', service: { generalHdHandles: true } }, outcome: 'general_hd', rule: 'general-hd' },
];

describe('routeContact: one row per branch of DOMAIN.md §4', () => {
  test('the table has at least 50 rows, each uniquely named', () => {
    expect(rows.length).toBeGreaterThanOrEqual(50);
    expect(new Set(rows.map((r) => r.name)).size).toBe(rows.length);
  });

  test.each(rows)('$name', (row) => {
    const decision = routeContact(facts(row.facts), { ...demoRouting, ...row.ctx });
    expect(routingDecisionSchema.parse(decision)).toEqual(decision);
    expect(decision.outcome).toBe(row.outcome);
    expect(decision.question).toBe(row.question);
    expect(decision.transferQueue).toBe(row.transferQueue);
    expect(decision.oncall).toBe(row.oncall);
    expect(decision.promises).toEqual(row.promises);
    expect(decision.assignReason).toBe(row.assignReason);
    expect(decision.steps.at(-1)?.rule).toBe(row.rule);
  });
});

// Issue 19 item 6: the escalation steps open with the group or team the decision names.
describe('routeContact names whom an escalation goes to', () => {
  test.each([
    [
      'mission critical PTP on a DRMT service → technologist group DRMT',
      facts({
        customer: ptp,
        missionCritical: true,
        service: { supportCategory: 2, technologistGroup: 'DRMT' },
      }),
      { outcome: 'escalate_to_technologists', technologistGroup: 'DRMT' },
    ],
    [
      'not ES-supported, a Middleware service → escalate to Middleware',
      facts({
        suspectedEnterprise: true,
        esSupported: false,
        service: { technologistGroup: 'Middleware' },
      }),
      { outcome: 'escalate_to_team', escalationTeam: 'Middleware' },
    ],
    [
      'not ES-supported, a service without a group → no team named',
      facts({ suspectedEnterprise: true, esSupported: false }),
      { outcome: 'escalate_to_team' },
    ],
  ])('%s', (_name, f, expected) => {
    const decision = routeContact(f, demoRouting);
    expect(routingDecisionSchema.parse(decision)).toEqual(decision);
    expect(decision).toMatchObject(expected);
    if (!('escalationTeam' in expected)) expect(decision.escalationTeam).toBeUndefined();
  });
});

test('the trace says why a department’s computer is not departmental (issue 14 item 7)', () => {
  const decision = routeContact(
    facts({ customer: coned, workRelated: false, computerName: 'GRAD-0042' }),
    demoRouting,
  );
  expect(decision.steps.at(-1)?.text).toBe(
    'Computer GRAD-0042 is not departmental (Graduate School is not on the contract list): General HD.',
  );
});

describe('routeContact: the explanation trace', () => {
  test('records every rule consulted, in order, with its kb doc', () => {
    const decision = routeContact(facts({ ...conedWork, cpsAgentsReady: 0 }), demoRouting);
    expect(decision.steps.map((s) => [s.rule, s.answer, s.doc])).toEqual([
      ['outage', 'no', kbDocs.afterHours],
      ['cps.customer', 'yes', kbDocs.cpsTransfer],
      ['cps.pick5-banner', 'no', kbDocs.cpsTransfer],
      ['cps.pick2-coned', 'no', kbDocs.enterpriseSupport],
      ['cps.general-hd-handles', 'no', kbDocs.cpsTransfer],
      ['cps.work-related', 'yes', kbDocs.cpsTransfer],
      ['cps.open', 'yes', kbDocs.cpsTransfer],
      ['cps-open.phone-ready', 'no', kbDocs.cpsTransfer],
    ]);
  });

  test('says which branches were passed over and why', () => {
    const decision = routeContact(facts({ service: { banner: 'pick2' } }), demoRouting);
    const text = decision.steps.map((s) => s.text).join('\n');
    expect(text).toMatch(/not coned/);
    expect(text).toMatch(/Not a PICK 5 service/);
    expect(text).toMatch(/not a Primary Tech Partner/);
    expect(decision.steps.map((s) => s.rule)).toEqual([
      'outage',
      'cps.customer',
      'cps.pick5-banner',
      'primary-tp.customer',
      'es.pick2-banner',
    ]);
  });

  test('the after-hours path explains the next opening and the on-call choice', () => {
    const decision = routeContact(
      facts({ ...afterHoursCps, customer: { coned: true, program: 'aims' } }),
      demoRouting,
    );
    expect(decision.steps.map((s) => `${s.rule}=${s.answer}`)).toEqual([
      'outage=no',
      'cps.customer=yes',
      'cps.pick5-banner=no',
      'cps.pick2-coned=no',
      'cps.general-hd-handles=no',
      'cps.work-related=yes',
      'cps.open=no',
      'after-hours.critical=yes',
      'after-hours.oncall=aims',
    ]);
    expect(decision.steps.find((s) => s.rule === 'cps.open')?.text).toContain('Wednesday 7:00 AM');
  });

  test('out-of-scope Primary TP cases say what was out of scope', () => {
    const byCategory = routeContact(
      facts({ customer: ptp, missionCritical: true, service: { supportCategory: 3 } }),
      demoRouting,
    );
    expect(byCategory.steps.find((s) => s.rule === 'primary-tp.scope')?.text).toContain(
      'support category 3 is not 1 or 2',
    );
    const noCategory = routeContact(facts({ customer: ptp, missionCritical: true }), demoRouting);
    expect(noCategory.steps.find((s) => s.rule === 'primary-tp.scope')?.text).toContain(
      'support category unknown',
    );
    const byGroup = routeContact(
      facts({ customer: ptp, missionCritical: true, service: { supportCategory: 1 } }),
      demoRouting,
    );
    expect(byGroup.steps.find((s) => s.rule === 'primary-tp.scope')?.text).toContain(
      'technologist group unknown',
    );
  });
});

describe('routeContact: scripts', () => {
  test('the Assign to CPS callback script names the local times', () => {
    const { script } = routeContact(facts({ ...conedWork, cpsAgentsReady: 0 }), demoRouting);
    expect(script).toContain('by Tuesday 2:00 PM');
    expect(script).toContain(
      'if you do not hear back by Wednesday 10:00 AM, please call 608-265-6900',
    );
  });

  test('the live transfer script tells the customer they are contract supported', () => {
    expect(routeContact(facts({ ...conedWork, cpsAgentsReady: 1 }), demoRouting).script).toContain(
      'contract supported customer',
    );
  });

  test('the EAST script has the incident number placeholder, the CPS hours and phone', () => {
    const { script } = routeContact(
      facts({ ...afterHoursCps, criticalWorkStoppage: false }),
      demoRouting,
    );
    expect(script).toContain('{incidentNumber}');
    expect(script).toContain('Contract Partner Support is open Monday–Friday 7am–6pm Central time');
    expect(script).toContain('608-265-6900');
    expect(script).toContain('Wednesday 7:00 AM');
  });

  test('the EAST script says the CPS hours administrators keep (kb 001), not a constant', () => {
    const hours = [1, 2, 3, 4].map((weekday) => ({ weekday, opens: '08:00', closes: '17:00' }));
    const { script } = routeContact(facts({ ...afterHoursCps, criticalWorkStoppage: false }), {
      ...demoRouting,
      calendar: { hours },
    });
    expect(script).toContain(
      'Contract Partner Support is open Monday–Thursday 8am–5pm Central time',
    );
    expect(script).toContain('Wednesday 8:00 AM');
  });

  test('the trace says which desks are open: CPS closed, the General Help Desk open or closed', () => {
    const open = routeContact(facts(afterHoursCps), demoRouting);
    expect(open.steps.find((s) => s.rule === 'cps.open')?.text).toBe(
      'CPS is closed until Wednesday 7:00 AM and the General Help Desk is open: after-hours handling (kb 001).',
    );
    const closed = routeContact(facts({ ...conedWork, at: TUE_065959 }), demoRouting);
    expect(closed.steps.find((s) => s.rule === 'cps.open')?.text).toBe(
      'CPS is closed until Tuesday 7:00 AM and the General Help Desk is closed too (open ' +
        'Monday–Friday 7am–midnight; Saturday–Sunday 9am–9pm Central time): no after-hours handling (kb 001).',
    );
    expect(closed.steps.at(-1)?.text).toBe(
      "Assign to CPS for a callback by Tuesday 11:00 AM (counted from CPS's next opening).",
    );
    expect(closed.script).toContain(
      'You should be contacted within 4 business hours, by Tuesday 11:00 AM',
    );
  });

  test('the on-call script promises contact within an hour', () => {
    const { script } = routeContact(
      facts({ ...afterHoursCps, customer: { coned: true, program: 'ds' } }),
      demoRouting,
    );
    expect(script).toContain('a technician will contact you within an hour, by Tuesday 11:15 PM');
  });

  test('the chat script is the matching CPS template', () => {
    expect(
      routeContact(facts({ channel: 'chat', service: { banner: 'pick5' } }), demoRouting).script,
    ).toBe(chatTemplates['cps-supported-service'].text);
    expect(routeContact(facts({ ...conedWork, channel: 'chat' }), demoRouting).script).toBe(
      chatTemplates['cps-supported-customer'].text,
    );
  });

  test('asking shows the question in the procedure’s words', () => {
    expect(routeContact(facts({ customer: coned }), demoRouting).script).toBe(
      'Are you calling in for support for something related to work?',
    );
  });

  test('technologist and ES scripts state their promise', () => {
    expect(
      routeContact(
        facts({ customer: ptp, missionCritical: true, service: inScopeService }),
        demoRouting,
      ).script,
    ).toContain('by Wednesday 10:00 AM');
    expect(routeContact(facts({ service: { banner: 'pick2' } }), demoRouting).script).toContain(
      'by e-mail',
    );
    expect(
      routeContact(facts({ channel: 'chat', service: { banner: 'pick2' } }), demoRouting).script,
    ).toContain('Enterprise Support agent');
  });
});

describe('routeContact: required fields', () => {
  const base = ['callerName', 'callerContact', 'service', 'description'];
  test.each([
    ['general HD', facts(), base],
    [
      'Assign to CPS from a phone call needs a callback phone',
      facts({ ...conedWork, cpsAgentsReady: 0 }),
      [...base, 'callbackPhone'],
    ],
    [
      'Assign to CPS from an e-mail needs a reason',
      facts({ ...conedWork, channel: 'email' }),
      [...base, 'assignReason'],
    ],
    [
      'Assign to CPS from the portal needs the basics',
      facts({ ...conedWork, channel: 'portal' }),
      base,
    ],
    [
      'Assign to EAST needs full handling',
      facts({ ...afterHoursCps, criticalWorkStoppage: false }),
      [...base, 'callerPhone', 'urgency', 'expectation'],
    ],
    [
      'Page on-call needs full handling',
      facts({ ...afterHoursCps, customer: { coned: true, program: 'aims' } }),
      [...base, 'callerPhone', 'urgency', 'expectation'],
    ],
    [
      'HD ES queue needs e-mail contact and a troubleshooting note',
      facts({ service: { banner: 'pick2' } }),
      [...base, 'callerEmail', 'troubleshootingNote'],
    ],
    ['transfer to CPS needs the basics', facts({ ...conedWork, cpsAgentsReady: 1 }), base],
  ])('%s', (_name, input, expected) => {
    expect(routeContact(input, demoRouting).requiredFields).toEqual(expected);
  });
});
