'use client';

import { Loading, Time } from '@handoff/ui';
import { api } from '../../trpc/react';

/** "Is this already known?": the current outages of a service (or of my open cases' services). */
export function KnownOutages({ serviceId, emptyText }: { serviceId?: number; emptyText: string }) {
  const q = api.case.knownOutages.useQuery({ serviceId });
  if (q.isLoading) return <Loading label="Checking for known outages…" />;
  if (q.error) return <p className="muted">We could not check for known outages right now.</p>;
  const outages = q.data ?? [];
  if (outages.length === 0)
    return (
      <p className="muted" data-testid="no-known-outages">
        {emptyText}
      </p>
    );
  return (
    <ul aria-label="Known outages" style={{ listStyle: 'none', padding: 0 }}>
      {outages.map((o) => (
        <li key={o.number} className="outage">
          <strong>
            {o.number} · {o.status === 'active' ? 'Active outage' : 'Planned work in progress'}
          </strong>
          <div>{o.summary}</div>
          <div className="muted">
            {o.startsAt ? (
              <>
                Since <Time at={o.startsAt} />
              </>
            ) : null}
            {o.expectedEndAt ? (
              <>
                {' '}
                · expected to end <Time at={o.expectedEndAt} />
              </>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
