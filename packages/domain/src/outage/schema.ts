import '../zod-config';
import { z } from 'zod';

export const outageStatuses = ['planned', 'active', 'resolved'] as const;
export const outageStatusSchema = z.enum(outageStatuses);
export type OutageStatus = z.infer<typeof outageStatusSchema>;

export const outageKinds = ['unplanned', 'planned'] as const;
export const outageKindSchema = z.enum(outageKinds);
export type OutageKind = z.infer<typeof outageKindSchema>;

/** An outage as stored (DOMAIN.md §2): SNCC owns it; its public summary is what `/status` shows. */
export const outageSchema = z.object({
  id: z.number().int(),
  number: z.string(),
  title: z.string(),
  kind: outageKindSchema,
  status: outageStatusSchema,
  publicSummary: z.string(),
  startAt: z.string(),
  expectedEndAt: z.string().nullable(),
  endAt: z.string().nullable(),
  ownerTeamId: z.number().int(),
  declaredById: z.number().int().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Outage = z.infer<typeof outageSchema>;
export type NewOutage = Omit<Outage, 'id' | 'number'>;

export const outageUpdateKinds = ['declared', 'summary', 'started', 'resolved'] as const;
/** One timestamped entry of an outage's public timeline. */
export interface NewOutageUpdate {
  kind: (typeof outageUpdateKinds)[number];
  body: string;
  authorId: number | null;
  createdAt: string;
}

const isoInstant = (message: string) => z.iso.datetime({ offset: true, error: message });
const summary = z
  .string({ error: 'Write the public summary' })
  .trim()
  .min(1, 'Write the public summary')
  .max(2000, 'The summary is too long (2,000 characters at most)');

/** Declaring an outage: unplanned (happening now, or since a moment ago) or planned for a window. */
export const declareOutageSchema = z.object({
  title: z
    .string({ error: 'Give the outage a short title' })
    .trim()
    .min(1, 'Give the outage a short title')
    .max(200, 'The title is too long'),
  serviceIds: z
    .array(z.number().int().positive(), { error: 'Choose the affected services' })
    .min(1, 'Choose at least one affected service')
    .max(50, 'Choose at most 50 services'),
  kind: outageKindSchema,
  /** Planned: required, in the future. Unplanned: optional (defaults to now), not in the future. */
  startAt: isoInstant('Enter a valid start time').optional(),
  expectedEndAt: isoInstant('Enter a valid expected end').optional(),
  publicSummary: summary,
  ownerTeamId: z
    .number({ error: 'Choose the SNCC team that owns it' })
    .int()
    .positive('Choose the SNCC team that owns it'),
});
export type DeclareOutageInput = z.infer<typeof declareOutageSchema>;

const base = {
  outageId: z.number().int().positive(),
  expectedVersion: z.number().int().positive(),
};

/** SNCC's timestamped update of the public summary (and, optionally, the expected end). */
export const updateOutageSchema = z.object({
  ...base,
  publicSummary: summary,
  expectedEndAt: isoInstant('Enter a valid expected end').nullish(),
});
export type UpdateOutageInput = z.infer<typeof updateOutageSchema>;

/** Start a planned outage, or resolve one; an optional closing word for the public timeline. */
export const changeOutageStatusSchema = z.object({
  ...base,
  note: z.string().trim().max(2000, 'The note is too long').optional(),
});
export type ChangeOutageStatusInput = z.infer<typeof changeOutageStatusSchema>;

export const formatOutageNumber = (seq: number): string => `OUT-${String(seq).padStart(6, '0')}`;
export const outageNumberSchema = z
  .string()
  .regex(/^OUT-\d{6,}$/, 'Outage numbers look like OUT-000123');

/** How long a resolved outage stays on the outages page and `/status`. */
export const recentlyResolvedDays = 7;
