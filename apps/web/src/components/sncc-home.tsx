'use client';

import Link from 'next/link';
import { EmptyState, ErrorBanner, Loading, Time } from '@handoff/ui';
import { api } from '../trpc/react';
import { ProblemTable } from './problem-table';

/** SNCC's home (kb 001 steps 7, 10, 11): the open problems SNCC teams own, and the outages running or planned. */
export function SnccHome() {
  const problems = api.problem.list.useQuery({ view: 'sncc' });
  const board = api.outage.board.useQuery();
  const outages = [...(board.data?.active ?? []), ...(board.data?.planned ?? [])];
  return (
    <>
      <h2>Problems owned by SNCC</h2>
      <ErrorBanner message={problems.error?.message ?? board.error?.message} />
      {problems.isLoading ? (
        <Loading />
      ) : (
        <ProblemTable
          rows={problems.data ?? []}
          empty="No open problem is owned by SNCC-Sysops or SNCC-Network."
          label="SNCC problems"
        />
      )}
      <h2>Active and planned outages</h2>
      {board.isLoading ? (
        <Loading />
      ) : outages.length ? (
        <table className="cards" aria-label="Active outages">
          <thead>
            <tr>
              <th>Outage</th>
              <th>Status</th>
              <th>Services</th>
              <th>Start</th>
              <th>Expected end</th>
              <th>Owner</th>
            </tr>
          </thead>
          <tbody>
            {outages.map((o) => (
              <tr key={o.id}>
                <td data-label="Outage">
                  {o.number} · {o.title}
                  <div className="muted">{o.publicSummary}</div>
                </td>
                <td data-label="Status">{o.status}</td>
                <td data-label="Services">{o.services.map((s) => s.name).join(', ')}</td>
                <td data-label="Start">
                  <Time at={o.startAt} />
                </td>
                <td data-label="Expected end">
                  {o.expectedEndAt ? <Time at={o.expectedEndAt} /> : '—'}
                </td>
                <td data-label="Owner">{o.ownerTeamName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <EmptyState>No active or planned outage.</EmptyState>
      )}
      <p>
        <Link href="/outages">Declare, update or resolve outages</Link>
      </p>
    </>
  );
}
