import '../zod-config';
import { z } from 'zod';
import { idempotencyKeySchema } from '../idempotency/idempotency';
import {
  channels,
  incidentStatuses,
  journalKinds,
  tpTriageStates,
  urgencies,
  visibilities,
} from './constants';

export const channelSchema = z.enum(channels);
export type Channel = z.infer<typeof channelSchema>;

export const incidentStatusSchema = z.enum(incidentStatuses);
export type IncidentStatus = z.infer<typeof incidentStatusSchema>;

export const tpTriageSchema = z.enum(tpTriageStates);
export type TpTriage = z.infer<typeof tpTriageSchema>;

export const urgencySchema = z.enum(urgencies);

export const journalKindSchema = z.enum(journalKinds);
export const visibilitySchema = z.enum(visibilities);
export type Visibility = z.infer<typeof visibilitySchema>;

/** Contact-by promises made to the customer (ISO instants), as the routing policy names them. */
export const promisesSchema = z
  .object({
    contactBy: z.string(),
    callIfNoContactBy: z.string(),
    respondBy: z.string(),
    techContactBy: z.string(),
  })
  .partial();

const phoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[\d\s().-]{7,20}$/, 'Enter a phone number such as 608-555-0100');
const emailSchema = z.string().trim().toLowerCase().pipe(z.email('Enter a valid e-mail address'));
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    schema.optional(),
  );

/** Fields an agent may edit directly on the incident page (ownership and status move only by one-steps). */
export const incidentEditableSchema = z.object({
  callerName: z
    .string({ error: 'Caller name is required' })
    .trim()
    .min(1, 'Caller name is required')
    .max(200, 'Caller name is too long'),
  callerPhone: optional(phoneSchema),
  callerEmail: optional(emailSchema),
  customerId: z.number().int().positive().nullable().optional(),
  serviceId: z.number({ error: 'Choose a service' }).int().positive('Choose a service'),
  description: z
    .string({ error: 'Describe the issue' })
    .trim()
    .min(1, 'Describe the issue')
    .max(10_000, 'The description is too long (10,000 characters at most)'),
  computerName: optional(
    z
      .string()
      .trim()
      .max(64, 'Computer name is too long')
      .regex(/^[A-Za-z0-9-]+$/, 'A computer name has only letters, digits and hyphens'),
  ),
  urgency: urgencySchema.nullable().optional(),
  expectation: optional(z.string().trim().max(1000)),
  preferredContact: optional(z.enum(['phone', 'email'])),
});

const hasPhoneOrEmail = (v: { callerPhone?: string; callerEmail?: string }) =>
  Boolean(v.callerPhone || v.callerEmail);

/** Create-incident input, shared by the form (client) and the procedure (server). */
export const incidentCreateSchema = incidentEditableSchema
  .extend({
    channel: z.enum(channels, { error: 'Choose how the caller reached us' }),
    firstNote: optional(z.string().trim().max(10_000, 'The note is too long')),
    /** kb 001 step 9: the open problem of a known outage this contact belongs to. */
    problemId: z.number().int().positive('Choose an open problem').nullish(),
    /** A retry of the same submission sends the same key and creates nothing (issue 13 item 10). */
    idempotencyKey: idempotencyKeySchema,
  })
  .refine(hasPhoneOrEmail, {
    path: ['callerPhone'],
    message: 'Give a phone number or an e-mail address for the caller',
    // Run even when other fields are wrong, so an empty form shows this message with the rest.
    when: ({ value }) => typeof value === 'object' && value !== null,
  });
export type IncidentCreateInput = z.infer<typeof incidentCreateSchema>;

export const incidentPatchSchema = incidentEditableSchema.partial();
export type IncidentPatch = z.infer<typeof incidentPatchSchema>;

export const incidentEditSchema = z.object({
  id: z.number().int().positive(),
  expectedVersion: z.number().int().positive(),
  patch: incidentPatchSchema,
});

export const addNoteSchema = z.object({
  incidentId: z.number().int().positive(),
  body: z.string().trim().min(1, 'Write the note first').max(10_000, 'The note is too long'),
  visibility: visibilitySchema,
});

/** The incident record as the domain sees it; the db table's inferred row must satisfy it. */
export const incidentSchema = z.object({
  id: z.number().int(),
  number: z.string(),
  callerName: z.string(),
  callerPhone: z.string().nullable(),
  callerEmail: z.string().nullable(),
  customerId: z.number().int().nullable(),
  channel: channelSchema,
  serviceId: z.number().int(),
  description: z.string(),
  classification: z.string().nullable(),
  status: incidentStatusSchema,
  ownerTeamId: z.number().int(),
  ownerAgentId: z.number().int().nullable(),
  urgency: urgencySchema.nullable(),
  expectation: z.string().nullable(),
  preferredContact: z.string().nullable(),
  computerName: z.string().nullable(),
  problemId: z.number().int().nullable(),
  promises: promisesSchema,
  /** How many people the issue affects, as the customer told us (kb 004: more than one = mission critical). */
  peopleAffected: z.number().int().nullable(),
  tpTriage: tpTriageSchema.nullable(),
  version: z.number().int(),
  createdById: z.number().int().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Incident = z.infer<typeof incidentSchema>;

export const journalEntrySchema = z.object({
  incidentId: z.number().int(),
  kind: journalKindSchema,
  visibility: visibilitySchema,
  body: z.string(),
  authorId: z.number().int().nullable(),
  data: z.unknown().nullable(),
  createdAt: z.string(),
});
export type JournalEntryDraft = z.infer<typeof journalEntrySchema>;

export const auditEntrySchema = z.object({
  incidentId: z.number().int(),
  actorId: z.number().int().nullable(),
  field: z.string(),
  fromValue: z.string().nullable(),
  toValue: z.string().nullable(),
  version: z.number().int(),
  at: z.string(),
});
export type AuditEntryDraft = z.infer<typeof auditEntrySchema>;

/** A new incident as the domain drafts it: the commit gives it its id; the number is reserved first. */
export type NewIncident = Omit<Incident, 'id' | 'number'>;
export type NewJournalEntry = Omit<JournalEntryDraft, 'incidentId'>;
export type NewAuditEntry = Omit<AuditEntryDraft, 'incidentId'>;

export const formatIncidentNumber = (seq: number): string => `INC-${String(seq).padStart(6, '0')}`;
export const incidentNumberSchema = z
  .string()
  .regex(/^INC-\d{6,}$/, 'Incident numbers look like INC-000123');
