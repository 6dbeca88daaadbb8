'use client';

import { api } from '../../trpc/react';

/** The list of incidents the signed-in agent follows (shared by the button and the toasts). */
export const useFollowing = (enabled = true) =>
  api.live.following.useQuery(undefined, { staleTime: Infinity, enabled });

/** Follow / Unfollow on the incident page: a followed incident's changes by others become toasts. */
export function FollowButton({ incidentId }: { incidentId: number }) {
  const utils = api.useUtils();
  const following = useFollowing();
  const set = api.live.follow.useMutation({
    onSuccess: () => void utils.live.following.invalidate(),
  });
  if (!following.data) return null;
  const on = following.data.includes(incidentId);
  return (
    <p className="follow">
      <button
        type="button"
        aria-pressed={on}
        disabled={set.isPending}
        onClick={() => set.mutate({ incidentId, follow: !on })}
      >
        {on ? 'Unfollow' : 'Follow'}
      </button>{' '}
      <span className="muted">
        {on
          ? 'You hear of every change others make to it.'
          : 'Follow to hear of changes others make to it.'}
      </span>
      {set.error ? (
        <span role="alert" className="error">
          {' '}
          {set.error.message}
        </span>
      ) : null}
    </p>
  );
}
