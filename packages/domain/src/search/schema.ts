import '../zod-config';
import { z } from 'zod';
import { channelSchema, incidentStatusSchema } from '../incident/schema';

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Dates look like 2026-11-24')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), 'Not a calendar date');

/** What the search page sends: the text, its filters and the keyset cursor of "load more". */
export const searchInputSchema = z
  .object({
    // Longer text than the domain's limit still parses here, so the person gets its message (not a 400 of zod's).
    q: z.string().max(20_000, 'A search is at most 500 characters.'),
    status: incidentStatusSchema.optional(),
    teamId: z.number().int().positive().optional(),
    serviceId: z.number().int().positive().optional(),
    channel: channelSchema.optional(),
    /** Created on or after this day (UTC), and on or before `createdTo`. */
    createdFrom: day.optional(),
    createdTo: day.optional(),
    cursor: z.object({ rank: z.number(), id: z.number().int().positive() }).nullish(),
    limit: z.number().int().min(1).max(50).default(20),
  })
  .refine((v) => !v.createdFrom || !v.createdTo || v.createdFrom <= v.createdTo, {
    message: 'The "created from" day comes after the "created to" day.',
    path: ['createdTo'],
  });
export type SearchInput = z.infer<typeof searchInputSchema>;
