'use client';

import { api } from '../trpc/react';

const labels = { ready: 'Ready', not_ready: 'Not ready', busy: 'Busy' } as const;

/** CPS and ES agents' presence, set from the header. */
export function PresenceToggle() {
  const utils = api.useUtils();
  const mine = api.presence.mine.useQuery();
  const set = api.presence.set.useMutation({ onSuccess: () => void utils.presence.invalidate() });
  return (
    <label className="presence">
      <span>Presence</span>{' '}
      <select
        aria-label="Presence"
        value={mine.data?.presence ?? 'not_ready'}
        disabled={set.isPending || mine.isLoading}
        onChange={(e) => set.mutate({ presence: e.target.value as keyof typeof labels })}
      >
        {Object.entries(labels).map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
}
