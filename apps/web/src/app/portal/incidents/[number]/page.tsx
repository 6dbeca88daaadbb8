'use client';

import { useParams } from 'next/navigation';
import { ErrorBanner, Loading, StatusPill, Time } from '@handoff/ui';
import { AttachmentList } from '../../../../components/attachment-list';
import { JournalFeed } from '../../../../components/journal';
import { PortalNoteForm } from '../../../../components/portal/portal-note-form';
import { api } from '../../../../trpc/react';

export default function PortalCasePage() {
  const { number } = useParams<{ number: string }>();
  const q = api.incident.byNumber.useQuery({ number });
  if (q.isLoading) return <Loading />;
  if (q.error) return <ErrorBanner message={q.error.message} />;
  const d = q.data;
  if (!d || d.audience !== 'customer') return <ErrorBanner message="This case is not available." />;
  const { state } = d;
  const closed = d.incident.status === 'closed';
  return (
    <>
      <h1>
        {d.incident.number} <StatusPill status={d.incident.status} />
      </h1>
      {state.waitingForYou ? (
        <div className="notice" role="status" data-testid="waiting-for-you">
          The Help Desk asked you a question (see the updates below). Answer it by adding a note;
          your case then goes back to them.
        </div>
      ) : null}
      {state.escalatedToTechnologists ? (
        <div className="notice" role="status" data-testid="escalated">
          Escalated to DoIT technologists.
          {state.respondBy ? (
            <>
              {' '}
              They respond by <Time at={state.respondBy} />.
            </>
          ) : null}
        </div>
      ) : null}
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
          <dt>Contact</dt>
          <dd>
            {d.incident.preferredContact === 'phone'
              ? `Phone ${d.incident.callerPhone ?? ''}`
              : `E-mail ${d.incident.callerEmail ?? ''}`}
          </dd>
          {d.incident.peopleAffected !== null ? (
            <>
              <dt>People affected</dt>
              <dd>{d.incident.peopleAffected}</dd>
            </>
          ) : null}
          <dt>Description</dt>
          <dd style={{ whiteSpace: 'pre-wrap' }}>{d.incident.description}</dd>
        </dl>
        <AttachmentList attachments={d.attachments} />
      </section>
      <h2>Updates</h2>
      {closed ? null : (
        <section className="panel">
          <PortalNoteForm
            incidentId={d.incident.id}
            answering={state.waitingForYou}
            askPeopleAffected={
              !d.isPartnerTicket && (state.waitingForYou || d.incident.peopleAffected === null)
            }
            onAdded={() => void q.refetch()}
          />
        </section>
      )}
      <JournalFeed incidentId={d.incident.id} latestId={d.journal[0]?.id ?? null} />
    </>
  );
}
