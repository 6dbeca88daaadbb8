'use client';

import Link from 'next/link';
import { age, CustomerFlags, EmptyState, ServiceBanner, StatusPill } from '@handoff/ui';
import { type RouterOutputs } from '../trpc/react';
import { NextPromise } from './promises';
import { RowViewerMarker } from './live/viewer-marker';

type Row = RouterOutputs['queue']['list']['items'][number];

/** The staff incident list used by "My open incidents" and the team queues. */
export function IncidentTable({
  rows,
  now,
  empty,
  onTake,
  canTake,
  takeLabel = 'Take ownership',
}: {
  rows: Row[];
  now: number;
  empty: string;
  /** Queue pages offer Take ownership from the row. */
  onTake?: (row: Row) => void;
  canTake?: (row: Row) => boolean;
  /** The row button's words: channel-partner queues Claim or Pull instead (kb 003). */
  takeLabel?: string;
}) {
  if (rows.length === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <table className="cards">
      <thead>
        <tr>
          <th>Number</th>
          <th>Customer</th>
          <th>Service</th>
          <th>Status</th>
          <th>Owner</th>
          <th>Age</th>
          <th>Promise</th>
          {onTake ? <th>Action</th> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <td data-label="Number">
              <Link href={`/incidents/${r.number}`}>{r.number}</Link>{' '}
              <RowViewerMarker incidentId={r.id} />
            </td>
            <td data-label="Customer">
              {r.customerName ?? r.callerName}{' '}
              <CustomerFlags
                coned={r.customerConed}
                program={r.customerProgram}
                primaryTechPartner={r.customerPrimaryTechPartner}
              />
            </td>
            <td data-label="Service">
              {r.serviceName} <ServiceBanner banner={r.serviceBanner} />
              <div className="muted">{r.description.slice(0, 80)}</div>
            </td>
            <td data-label="Status">
              <StatusPill status={r.status} />
            </td>
            <td data-label="Owner">
              {r.ownerTeamName}
              <div className="muted">{r.ownerAgentName ?? 'No agent'}</div>
            </td>
            <td data-label="Age">{age(r.createdAt, now)}</td>
            <td data-label="Promise">
              <NextPromise promises={r.promises} now={now} />
            </td>
            {onTake ? (
              <td data-label="Action">
                <button
                  type="button"
                  disabled={canTake ? !canTake(r) : false}
                  onClick={() => onTake(r)}
                >
                  {takeLabel}
                </button>
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
