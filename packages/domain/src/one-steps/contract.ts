// The shape every one-step shares (DOMAIN.md §5, STYLE.md §3): a pure function of
// (incident, command, actor, now, context) that returns the new state plus journal, audit,
// notification and side-effect drafts as data. The web layer saves all of it in one transaction.
import '../zod-config';
import { z } from 'zod';
import { technologistGroups } from './technologist-groups';
import { type CalendarContext } from '../calendar/business-calendar';
import { type RoutingContext } from '../routing/routing-context';
import { type NotificationDraft } from '../change/notification';
import { type NewAuditEntry, type NewJournalEntry } from '../incident/schema';
import { type Incident } from '../incident/schema';
import { type ProblemFacts } from '../problem/link-incident';
import { type Actor } from '../roles';
import { assignToCpsReasonIds } from '../routing/assign-to-cps-reasons';
import { type ContactFacts, oncallSchedules } from '../routing/schemas';

/** The one-steps an agent runs from the incident page, in the order the action bar shows them. */
export const oneStepNames = [
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
  'close',
  'reopen',
  // Primary TP review (kb 004): the Help Desk's triage of a TP's portal case.
  'request_more_information',
  'mark_mission_critical',
  'handle_normally',
] as const;
export const oneStepNameSchema = z.enum(oneStepNames);
export type OneStepName = z.infer<typeof oneStepNameSchema>;

/** The button text of each one-step, as the kb procedures name them. */
export const oneStepLabels: Readonly<Record<OneStepName, string>> = {
  assign_to_cps: 'Assign to CPS',
  transfer_to_cps: 'Transfer to CPS',
  assign_to_east: 'Assign to EAST',
  page_oncall: 'Page on-call',
  send_to_hd_es: 'Send to HD ES',
  escalate_to_technologists: 'Escalate to technologists',
  escalate_to_team: 'Escalate to team',
  take_ownership: 'Take ownership',
  link_to_problem: 'Link to problem',
  resolve: 'Resolve',
  close: 'Close',
  reopen: 'Reopen',
  request_more_information: 'Request more information',
  mark_mission_critical: 'Mark mission critical',
  handle_normally: 'Handle normally',
};

/** One-steps that hand the incident to another team: never run on an incident under an open outage (kb 001, 002). */
export const forwardingOneSteps = [
  'assign_to_cps',
  'transfer_to_cps',
  'assign_to_east',
  'send_to_hd_es',
  'escalate_to_technologists',
  'escalate_to_team',
] as const satisfies readonly OneStepName[];

/**
 * What the agent adds to a routed one-step: the reason for choosing another step than the one
 * routing recommends. The decision itself is never taken from the client: the server routes the
 * stored facts and the recorded answers again when the step runs (issue 14.2).
 */
export const routingContextSchema = z.object({
  overrideReason: z.string().trim().max(1000).optional(),
});
export type RoutingContextInput = z.infer<typeof routingContextSchema>;

const base = {
  incidentId: z.number().int().positive(),
  expectedVersion: z.number().int().positive(),
  routing: routingContextSchema.optional(),
};
const phone = z
  .string()
  .trim()
  .regex(/^\+?[\d\s().-]{7,20}$/, 'Enter a phone number such as 608-555-0100');
const text = (msg: string) =>
  z
    .string({ error: msg })
    .trim()
    .min(1, msg)
    .max(10_000, 'That is too long (10,000 characters at most)');

/** Inputs of each one-step, shared by the action forms (client) and the procedures (server). */
export const oneStepInputSchemas = {
  assign_to_cps: z.object({
    ...base,
    reason: z.enum(assignToCpsReasonIds, { error: 'Choose a reason' }),
    reasonOther: z.string().trim().max(1000).optional(),
    /** Required for phone contacts: the number CPS calls back. */
    callbackPhone: phone.optional(),
    /**
     * kb 000 "Bomgar Chats": before a chat is assigned to CPS the customer's preferred contact is
     * collected and added to the case (required for chats): a phone (`callbackPhone`) or an e-mail.
     */
    preferredContact: z.enum(['phone', 'email']).optional(),
    contactEmail: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.email('Enter the e-mail address CPS should write to'))
      .optional(),
  }),
  transfer_to_cps: z.object({
    ...base,
    cpsAgentId: z.number({ error: 'Choose a ready CPS agent' }).int().positive(),
  }),
  assign_to_east: z.object({
    ...base,
    callerPhone: phone.optional(),
    urgency: z.enum(['urgent', 'can_wait_until_hdl2'], {
      error: 'Say whether it is urgent or can wait until HDL2',
    }),
    expectation: text('Write down what you told the customer to expect'),
  }),
  page_oncall: z.object({
    ...base,
    schedule: z.enum(oncallSchedules, { error: 'Choose the AIMS or GDS on-call schedule' }),
    contactId: z.number({ error: 'Choose who you called' }).int().positive(),
    result: z.enum(['answered', 'voicemail'], {
      error: 'Say whether they answered or you left a voicemail',
    }),
    callerPhone: phone.optional(),
    urgency: z.enum(['urgent', 'can_wait_until_hdl2']).default('urgent'),
    expectation: text('Write down what you told the customer to expect'),
    /** Why another schedule than the customer's program names (AIMS → AIMS, DS → GDS) is paged. */
    scheduleOverrideReason: z.string().trim().max(1000).optional(),
  }),
  send_to_hd_es: z.object({
    ...base,
    callerEmail: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.email('Enter the customer’s e-mail address'))
      .optional(),
    troubleshootingNote: text('Describe the basic troubleshooting you did'),
  }),
  escalate_to_technologists: z.object({
    ...base,
    group: z.enum(technologistGroups).optional(),
    /** How many people it affects (kb 004: more than one = mission critical); kept on the incident. */
    peopleAffected: z
      .number({ error: 'Say how many people it affects' })
      .int('Say how many people it affects')
      .min(1, 'Say how many people it affects')
      .max(1_000_000, 'Say how many people it affects')
      .optional(),
    note: text('Say why this is mission critical and what is known'),
  }),
  escalate_to_team: z.object({
    ...base,
    teamId: z.number({ error: 'Choose a team' }).int().positive(),
    note: text('Say why you escalate'),
  }),
  take_ownership: z.object({ ...base }),
  link_to_problem: z.object({
    ...base,
    problemId: z
      .number({ error: 'Choose an open problem' })
      .int()
      .positive('Choose an open problem'),
  }),
  resolve: z.object({
    ...base,
    resolutionNote: text('Write the resolution the customer will read'),
  }),
  close: z.object({ ...base }),
  reopen: z.object({ ...base, reason: text('Say why the incident is reopened') }),
  request_more_information: z.object({
    ...base,
    question: text('Write the question the customer will read'),
  }),
  mark_mission_critical: z.object({
    ...base,
    note: z.string().trim().max(10_000, 'That is too long (10,000 characters at most)').optional(),
  }),
  handle_normally: z.object({
    ...base,
    note: z.string().trim().max(10_000, 'That is too long (10,000 characters at most)').optional(),
  }),
} as const satisfies Record<OneStepName, z.ZodType>;
export type OneStepInput<N extends OneStepName> = z.infer<(typeof oneStepInputSchemas)[N]>;

