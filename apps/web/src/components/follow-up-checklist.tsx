'use client';

import { ErrorBanner } from '@handoff/ui';
import { api } from '../trpc/react';

/**
 * What is left to do after a step (kb 000 "Bomgar Chats": reply "assigned case to CPS." in the CPS
 * chat channel): each item is ticked once done, and the tick is journaled.
 */
export function FollowUpChecklist({
  incidentId,
  onChanged,
}: {
  incidentId: number;
  onChanged: () => void;
}) {
  const utils = api.useUtils();
  const items = api.consult.followUps.useQuery({ incidentId });
  const tick = api.consult.tickFollowUp.useMutation({
    onSuccess: () => {
      void utils.consult.followUps.invalidate({ incidentId });
      onChanged();
    },
  });
  if (!items.data || items.data.length === 0) return null;
  return (
    <section className="panel" aria-label="Follow-ups">
      <h2 style={{ marginTop: 0 }}>Still to do</h2>
      <ErrorBanner message={tick.error?.message} />
      <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {items.data.map((item) => (
          <li key={item.id}>
            <label>
              <input
                type="checkbox"
                checked={false}
                disabled={tick.isPending}
                onChange={() => tick.mutate({ incidentId, followUp: item.id })}
              />{' '}
              {item.text}
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}
