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
    <table aria-label={label}>
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
            <td>
              <Link href={`/problems/${p.number}`}>{p.number}</Link>{' '}
              {p.status === 'resolved' ? <Badge tone="green">Resolved</Badge> : null}
            </td>
            <td>{p.title}</td>
            <td>{p.serviceName}</td>
            <td>{p.ownerTeamName}</td>
            <td>
              {p.outageNumber ? (
                `${p.outageNumber} (${p.outageStatus})`
              ) : (
                <span className="muted">—</span>
              )}
            </td>
            <td>
              {p.incidentCount} ({p.openIncidentCount})
            </td>
            <td>
              <Time at={p.firstSeenAt} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
