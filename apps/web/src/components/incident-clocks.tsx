'use client';

import { Badge, ErrorBanner, Time } from '@handoff/ui';
import { api } from '../trpc/react';
import { useNow } from './promises';

const hours = (ms: number): string => {
  const mins = Math.round(Math.abs(ms) / 60_000);
  const text = mins < 60 ? `${mins} min` : `${Math.floor(mins / 60)} h ${mins % 60} min`;
  return ms < 0 ? `-${text}` : text;
};

/**
 * An incident's SLA clocks (issue 18): target, business time used, paused, at risk, breached. No
 * polling (issue 17): a change to the incident or its clocks, and each 75% and breach warning the
 * server commits, refetch them over the live connection; between those the page's own clock turns a
 * running clock past its due time to breached, and the times used and left say when they were read.
 */
export function IncidentClocks({ incidentId }: { incidentId: number }) {
  const q = api.sla.clocks.useQuery({ incidentId });
  const now = useNow();
  if (q.error) return <ErrorBanner message={q.error.message} />;
  if (!q.data?.length) return null;
  const due = (c: { state: string; dueAt: string | null }) =>
    c.state !== 'stopped' && c.state !== 'paused' && c.dueAt !== null && Date.parse(c.dueAt) <= now;
  return (
    <section className="panel" aria-label="SLA clocks">
      <h2>SLA clocks</h2>
      <p className="muted">
        Business time as of <Time at={new Date(q.dataUpdatedAt).toISOString()} />.
      </p>
      <table aria-label="SLA clocks">
        <thead>
          <tr>
            <th>Clock</th>
            <th>Team</th>
            <th>Target</th>
            <th>Business time used</th>
            <th>Left</th>
            <th>Due</th>
            <th>State</th>
          </tr>
        </thead>
        <tbody>
          {q.data.map((c) => (
            <tr key={c.id} data-testid="sla-clock">
              <td>
                {c.label}
                {c.cycle > 1 ? ` (${c.cycle})` : ''}
              </td>
              <td>{c.teamName}</td>
              <td>{c.target}</td>
              <td>
                {hours(c.usedMs)} ({Math.round(c.fraction * 100)}%)
              </td>
              <td>{c.state === 'stopped' ? '—' : hours(c.remainingMs)}</td>
              <td>{c.dueAt ? <Time at={c.dueAt} /> : <span className="muted">paused</span>}</td>
              <td>
                {c.state === 'stopped' ? (
                  <Badge
                    tone={
                      c.outcome === 'breached' ? 'red' : c.outcome === 'met' ? 'green' : 'neutral'
                    }
                  >
                    {c.outcome === 'handed_off' ? 'handed off' : c.outcome}
                  </Badge>
                ) : c.breached || due(c) ? (
                  <Badge tone="red">breached</Badge>
                ) : c.state === 'paused' ? (
                  <Badge tone="blue" title="Waiting on the customer">
                    paused
                  </Badge>
                ) : c.atRisk ? (
                  <Badge tone="amber">at risk</Badge>
                ) : (
                  <Badge tone="neutral">running</Badge>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
