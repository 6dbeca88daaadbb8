'use client';

import { Field, Time } from '@handoff/ui';
import { api } from '../trpc/react';

/**
 * kb 001 step 9 on the incident form: the known outages of the chosen service, and its open problems
 * to link the new incident to (agents who may link only).
 */
export function KnownOutages({
  serviceId,
  canLink,
  problemId,
  onProblem,
  error,
}: {
  serviceId: number | null;
  canLink: boolean;
  problemId: number | null;
  onProblem: (id: number | null) => void;
  error?: string;
}) {
  const known = api.problem.forService.useQuery({ serviceId }, { enabled: serviceId !== null });
  if (serviceId === null || !known.data) return null;
  const { outages, problems } = known.data;
  if (outages.length === 0 && problems.length === 0) return null;
  return (
    <div className="panel known-outages" role="region" aria-label="Known outages and problems">
      {outages.map((o) => (
        <p key={o.id}>
          <strong>
            {o.status === 'active' ? 'Active outage' : 'Planned outage'} {o.number}: {o.title}
          </strong>{' '}
          (since <Time at={o.startAt} />) — {o.publicSummary}
        </p>
      ))}
      {canLink && problems.length ? (
        <Field
          id="problemId"
          label="Link to problem"
          error={error}
          hint="An incident linked to a problem of an active outage is only saved: SNCC resolves it with the outage."
        >
          <select
            id="problemId"
            value={problemId ?? ''}
            onChange={(e) => onProblem(e.target.value ? Number(e.target.value) : null)}
          >
            <option value="">Not linked</option>
            {problems.map((p) => (
              <option key={p.id} value={p.id}>
                {p.number} · {p.title}
                {p.outageNumber ? ` · outage ${p.outageNumber} (${p.outageStatus})` : ''}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
    </div>
  );
}
