import '../zod-config';
import { z } from 'zod';
import { idempotencyKeySchema } from '../idempotency/idempotency';
import { type NewAuditEntry, type NewJournalEntry } from '../incident/schema';
import { type Incident } from '../incident/schema';
import { type NotificationDraft } from '../change/notification';
import { type OutboxDraft } from '../outbox';
import { type Actor } from '../roles';

/** The catalog entry channel-partner tickets are filed under (the university catalog does not describe partners' services). */
export const partnerTicketService = {
  service: 'Channel partner support',
  category: 'Ticket',
  subcategory: 'General',
} as const;

/** The hand-offs of a channel-partner ticket (kb 003 rules 3–7), one row each in its history. */
export const hopKinds = ['submitted', 'claimed', 'escalated', 'pulled', 'returned'] as const;
export const hopKindSchema = z.enum(hopKinds);
export type HopKind = z.infer<typeof hopKindSchema>;

export const hopLabels: Record<HopKind, string> = {
  submitted: 'Submitted',
  claimed: 'Claimed',
  escalated: 'Escalated to Tier 2',
  pulled: 'Pulled by Tier 2',
  returned: 'Returned to the agent',
};

/** Where the ticket is in the kb 003 ping-pong, derived from its owner team and agent. */
export type TicketPhase = 'unclaimed' | 'with_partner' | 'awaiting_tier2' | 'with_tier2' | 'done';

/** Someone told when a ticket needs them (in the app and by e-mail). */
export interface Person {
  id: number;
  name: string;
  email: string;
}

/** What a channel-partner ticket adds to its incident. */
export interface PartnerTicketFacts {
  organisationId: number;
  organisationName: string;
  partnerTeamId: number;
  partnerTeamName: string;
  /** The partner agent who owns the customer relationship: set by the first claim, kept through escalations. */
  relationshipAgent: Person | null;
}

/** Everything a partner step consults; the procedure loads it. */
export interface PartnerEnv {
  incident: Incident;
  ticket: PartnerTicketFacts;
  actor: Actor;
  now: string;
  tier2Team: { id: number; name: string };
  /** The name of the agent the incident is assigned to now (for "already claimed by …"). */
  assigneeName: string | null;
  /** Members of the partner group and of Tier 2 Support: who is told when the next input is theirs. */
  partnerMembers: readonly Person[];
  tier2Members: readonly Person[];
  requester: { name: string; email: string | null };
  /** When the ticket last changed hands, so each hop records how long it waited. */
  lastHopAt: string;
  /** Round trips to Tier 2 completed so far (returns). */
  roundTrips: number;
  /** Private comments the Tier 2 assignee wrote since pulling the ticket. */
  privateCommentsSincePull: number;
}

/** One hand-off as stored. */
export interface HopDraft {
  kind: HopKind;
  actorId: number | null;
  fromTeamId: number | null;
  toTeamId: number;
  toAgentId: number | null;
  at: string;
  /** How long the ticket waited in its previous state before this hop. */
  waitedSeconds: number;
}

/** What a partner step returns: the incident's changes plus every draft to save in one transaction. */
export interface PartnerStepResult {
  /** Changed incident fields with version + 1; empty when the step changes only the journal. */
  changes: Partial<Incident>;
  journal: NewJournalEntry[];
  audit: NewAuditEntry[];
  /** In-app notifications, one per person told. */
  notifications: NotificationDraft[];
  outbox: OutboxDraft[];
  hop: HopDraft | null;
  /** Set by the first claim: the agent who now owns the customer relationship. */
  relationshipAgentId?: number;
}

const incidentId = z.number().int().positive();
const expectedVersion = z.number().int().positive();
const optionalText = z
  .string()
  .trim()
  .max(10_000, 'That is too long (10,000 characters at most)')
  .default('');

export const partnerTicketSubmitSchema = z.object({
  description: z
    .string({ error: 'Describe the problem' })
    .trim()
    .min(1, 'Describe the problem')
    .max(10_000, 'The description is too long (10,000 characters at most)'),
  /** A retry of the same submission sends the same key and creates nothing (issue 13 item 10). */
  idempotencyKey: idempotencyKeySchema,
});
export type PartnerTicketSubmitInput = z.infer<typeof partnerTicketSubmitSchema>;

export const claimTicketSchema = z.object({ incidentId });
// The private comment is checked by the domain rule, so the message is the same from every caller.
export const escalateToTier2Schema = z.object({
  incidentId,
  expectedVersion,
  privateComment: optionalText,
});
export type EscalateToTier2Input = z.input<typeof escalateToTier2Schema>;
export const returnToAgentSchema = z.object({
  incidentId,
  expectedVersion,
  privateComment: optionalText,
});
export type ReturnToAgentInput = z.input<typeof returnToAgentSchema>;

// Domains come from one text field ("badgerhealth.example, bh-clinics.example") or a list.
const domainList = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(/[\s,;]+/) : v),
  z.array(z.string().max(253, 'That domain is too long')).max(50, 'At most 50 domains'),
);

/** Admin: a new organisation with its domains and its partner group (an existing one, or a new group). */
export const organisationCreateSchema = z
  .object({
    name: z
      .string({ error: 'Name the organisation' })
      .trim()
      .min(1, 'Name the organisation')
      .max(200, 'The name is too long'),
    domains: domainList,
    partnerTeamId: z.number().int().positive().optional(),
    newPartnerTeamName: z.string().trim().max(200, 'The name is too long').optional(),
  })
  .refine((v) => v.partnerTeamId !== undefined || (v.newPartnerTeamName ?? '').length > 0, {
    path: ['partnerTeamId'],
    message: 'Choose the partner group that supports it, or name a new one',
  });

export const organisationDomainsSchema = z.object({
  organisationId: z.number().int().positive(),
  domains: domainList,
});

/**
 * Admin: an end user with a Help Online login. Without an organisation they are placed by their
 * e-mail domain; with one they are a test user placed by hand (kb 003 "To Test the System").
 */
// The fields of every login an administrator creates: end users, partner agents, Tier 2 agents.
const personName = z
  .string({ error: 'Give their name' })
  .trim()
  .min(1, 'Give their name')
  .max(200, 'The name is too long');
const loginEmail = z.string().trim().toLowerCase().pipe(z.email('Enter a valid e-mail address'));
const initialPassword = z.string().min(8, 'Use at least 8 characters').max(200);
const teamId = z.number({ error: 'Choose a group' }).int().positive('Choose a group');
const userId = z.number({ error: 'Choose a person' }).int().positive('Choose a person');

export const endUserCreateSchema = z.object({
  name: personName,
  email: loginEmail,
  password: initialPassword,
  organisationId: z.number().int().positive().nullable(),
});

/** Admin: a new partner agent login straight into a partner group (or a Tier 2 login into Tier 2 Support). */
export const groupMemberCreateSchema = z.object({
  teamId,
  name: personName,
  email: loginEmail,
  password: initialPassword,
});
export type GroupMemberCreateInput = z.infer<typeof groupMemberCreateSchema>;
/** Admin: put an existing login in a group, or take one out. */
export const groupMemberSchema = z.object({ teamId, userId });
export type GroupMemberInput = z.infer<typeof groupMemberSchema>;
export type OrganisationCreateInput = z.infer<typeof organisationCreateSchema>;
