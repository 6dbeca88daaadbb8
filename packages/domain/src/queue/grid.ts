import '../zod-config';
import { z } from 'zod';
import { incidentStatusSchema, type IncidentStatus } from '../incident/schema';
import { openStatuses } from '../incident/constants';

/** What the queue grid sorts by (issue 15); each has a per-team index and its own keyset. */
export const queueSorts = ['age', 'promise', 'status', 'service', 'owner', 'breach'] as const;
export const queueSortSchema = z.enum(queueSorts);
export type QueueSort = z.infer<typeof queueSortSchema>;

/** The grid's columns a user may show or hide. */
export const queueColumns = [
  'customer',
  'service',
  'status',
  'owner',
  'age',
  'promise',
  'breach',
] as const;
export const queueColumnSchema = z.enum(queueColumns);

/** The keyset cursor of one sort: the last row's sort key and id. */
export const queueCursorSchema = z.object({
  key: z.union([z.string(), z.number()]),
  id: z.number().int().positive(),
});

export const queueGridInputSchema = z.object({
  teamId: z.number().int().positive(),
  /** A status; absent = every open status (the default view), `all` = every status. */
  status: z.union([incidentStatusSchema, z.literal('all')]).optional(),
  serviceId: z.number().int().positive().optional(),
  /** Owner agent id; 0 = nobody owns it yet. */
  ownerAgentId: z.number().int().min(0).optional(),
  /** Only incidents whose first SLA clock breaches within this many minutes (0 = breached already). */
  breachWithinMinutes: z.number().int().min(0).max(10_080).optional(),
  sort: queueSortSchema.default('age'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  cursor: queueCursorSchema.nullish(),
  limit: z.number().int().min(1).max(100).default(25),
});
export type QueueGridInput = z.infer<typeof queueGridInputSchema>;

/** Which statuses a grid request covers. */
export function queueStatuses(status: QueueGridInput['status']): readonly IncidentStatus[] | null {
  if (status === 'all') return null;
  return status ? [status] : openStatuses;
}

/** What the view saves: everything but the page position. */
export const queueViewSettingsSchema = z.object({
  status: queueGridInputSchema.shape.status,
  serviceId: queueGridInputSchema.shape.serviceId,
  ownerAgentId: queueGridInputSchema.shape.ownerAgentId,
  sort: queueSortSchema,
  dir: z.enum(['asc', 'desc']),
  columns: z.array(queueColumnSchema).max(queueColumns.length),
});
export const saveQueueViewSchema = z.object({
  name: z.string().trim().min(1, 'Name the view').max(60, 'At most 60 characters'),
  settings: queueViewSettingsSchema,
});

/** How soon is "due soon": within this many minutes of the earliest promise. */
export const dueSoonMinutes = 60;

/**
 * The marker of a queue row from its stored earliest promise: overdue once the promise time has
 * passed, due soon within the hour before; none when there is no promise or the incident is done.
 */
export function promiseMarker(
  nextPromiseAt: string | null,
  status: IncidentStatus,
  now: string,
): 'overdue' | 'due_soon' | null {
  if (!nextPromiseAt || !openStatuses.includes(status)) return null;
  const due = Date.parse(nextPromiseAt);
  if (Number.isNaN(due)) return null;
  const at = Date.parse(now);
  if (due <= at) return 'overdue';
  return due - at <= dueSoonMinutes * 60_000 ? 'due_soon' : null;
}
