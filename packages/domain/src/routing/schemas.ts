import '../zod-config';
import { z } from 'zod';
import { assignToCpsReasonIds } from './assign-to-cps-reasons';

/** How a contact came in (DOMAIN.md §4). */
export const contactChannels = ['phone', 'email', 'chat', 'portal', 'auto'] as const;
export type ContactChannel = (typeof contactChannels)[number];

/** Every outcome `routeContact` can return, one per one-step or hand-off (DOMAIN.md §4). */
export const routingOutcomes = [
  'ask',
  'general_hd',
  'outage',
  'transfer_to_cps',
  'assign_to_cps',
  'consult_cps_chat',
  'assign_to_east',
  'page_oncall',
  'consult_hd_leadership',
  'es_queue',
  'consult_es_chat',
  'consult_hdqa',
  'escalate_to_team',
  'escalate_to_technologists',
] as const;
export type RoutingOutcome = (typeof routingOutcomes)[number];

/** The questions the policy may ask, each naming the fact its answer fills (DOMAIN.md §4). */
export const routingQuestions = [
  'confirmDepartment',
  'workRelated',
  'computerName',
  'criticalWorkStoppage',
  'missionCritical',
] as const;
export type RoutingQuestion = (typeof routingQuestions)[number];

/** Phone consult queues for a live CPS transfer (kb 000: Pick 2 → Enterprise, Pick 5 → Departmental). */
export const transferQueues = ['enterprise', 'departmental_support'] as const;
export type TransferQueue = (typeof transferQueues)[number];

/** On-call schedules for after-hours emergencies (kb 001: AIMS or GDS). */
export const oncallSchedules = ['aims', 'gds'] as const;
export type OncallSchedule = (typeof oncallSchedules)[number];

/** Field ids an incident must hold before an outcome's one-step runs; they match the incident record. */
export const requiredFieldIds = [
  'callerName',
  'callerContact',
  'service',
  'description',
  'callbackPhone',
  'assignReason',
  'assignReasonOther',
  'callerPhone',
  'urgency',
  'expectation',
  'callerEmail',
  'troubleshootingNote',
] as const;
export type RequiredFieldId = (typeof requiredFieldIds)[number];

/** Whether the date part names a real day (the ISO pattern alone lets "2026-02-30" through). */
function isRealDay(s: string): boolean {
  const [y, m, d] = s.slice(0, 10).split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

// No date library here: these schemas run in the browser too, and luxon would come with them.
const instantSchema = z.iso
  .datetime({ offset: true })
  .refine(isRealDay, { message: 'Not a valid instant' });

export const contactServiceSchema = z.object({
  banner: z.enum(['pick5', 'pick2']).nullable(),
  generalHdHandles: z.boolean().optional(),
  supportCategory: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
  technologistGroup: z.string().optional(),
});

export const contactCustomerSchema = z.object({
  coned: z.boolean(),
  program: z.enum(['aims', 'ds']).nullable().optional(),
  primaryTechPartner: z.boolean().optional(),
  /** The customer's department is on the contract list (confirmed). */
  contractDepartment: z.boolean().optional(),
  /** Unflagged signals: says they are a partner, asks for remote support, mentions a departmental computer. */
  indicatesContractPartner: z.boolean().optional(),
});

/** An open (planned or active) outage the contact's service is part of (kb 001 "Creating an Incident (Outages)"). */
export const knownOutageFactSchema = z.object({
  number: z.string(),
  title: z.string(),
});
export type KnownOutageFact = z.infer<typeof knownOutageFactSchema>;

/** What the agent knows about a contact; absent optional facts are "not asked yet" (DOMAIN.md §4). */
export const contactFactsSchema = z.object({
  at: instantSchema,
  channel: z.enum(contactChannels),
  service: contactServiceSchema,
  customer: contactCustomerSchema,
  workRelated: z.boolean().optional(),
  /** `null` = no departmental computer (personal device); absent = not asked yet. */
  computerName: z.string().trim().min(1).nullable().optional(),
  criticalWorkStoppage: z.boolean().optional(),
  suspectedEnterprise: z.boolean().optional(),
  esSupported: z.boolean().optional(),
  missionCritical: z.boolean().optional(),
  outage: z.boolean().optional(),
  /** A known open outage on the contact's service, not yet linked: link first, never forward (kb 001). */
  knownOutage: knownOutageFactSchema.optional(),
  cpsAgentsReady: z.number().int().min(0).optional(),
});
export type ContactFacts = z.infer<typeof contactFactsSchema>;

/** One consulted rule of the explanation trace, saved to the journal when the agent acts. */
export const routingStepSchema = z.object({
  /** Stable rule id, e.g. `cps.work-related`. */
  rule: z.string(),
  /** The kb file the rule comes from. */
  doc: z.string(),
  /** `yes` / `no` / `unknown` for a yes-no rule, else the value the rule branched on. */
  answer: z.string(),
  /** One line a person reads: what was found and where it leads. */
  text: z.string(),
});
export type RoutingStep = z.infer<typeof routingStepSchema>;

export const routingPromisesSchema = z.object({
  /** CPS contacts the customer within 4 business hours (kb 000). */
  contactBy: instantSchema.optional(),
  /** "If you do not hear back within 1 business day, call 608-265-6900" (kb 000). */
  callIfNoContactBy: instantSchema.optional(),
  /** Technologists respond to a Primary TP within 1 business day (kb 004). */
  respondBy: instantSchema.optional(),
  /** An on-call technician contacts the customer within an hour (kb 001). */
  techContactBy: instantSchema.optional(),
});
export type RoutingPromises = z.infer<typeof routingPromisesSchema>;

/** The policy's answer: what to do, what to ask, what to say and promise, and why (DOMAIN.md §4). */
export const routingDecisionSchema = z.object({
  outcome: z.enum(routingOutcomes),
  question: z.enum(routingQuestions).optional(),
  transferQueue: z.enum(transferQueues).optional(),
  oncall: z.enum(oncallSchedules).optional(),
  /** The words for the agent to read; `{incidentNumber}` is filled in once the incident is saved. */
  script: z.string().optional(),
  promises: routingPromisesSchema.optional(),
  /** The Assign to CPS reason the one-step should preselect (only with `assign_to_cps`). */
  assignReason: z.enum(assignToCpsReasonIds).optional(),
  /** The technologist group (or supporting team) the escalation step should preselect: the service's. */
  technologistGroup: z.string().optional(),
  /** The team Escalate to team should preselect (not ES-supported: the service's supporting group). */
  escalationTeam: z.string().optional(),
  requiredFields: z.array(z.enum(requiredFieldIds)),
  steps: z.array(routingStepSchema),
});
export type RoutingDecision = z.infer<typeof routingDecisionSchema>;
