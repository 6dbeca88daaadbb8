import Link from 'next/link';
import { Badge, EmptyState, Time } from '@handoff/ui';
import { type RouterOutputs } from '../trpc/react';

type Row = RouterOutputs['problem']['list'][number];

/** Problems with their service, owner, outage and linked incidents (HDQA and SNCC homes, the problems page). */
export function ProblemTable({
  rows,
  empty,
  label = 'Problems',
}: {
  rows: Row[];
  empty: string;
  label?: string;
}) {
  if (rows.length === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <table className="cards" aria-label={label}>
      <thead>
        <tr>
          <th>Number</th>
          <th>Title</th>
          <th>Service</th>
          <th>Owner</th>
          <th>Outage</th>
          <th>Incidents (open)</th>
          <th>First seen</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((p) => (
          <tr key={p.id}>
            <td data-label="Number">
              <Link href={`/problems/${p.number}`}>{p.number}</Link>{' '}
              {p.status === 'resolved' ? <Badge tone="green">Resolved</Badge> : null}
            </td>
            <td data-label="Title">{p.title}</td>
            <td data-label="Service">{p.serviceName}</td>
            <td data-label="Owner">{p.ownerTeamName}</td>
            <td data-label="Outage">
              {p.outageNumber ? (
                `${p.outageNumber} (${p.outageStatus})`
              ) : (
                <span className="muted">—</span>
              )}
            </td>
            <td data-label="Incidents (open)">
              {p.incidentCount} ({p.openIncidentCount})
            </td>
            <td data-label="First seen">
              <Time at={p.firstSeenAt} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
