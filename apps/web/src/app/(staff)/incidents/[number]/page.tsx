'use client';

import { useParams } from 'next/navigation';
import { Badge, CustomerFlags, ErrorBanner, Loading, ServiceBanner, StatusPill, Time } from '@handoff/ui';
import { AddNoteForm, Journal } from '../../../../components/journal';
import { EditIncidentForm } from '../../../../components/edit-incident-form';
import { IncidentAttachments } from '../../../../components/incident-attachments';
import { IncidentWorkbench } from '../../../../components/incident-workbench';
import { api } from '../../../../trpc/react';

export default function IncidentPage() {
  const { number } = useParams<{ number: string }>();
  const q = api.incident.byNumber.useQuery({ number });
  const services = api.catalog.services.useQuery();
  if (q.isLoading) return <Loading />;
  if (q.error) return <ErrorBanner message={q.error.message} />;
  const d = q.data;
  if (!d || d.audience !== 'staff') return <ErrorBanner message="This incident is not available." />;
  const i = d.incident;
  return (
    <>
      <h1>
        {i.number} <StatusPill status={i.status} />
      </h1>
      <section className="panel">
        <dl className="facts">
          <dt>Customer</dt>
          <dd>
            {d.customer ? (
              <>
                {d.customer.name} ({d.customer.netId}, {d.customer.departmentName ?? 'no department'}){' '}
                <CustomerFlags coned={d.customer.coned} program={d.customer.program} primaryTechPartner={d.customer.primaryTechPartner} />
              </>
            ) : i.channel === 'email' && i.callerEmail ? (
              <>
                <Badge tone="amber" title="The e-mail came from an address no customer record has">
                  Unmatched sender
                </Badge>{' '}
                <span className="muted">{i.callerEmail} is not a known customer: match the customer in Edit incident.</span>
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
            {d.serviceName} › {d.serviceCategory} › {d.serviceSubcategory} <ServiceBanner banner={d.serviceBanner} />
          </dd>
          <dt>Owner</dt>
          <dd>
            {d.ownerTeamName} · {d.ownerAgentName ?? 'no agent'}
          </dd>
          <dt>Classification</dt>
          <dd>{i.classification ?? '—'}</dd>
          <dt>Computer</dt>
          <dd>{i.computerName ?? '—'}</dd>
          <dt>Created</dt>
          <dd>
            <Time at={i.createdAt} /> · updated <Time at={i.updatedAt} /> · version {i.version}
          </dd>
          <dt>Description</dt>
          <dd style={{ whiteSpace: 'pre-wrap' }}>{i.description}</dd>
        </dl>
      </section>
      <IncidentAttachments incidentId={i.id} />
      <IncidentWorkbench incident={i} onChanged={() => void q.refetch()} />
      {d.canEdit ? <EditIncidentForm incident={i} services={services.data ?? []} onSaved={() => void q.refetch()} /> : null}
      <h2>Journal</h2>
      <section className="panel">
        <AddNoteForm incidentId={i.id} allowInternal={d.canAddInternalNote} onAdded={() => void q.refetch()} />
      </section>
      <Journal entries={d.journal} />
      <h2>History</h2>
      {d.audit.length === 0 ? (
        <p className="empty">No changes yet.</p>
      ) : (
        <table aria-label="History">
          <thead>
            <tr>
              <th>When</th>
              <th>Who</th>
              <th>Field</th>
              <th>From</th>
              <th>To</th>
            </tr>
          </thead>
          <tbody>
            {d.audit.map((a) => (
              <tr key={a.id}>
                <td>
                  <Time at={a.at} />
                </td>
                <td>{a.actorName ?? 'system'}</td>
                <td>{a.field}</td>
                <td>{a.fromValue ?? '—'}</td>
                <td>{a.toValue ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
