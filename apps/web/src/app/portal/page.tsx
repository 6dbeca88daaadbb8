'use client';

import Link from 'next/link';
import { EmptyState, ErrorBanner, Loading, LoadMore, StatusPill, Time } from '@handoff/ui';
import { KnownOutages } from '../../components/portal/known-outages';
import { api } from '../../trpc/react';

export default function PortalHome() {
  const cases = api.incident.myCases.useInfiniteQuery(
    { limit: 25 },
    { getNextPageParam: (p) => p.nextCursor },
  );
  const partner = api.partner.myOrganisation.useQuery();
  const rows = cases.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <h1>Help Online: my cases</h1>
      <div className="actions">
        <Link className="button primary" href="/portal/new">
          New case
        </Link>
      </div>
      <section className="panel" aria-label="Known outages for my services">
        <h2 style={{ marginTop: 0 }}>Known outages for my services</h2>
        <KnownOutages emptyText="No known outages affect the services of your open cases." />
      </section>
      {partner.data?.organisation ? (
        <div className="actions">
          <Link className="button primary" href="/portal/tickets/new">
            Submit a ticket to {partner.data.organisation.partnerTeamName}
          </Link>
        </div>
      ) : null}
      <ErrorBanner message={cases.error?.message} />
      {cases.isLoading ? (
        <Loading />
      ) : rows.length === 0 ? (
        <EmptyState>You have no cases with the help desk.</EmptyState>
      ) : (
        <table aria-label="My cases">
          <thead>
            <tr>
              <th>Case</th>
              <th>Service</th>
              <th>Status</th>
              <th>With</th>
              <th>Opened</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link href={`/portal/incidents/${r.number}`}>{r.number}</Link>
                  <div className="muted">{r.description.slice(0, 80)}</div>
                </td>
                <td>{r.serviceName}</td>
                <td>
                  <StatusPill status={r.status} />
                  {r.status === 'pending_customer' ? (
                    <div className="muted">Waiting for your answer</div>
                  ) : null}
                </td>
                <td>{r.ownerTeamName}</td>
                <td>
                  <Time at={r.createdAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <LoadMore list={cases} />
    </>
  );
}