/** A user the one-step needs to know about (e.g. the CPS agent of a live transfer). */
export interface AgentFacts {
  id: number;
  name: string;
  presence: 'ready' | 'not_ready' | 'busy';
  teamIds: number[];
}

/** An on-call contact of the AIMS or GDS schedule (admin-editable data). */
export interface OncallContactFacts {
  id: number;
  schedule: 'aims' | 'gds';
  name: string;
  phone: string;
}

/** Everything a one-step may consult besides the incident; the procedure loads it. */
export interface OneStepEnv {
  incident: Incident;
  actor: Actor;
  now: string;
  /** Team name → id, for every team. */
  teams: Record<string, number>;
  /** The channel-partner groups (kb 003): they work only their organisations' tickets, so no step hands them another. */
  partnerTeamIds: readonly number[];
  /** Catalog facts of the incident's current service. */
  service: {
    id: number;
    banner: 'pick5' | 'pick2' | null;
    supportCategory: number;
    technologistGroup: string | null;
  };
  /** The catalog id of DoIT Departmental Support > Service Inquiry > Unclassified (Assign to EAST). */
  afterHoursServiceId: number;
  /** The holidays and CPS opening hours (data); the calendar's defaults when absent. */
  calendar?: CalendarContext;
  /** The departments and calendar a step routes again with (issue 14.2, 14.7). */
  routing?: RoutingContext;
  /** transfer_to_cps: the chosen agent. */
  agent?: AgentFacts;
  /** transfer_to_cps: CPS agents on ready now; 0 disables the button (absent = not known, allowed). */
  cpsAgentsReady?: number;
  /** page_oncall: the contact that was called. */
  oncallContact?: OncallContactFacts;
  /** The incident's customer record, when it has one: whose program picks the on-call schedule (kb 001). */
  customer?: { name: string; program: 'aims' | 'ds' | null };
  /** True when the incident is linked to a problem with an open (planned or active) outage (outage procedure, §6). */
  underOpenOutage?: boolean;
  /** Set for a channel-partner ticket (kb 003), which moves by the partner steps instead. */
  partnerTicket?: { partnerTeamId: number; relationshipAgentId: number | null };
  /** link_to_problem: the chosen problem and its outage. */
  problem?: ProblemFacts;
  /**
   * The routing facts of the incident now: what is stored about it plus the answers the agent
   * recorded on the Route panel. When set, a routed step re-runs `routeContact` on them, journals
   * that trace and needs an override reason to differ from it (issue 14.2).
   */
  contactFacts?: ContactFacts;
  /** The team of the incident's open chat consult, when one is waiting (kb 000, 002). */
  openConsultTeam?: 'cps' | 'es';
}

/** What a one-step returns: the incident's changed fields (with version + 1) and every draft to save. */
export interface OneStepResult {
  changes: Partial<Incident>;
  journal: NewJournalEntry[];
  audit: NewAuditEntry[];
  notifications: NotificationDraft[];
  /** Presence changes that happen with the step (the live-transfer agent becomes busy). */
  presence: { userId: number; presence: 'ready' | 'not_ready' | 'busy' }[];
  /** The step ends the incident's open chat consult (e.g. linking it to an open outage's problem). */
  endsConsult?: boolean;
}

/** A one-step as the action bar and the procedures use it. */
export interface OneStepDefinition<N extends OneStepName> {
  label: string;
  /** Why the step may not run now (shown on the disabled button), or null when it may. */
  can: (env: OneStepEnv) => string | null;
  /** Runs the step; throws DomainError (FORBIDDEN, CONFLICT, INVALID_TRANSITION, VALIDATION). */
  run: (env: OneStepEnv, input: OneStepInput<N>) => OneStepResult;
}

/** One button of the action bar. */
export interface OneStepAvailability {
  name: OneStepName;
  label: string;
  /** False when the actor's role never has this step: the UI hides the button rather than disabling it. */
  permitted: boolean;
  /** Why the button is disabled, or null when it is enabled. */
  disabledReason: string | null;
}
