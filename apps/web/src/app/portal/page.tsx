'use client';

import Link from 'next/link';
import { EmptyState, ErrorBanner, Loading, LoadMore, StatusPill, Time } from '@handoff/ui';
import { KnownOutages } from '../../components/portal/known-outages';
import { homeIntros } from '../../components/home-titles';
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
      <p className="home-intro">{homeIntros.customer}</p>
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
        <EmptyState>You have no cases with the help desk. Start one with New case.</EmptyState>
      ) : (
        <table className="cards" aria-label="My cases">
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
                <td data-label="Case">
                  <Link href={`/portal/incidents/${r.number}`}>{r.number}</Link>
                  <div className="muted">{r.description.slice(0, 80)}</div>
                </td>
                <td data-label="Service">{r.serviceName}</td>
                <td data-label="Status">
                  <StatusPill status={r.status} />
                  {r.status === 'pending_customer' ? (
                    <div className="muted">Waiting for your answer</div>
                  ) : null}
                </td>
                <td data-label="With">{r.ownerTeamName}</td>
                <td data-label="Opened">
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
