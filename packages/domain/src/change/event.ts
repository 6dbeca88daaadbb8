import '../zod-config';
import { z } from 'zod';
import { type EntityName } from './entities';
import { type EntityId } from './ref';

/**
 * A change to announce: what changed (entity, id, kind), whom it concerns (teams, people) and who
 * did it. The commit module appends it to the durable change feed in the same transaction.
 */
export interface ChangeEventDraft {
  entity: EntityName;
  entityId: EntityId;
  /** What happened, e.g. `created`, `edited`, `note_added`, `onestep.resolve`. */
  kind: string;
  teamIds: readonly number[];
  userIds: readonly number[];
  actorId: number | null;
}

/** A change as the feed hands it out: monotonic id (commit order), time of the commit. */
export const changeEventSchema = z.object({
  id: z.number().int().positive(),
  entity: z.string(),
  entityId: z.number().int(),
  kind: z.string(),
  teamIds: z.array(z.number().int()),
  userIds: z.array(z.number().int()),
  actorId: z.number().int().nullable(),
  at: z.string(),
});
export type ChangeEvent = z.infer<typeof changeEventSchema>;

/** Which changes a consumer wants: any of these teams or people (none given = all), of these entities. */
export interface ChangeScope {
  teamIds?: readonly number[];
  userIds?: readonly number[];
  entities?: readonly EntityName[];
}

/** Whether a change falls in a scope (the feed filters in SQL; this is the same rule, for tests and consumers). */
export function inScope(
  change: Pick<ChangeEvent, 'entity' | 'teamIds' | 'userIds'>,
  scope: ChangeScope,
): boolean {
  if (scope.entities && !scope.entities.includes(change.entity as EntityName)) return false;
  if (!scope.teamIds && !scope.userIds) return true;
  return (
    change.teamIds.some((t) => scope.teamIds?.includes(t)) ||
    change.userIds.some((u) => scope.userIds?.includes(u))
  );
}

/** The distinct, non-null ids, sorted: teams and people a change concerns. */
export const concerned = (...ids: (number | null | undefined)[]): number[] =>
  [...new Set(ids.filter((i): i is number => typeof i === 'number'))].sort((a, b) => a - b);
