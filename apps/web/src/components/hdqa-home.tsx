'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { EmptyState, ErrorBanner, Loading, StatusPill, Time } from '@handoff/ui';
import { api, type RouterOutputs } from '../trpc/react';
import { ProblemTable } from './problem-table';

type Row = RouterOutputs['alert']['unlinkedByService'][number]['incidents'][number];

function IncidentRows({
  rows,
  selected,
  onToggle,
}: {
  rows: Row[];
  selected?: Set<number>;
  onToggle?: (id: number) => void;
}) {
  return (
    <table className="cards">
      <thead>
        <tr>
          {onToggle ? <th>Pick</th> : null}
          <th>Number</th>
          <th>Customer</th>
          <th>Description</th>
          <th>Status</th>
          <th>Created</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            {onToggle ? (
              <td data-label="Pick">
                <input
                  type="checkbox"
                  aria-label={`Pick ${r.number}`}
                  checked={selected?.has(r.id) ?? false}
                  onChange={() => onToggle(r.id)}
                />
              </td>
            ) : null}
            <td data-label="Number">
              <Link href={`/incidents/${r.number}`}>{r.number}</Link>
            </td>
            <td data-label="Customer">{r.customerName ?? r.callerName}</td>
            <td className="muted" data-label="Description">
              {r.description.slice(0, 80)}
            </td>
            <td data-label="Status">
              <StatusPill status={r.status} />
            </td>
            <td data-label="Created">
              <Time at={r.createdAt} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Creates a problem from incidents (kb 001 step 5) and opens it, where HDQA assigns it to SNCC. */
function useCreateProblem() {
  const router = useRouter();
  const create = api.problem.create.useMutation({
    onSuccess: (p) => router.push(`/problems/${p.number}`),
  });
  return create;
}

/**
 * HDQA's home (kb 001 steps 1–8): potential-outage alerts with one-click "Create problem from these",
 * open incidents no problem holds yet by service, and the open problems.
 */
export function HdqaHome() {
  const alerts = api.alert.potentialOutages.useQuery();
  const unlinked = api.alert.unlinkedByService.useQuery();
  const problems = api.problem.list.useQuery({ view: 'open' });
  const create = useCreateProblem();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const toggle = (id: number) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const settings = alerts.data?.settings;
  return (
    <>
      <h2>Potential outages</h2>
      <ErrorBanner message={alerts.error?.message ?? create.error?.message} />
      {alerts.isLoading ? (
        <Loading />
      ) : alerts.data?.alerts.length ? (
        alerts.data.alerts.map((a) => (
          <section
            key={`${a.serviceId}-${a.firstAt}`}
            className="panel alert"
            role="region"
            aria-label={`Potential outage: ${a.serviceName}`}
          >
            <p>
              <strong>
                {a.incidents.length} incidents on {a.serviceName}
              </strong>{' '}
              between <Time at={a.firstAt} /> and <Time at={a.lastAt} />, none linked to a problem.
              Check the <Link href="/outages">outages page</Link> and confirm with SNCC.
            </p>
            <IncidentRows rows={a.incidents} />
            <div className="actions">
              <button
                type="button"
                className="primary"
                disabled={create.isPending}
                onClick={() => create.mutate({ incidentIds: a.incidents.map((i) => i.id) })}
              >
                Create problem from these
              </button>
            </div>
          </section>
        ))
      ) : (
        <EmptyState>
          No potential outage: no service has {settings?.minIncidents ?? 3} or more unlinked
          incidents within {settings?.windowMinutes ?? 30} minutes.
        </EmptyState>
      )}

      <h2>Unlinked incidents by service</h2>
      <p className="muted">Open incidents of the last 7 days that no problem holds yet.</p>
      {unlinked.isLoading ? (
        <Loading />
      ) : unlinked.data?.length ? (
        <>
          {unlinked.data.map((g) => (
            <details key={g.serviceName} className="panel" open={g.incidents.length > 1}>
              <summary>
                {g.serviceName} ({g.incidents.length})
              </summary>
              <IncidentRows rows={g.incidents} selected={selected} onToggle={toggle} />
            </details>
          ))}
          <div className="actions">
            <button
              type="button"
              disabled={selected.size === 0 || create.isPending}
              onClick={() => create.mutate({ incidentIds: [...selected] })}
            >
              Create problem from {selected.size || 'the'} selected
            </button>
          </div>
        </>
      ) : (
        <EmptyState>
          Every open incident of the last week is linked to a problem, or there is none.
        </EmptyState>
      )}

      <h2>Open problems</h2>
      {problems.isLoading ? (
        <Loading />
      ) : (
        <ProblemTable rows={problems.data ?? []} empty="No open problem." label="Open problems" />
      )}
    </>
  );
}
