// Following an incident (issue 17 item 4): a staff member who follows an incident hears of every
// change someone else makes to it (a toast), as they do for the incidents they own or created. One
// row per person and incident; following twice or unfollowing what one does not follow is refused.
import { DomainError } from '../errors';
import { deleteRows, effects, insertRow, type Effects } from '../change/effects';
import { type Actor } from '../roles';

export interface IncidentFollowerRow {
  incidentId: number;
  userId: number;
  since: string;
}

declare module '../change/entities' {
  interface Entities {
    incidentFollower: { row: IncidentFollowerRow; insert: IncidentFollowerRow };
  }
}

/** How many incidents one person may follow at once (the list the browser keeps). */
export const maxFollowed = 500;

/**
 * Starts or stops following `incident` (one the actor may read: the caller loaded it in scope).
 * Customers follow nothing: their own cases update on their pages anyway.
 */
export function setFollowing(args: {
  actor: Actor;
  incident: { id: number; number: string };
  following: boolean;
  followedCount: number;
  follow: boolean;
  now: string;
}): Effects {
  const { actor, incident, following, followedCount, follow, now } = args;
  if (actor.role === 'customer')
    throw new DomainError(
      'FORBIDDEN',
      'Following incidents is for staff; your cases update by themselves.',
    );
  if (follow === following)
    throw new DomainError(
      'VALIDATION',
      follow ? `You already follow ${incident.number}.` : `You do not follow ${incident.number}.`,
    );
  if (follow && followedCount >= maxFollowed)
    throw new DomainError(
      'VALIDATION',
      `You follow ${maxFollowed} incidents already; unfollow some before following ${incident.number}.`,
    );
  const key = { incidentId: incident.id, userId: actor.id };
  return effects(now, {
    writes: [
      follow
        ? insertRow('incidentFollower', { ...key, since: now })
        : deleteRows('incidentFollower', key, { expectRows: 1 }),
    ],
    events: [
      {
        entity: 'incidentFollower',
        entityId: incident.id,
        kind: follow ? 'followed' : 'unfollowed',
        teamIds: [],
        userIds: [actor.id],
        actorId: actor.id,
      },
    ],
  });
}
