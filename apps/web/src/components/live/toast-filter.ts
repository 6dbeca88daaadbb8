import { type LiveEvent } from '../../server/live/stream';

/**
 * Whether a live event becomes a toast for the viewer: a change someone else made to an incident the
 * change names them among its people for (owner, creator), or that they follow. While the list of
 * followed incidents is still loading (a page just opened), an event not naming them waits for it:
 * deciding at once would drop the toast of a followed incident for good.
 */
export function toastFor(
  e: Pick<LiveEvent, 'entity' | 'entityId' | 'number' | 'actorId' | 'userIds'>,
  viewer: {
    me: number | null | undefined;
    follows: boolean;
    followed: readonly number[] | undefined;
  },
): 'toast' | 'skip' | 'wait' {
  const { me, follows, followed } = viewer;
  if (me == null || e.entity !== 'incident' || !e.number || e.actorId === me) return 'skip';
  if (e.userIds?.includes(me)) return 'toast';
  if (!follows) return 'skip';
  if (followed === undefined) return 'wait';
  return followed.includes(e.entityId) ? 'toast' : 'skip';
}
