import '../zod-config';
import { z } from 'zod';
import { incidentNumberSchema } from '../incident/schema';

export const problemStatuses = ['open', 'resolved'] as const;
export const problemStatusSchema = z.enum(problemStatuses);
export type ProblemStatus = z.infer<typeof problemStatusSchema>;

/**
 * A problem as stored (DOMAIN.md §2): the Identify & Classify fields HDQA fills from the incidents
 * (kb 001 step 5), the owner team (SNCC-Sysops / SNCC-Network / other), and the linked outage.
 */
export const problemSchema = z.object({
  id: z.number().int(),
  number: z.string(),
  title: z.string(),
  status: problemStatusSchema,
  serviceId: z.number().int(),
  category: z.string(),
  impact: z.string(),
  symptoms: z.string(),
  firstSeenAt: z.string(),
  ownerTeamId: z.number().int(),
  outageId: z.number().int().nullable(),
  version: z.number().int(),
  createdById: z.number().int().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  resolvedAt: z.string().nullable(),
});
export type Problem = z.infer<typeof problemSchema>;
export type NewProblem = Omit<Problem, 'id' | 'number'>;

export const problemJournalKinds = ['system', 'note'] as const;
export interface NewProblemJournalEntry {
  kind: (typeof problemJournalKinds)[number];
  body: string;
  authorId: number | null;
  data: unknown;
  createdAt: string;
}
export interface NewProblemAuditEntry {
  actorId: number | null;
  field: string;
  fromValue: string | null;
  toValue: string | null;
  version: number;
  at: string;
}

/** What a change to a problem returns: its changed fields (version + 1), journal and audit drafts. */
export interface ProblemChange {
  changes: Partial<Problem>;
  journal: NewProblemJournalEntry[];
  audit: NewProblemAuditEntry[];
}

const incidentIds = z
  .array(z.number().int().positive(), { error: 'Choose the incidents' })
  .min(1, 'Choose at least one incident')
  .max(1000, 'Choose at most 1,000 incidents at a time');

/** HDQA creates a problem from one or more incidents; everything else is prefilled from them. */
export const createProblemSchema = z.object({
  incidentIds,
  title: z
    .string()
    .trim()
    .min(1, 'Give the problem a title')
    .max(200, 'The title is too long')
    .optional(),
});
export type CreateProblemInput = z.infer<typeof createProblemSchema>;

const base = {
  problemId: z.number().int().positive(),
  expectedVersion: z.number().int().positive(),
};
const text = (message: string, max: number) =>
  z
    .string({ error: message })
    .trim()
    .min(1, message)
    .max(max, `That is too long (${max.toLocaleString('en-US')} characters at most)`);

/** The Identify & Classify section, editable after creation. */
export const editProblemSchema = z.object({
  ...base,
  title: text('Give the problem a title', 200),
  serviceId: z.number({ error: 'Choose a service' }).int().positive('Choose a service'),
  category: text('Give the category', 200),
  impact: text('Describe the impact', 500),
  symptoms: text('Describe the symptoms', 10_000),
  firstSeenAt: z.iso.datetime({ offset: true, error: 'Enter when it was first seen' }),
});
export type EditProblemInput = z.infer<typeof editProblemSchema>;

/** kb 001 step 6 (and 11, follow-up): the problem goes to the team that works it. */
export const assignProblemSchema = z.object({
  ...base,
  teamId: z.number({ error: 'Choose a team' }).int().positive('Choose a team'),
  note: z.string().trim().max(2000, 'The note is too long').optional(),
});
export type AssignProblemInput = z.infer<typeof assignProblemSchema>;

/** kb 001 step 7: SNCC links the problem to the outage. */
export const linkOutageSchema = z.object({
  ...base,
  outageId: z.number({ error: 'Choose an outage' }).int().positive('Choose an outage'),
});
export type LinkOutageInput = z.infer<typeof linkOutageSchema>;

/** kb 001 step 8: HDQA links incidents to the problem, by number. */
export const linkIncidentsSchema = z.object({
  problemId: z.number().int().positive(),
  numbers: z
    .array(incidentNumberSchema)
    .min(1, 'Enter at least one incident number')
    .max(1000, 'Link at most 1,000 incidents at a time'),
});
export type LinkIncidentsInput = z.infer<typeof linkIncidentsSchema>;

/** kb 001 step 10. The version guards against running it on a problem someone just changed. */
export const resolveAttachedSchema = z.object({ ...base });
export const resolveProblemSchema = z.object({
  ...base,
  note: text('Say how the problem was resolved', 2000),
});
export type ResolveProblemInput = z.infer<typeof resolveProblemSchema>;

export const formatProblemNumber = (seq: number): string => `PRB-${String(seq).padStart(6, '0')}`;
export const problemNumberSchema = z
  .string()
  .regex(/^PRB-\d{6,}$/, 'Problem numbers look like PRB-000123');
