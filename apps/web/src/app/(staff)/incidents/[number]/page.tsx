'use client';

import { FollowButton } from '../../../../components/live/follow-button';
import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useParams } from 'next/navigation';
import { useEffect } from 'react';
import {
  Badge,
  CustomerFlags,
  ErrorBanner,
  Loading,
  ServiceBanner,
  StatusPill,
  Time,
} from '@handoff/ui';
import { AddNoteForm, JournalFeed } from '../../../../components/journal';
import { TpReviewPanel } from '../../../../components/tp-review-panel';
import { EditIncidentForm } from '../../../../components/edit-incident-form';
import { IncidentAttachments } from '../../../../components/incident-attachments';
import { IncidentWorkbench } from '../../../../components/incident-workbench';
import { api } from '../../../../trpc/react';
import { AuditHistory } from '../../../../components/audit-history';
import { IncidentFollow } from '../../../../components/live/incident-follow';
import { IncidentClocks } from '../../../../components/incident-clocks';

// Only a channel partner's ticket shows these: other incidents do not load them (issue 16 page weight).
const PartnerPanel = dynamic(() =>
  import('../../../../components/partner-panel').then((m) => m.PartnerPanel),
);
const PartnerCommentForm = dynamic(() =>
  import('../../../../components/partner-panel').then((m) => m.PartnerCommentForm),
);

export default function IncidentPage() {
  const { number } = useParams<{ number: string }>();
  const q = api.incident.byNumber.useQuery({ number });
  const services = api.catalog.services.useQuery();
  const staffIncidentId = q.data?.audience === 'staff' ? q.data.incident.id : undefined;
  // Channel-partner tickets (kb 003) get the partner panel instead of the help-desk routing workbench.
  const partner = api.partner.forIncident.useQuery(
    { incidentId: staffIncidentId ?? 0 },
    { enabled: staffIncidentId !== undefined },
  );
  // Both refetch on live changes; if the panel's facts moved ahead of the incident, reload the incident too.
  const staleVersion =
    partner.data &&
    q.data?.audience === 'staff' &&
    partner.data.version !== q.data.incident.version;
  const refetchIncident = q.refetch;
  useEffect(() => {
    if (staleVersion) void refetchIncident();
  }, [staleVersion, refetchIncident]);
  const refetchAll = () => {
    void q.refetch();
    void partner.refetch();
  };
  if (q.isLoading) return <Loading />;
  if (q.error) return <ErrorBanner message={q.error.message} />;
  const d = q.data;
  if (!d || d.audience !== 'staff')
    return <ErrorBanner message="This incident is not available." />;
  const i = d.incident;
  return (
    <>
      <h1>
        {i.number} <StatusPill status={i.status} />
      </h1>
      <IncidentFollow incidentId={i.id} />
      <FollowButton incidentId={i.id} />
      {(d.problem?.outage?.status === 'active' || d.problem?.outage?.status === 'planned') &&
      i.status !== 'resolved' &&
      i.status !== 'closed' ? (
        <div className="outage-banner" role="note" aria-label="Outage procedure">
          Outage procedure (kb 001): {i.number} is attached to {d.problem.outage.status} outage{' '}
          {d.problem.outage.number} ({d.problem.outage.title}) through {d.problem.number}. Save the
          incident; do not resolve it or escalate it — SNCC resolves it with the outage.
        </div>
      ) : null}
      <section className="panel">
        <dl className="facts">
          <dt>Customer</dt>
          <dd>
            {d.customer ? (
              <>
                {d.customer.name} ({d.customer.netId},{' '}
                {d.customer.departmentName ?? 'no department'}){' '}
                <CustomerFlags
                  coned={d.customer.coned}
                  program={d.customer.program}
                  primaryTechPartner={d.customer.primaryTechPartner}
                />
              </>
            ) : i.channel === 'email' && i.callerEmail ? (
              <>
                <Badge tone="amber" title="The e-mail came from an address no customer record has">
                  Unmatched sender
                </Badge>{' '}
                <span className="muted">
                  {i.callerEmail} is not a known customer: match the customer in Edit incident.
                </span>
              </>
            ) : (
              <span className="muted">Not matched to a customer</span>
            )}
          </dd>
          <dt>Caller</dt>
          <dd>
            {i.callerName} · {i.callerPhone ?? 'no phone'} · {i.callerEmail ?? 'no e-mail'}
          </dd>
          <dt>Channel</dt>
          <dd>{i.channel}</dd>
          <dt>Service</dt>
          <dd>
            {d.serviceName} › {d.serviceCategory} › {d.serviceSubcategory}{' '}
            <ServiceBanner banner={d.serviceBanner} />
          </dd>
          <dt>Owner</dt>
          <dd>
            {d.ownerTeamName} · {d.ownerAgentName ?? 'no agent'}
          </dd>
          <dt>Classification</dt>
          <dd>{i.classification ?? '—'}</dd>
          <dt>Problem</dt>
          <dd data-testid="incident-problem">
            {d.problem ? (
              <>
                <Link href={`/problems/${d.problem.number}`}>{d.problem.number}</Link> ·{' '}
                {d.problem.title}
                {d.problem.outage
                  ? ` · outage ${d.problem.outage.number} (${d.problem.outage.status})`
                  : ''}
              </>
            ) : (
              <span className="muted">Not linked</span>
            )}
          </dd>
          <dt>Computer</dt>
          <dd>{i.computerName ?? '—'}</dd>
          <dt>Created</dt>
          <dd>
            <Time at={i.createdAt} /> · updated <Time at={i.updatedAt} /> · version {i.version}
          </dd>
          <dt>Description</dt>
          <dd style={{ whiteSpace: 'pre-wrap' }}>{i.description}</dd>
          {i.peopleAffected !== null ? (
            <>
              <dt>People affected</dt>
              <dd>{i.peopleAffected}</dd>
            </>
          ) : null}
        </dl>
      </section>
      <IncidentClocks incidentId={i.id} />
      <IncidentAttachments incidentId={i.id} />
      {d.tpReview ? <TpReviewPanel review={d.tpReview} /> : null}
      {partner.isLoading ? <Loading /> : null}
      <ErrorBanner message={partner.error?.message} />
      {partner.data ? (
        <PartnerPanel incident={i} facts={partner.data} onChanged={refetchAll} />
      ) : null}
      {partner.data === null ? (
        <IncidentWorkbench incident={i} onChanged={() => void q.refetch()} />
      ) : null}
      {d.canEdit ? (
        <EditIncidentForm
          customer={d.customer}
          incident={i}
          services={services.data ?? []}
          onSaved={() => void q.refetch()}
        />
      ) : null}
      <h2>Journal</h2>
      <section className="panel">
        {partner.data ? (
          <PartnerCommentForm incidentId={i.id} facts={partner.data} onAdded={refetchAll} />
        ) : (
          <AddNoteForm
            incidentId={i.id}
            allowInternal={d.canAddInternalNote}
            onAdded={() => void q.refetch()}
          />
        )}
      </section>
      <JournalFeed incidentId={i.id} latestId={d.journal[0]?.id ?? null} />
      <h2>History</h2>
      <AuditHistory rows={d.audit} />
    </>
  );
}
