'use client';

import { useParams } from 'next/navigation';
import { ErrorBanner, Loading, StatusPill, Time } from '@handoff/ui';
import { AddNoteForm, Journal } from '../../../../components/journal';
import { api } from '../../../../trpc/react';

export default function PortalCasePage() {
  const { number } = useParams<{ number: string }>();
  const q = api.incident.byNumber.useQuery({ number });
  if (q.isLoading) return <Loading />;
  if (q.error) return <ErrorBanner message={q.error.message} />;
  const d = q.data;
  if (!d || d.audience !== 'customer') return <ErrorBanner message="This case is not available." />;
  return (
    <>
      <h1>
        {d.incident.number} <StatusPill status={d.incident.status} />
      </h1>
      <section className="panel">
        <dl className="facts">
          <dt>Service</dt>
          <dd>
            {d.serviceName} › {d.serviceCategory} › {d.serviceSubcategory}
          </dd>
          <dt>With</dt>
          <dd>{d.ownerTeamName}</dd>
          <dt>Opened</dt>
          <dd>
            <Time at={d.incident.createdAt} />
          </dd>
          <dt>Description</dt>
          <dd style={{ whiteSpace: 'pre-wrap' }}>{d.incident.description}</dd>
        </dl>
      </section>
      <h2>Updates</h2>
      <section className="panel">
        <AddNoteForm incidentId={d.incident.id} allowInternal={false} onAdded={() => void q.refetch()} />
      </section>
      <Journal entries={d.journal} />
    </>
  );
}
