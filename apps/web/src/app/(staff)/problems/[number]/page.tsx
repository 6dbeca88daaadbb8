'use client';

import Link from 'next/link';
import { useParams } from 'next/navigation';
import { useState } from 'react';
import { can } from '@handoff/domain';
import { Badge, ErrorBanner, Loading, StatusPill, Time } from '@handoff/ui';
import { IncidentTable } from '../../../../components/incident-table';
import { Journal } from '../../../../components/journal';
import {
  AssignProblem,
  LinkIncidents,
  LinkOutage,
  ResolveProblem,
} from '../../../../components/problem-actions';
import { ProblemEditForm } from '../../../../components/problem-edit-form';
import { QueuedMessages } from '../../../../components/queued-messages';
import { ResolveAttached } from '../../../../components/resolve-attached';
import { api } from '../../../../trpc/react';
import { AuditHistory } from '../../../../components/audit-history';

/** The problem page (kb 001 steps 5–11): fields, owner, outage, linked incidents, queued e-mails, journal, audit. */
export default function ProblemPage() {
  const { number } = useParams<{ number: string }>();
  const me = api.me.get.useQuery();
  const q = api.problem.byNumber.useQuery({ number });
  const services = api.catalog.services.useQuery();
  const utils = api.useUtils();
  const [editing, setEditing] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  if (q.isLoading || me.isLoading) return <Loading />;
  if (q.error) return <ErrorBanner message={q.error.message} />;
  if (!q.data || !me.data) return null;
  const d = q.data;
  const p = d.problem;
  const role = me.data.role;
  const changed = (message: string) => {
    setDone(message);
    setEditing(false);
    void utils.invalidate();
  };
  const allowed = (reason: string | null, action: Parameters<typeof can>[1]) =>
    can(role, action) && reason === null;
  return (
    <>
      <h1>
        {p.number}{' '}
        <Badge tone={p.status === 'open' ? 'amber' : 'green'}>
          {p.status === 'open' ? 'Open' : 'Resolved'}
        </Badge>
      </h1>
      <p style={{ fontSize: '1.1rem' }}>{p.title}</p>
      {done ? (
        <div className="ok-banner" role="status">
          {done}
        </div>
      ) : null}
      {editing ? (
        <ProblemEditForm
          problem={p}
          services={services.data ?? []}
          onSaved={() => changed('Identify & Classify saved.')}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <section className="panel" aria-label="Identify and Classify">
          <dl className="facts">
            <dt>Service</dt>
            <dd>
              {d.serviceName} › {d.serviceCategory} › {d.serviceSubcategory}
            </dd>
            <dt>Category</dt>
            <dd>{p.category}</dd>
            <dt>Impact</dt>
            <dd data-testid="problem-impact">
              {p.impact}{' '}
              <span className="muted">
                (linked now: {d.incidents.length} incident{d.incidents.length === 1 ? '' : 's'})
              </span>
            </dd>
            <dt>First seen</dt>
            <dd>
              <Time at={p.firstSeenAt} />
            </dd>
            <dt>Symptoms</dt>
            <dd style={{ whiteSpace: 'pre-wrap' }}>{p.symptoms}</dd>
            <dt>Owned by</dt>
            <dd data-testid="problem-owner">{d.ownerTeamName}</dd>
            <dt>Outage</dt>
            <dd data-testid="problem-outage">
              {d.outage ? (
                <>
                  {d.outage.number} · {d.outage.title} <StatusPill status={d.outage.status} />{' '}
                  <Link href="/outages">outages page</Link>
                </>
              ) : (
                <span className="muted">Not linked to an outage</span>
              )}
            </dd>
            <dt>Created</dt>
            <dd>
              <Time at={p.createdAt} /> · version {p.version}
            </dd>
          </dl>
          {allowed(d.can.edit, 'problem.edit') ? (
            <div className="actions">
              <button type="button" onClick={() => setEditing(true)}>
                Edit Identify &amp; Classify
              </button>
            </div>
          ) : null}
        </section>
      )}
      {p.status === 'open' ? (
        <section className="panel" aria-label="Problem actions">
          {allowed(d.can.assign, 'problem.assign') ? (
            <AssignProblem
              problemId={p.id}
              version={p.version}
              ownerTeamId={p.ownerTeamId}
              onDone={changed}
            />
          ) : null}
          {allowed(d.can.linkOutage, 'problem.linkOutage') ? (
            <LinkOutage problemId={p.id} version={p.version} onDone={changed} />
          ) : null}
          {can(role, 'problem.resolveAttached') ? (
            <div className="actions">
              <ResolveAttached
                problemId={p.id}
                problemNumber={p.number}
                version={p.version}
                preview={d.preview}
                disabledReason={d.can.resolveAttached}
                onDone={changed}
              />
            </div>
          ) : null}
          {can(role, 'problem.resolve') ? (
            <ResolveProblem
              problemId={p.id}
              version={p.version}
              disabledReason={d.can.resolve}
              onDone={changed}
            />
          ) : null}
        </section>
      ) : null}
      <h2>Linked incidents ({d.incidents.length})</h2>
      {allowed(d.can.linkIncidents, 'problem.linkIncidents') ? (
        <section className="panel">
          <LinkIncidents problemId={p.id} onDone={changed} />
        </section>
      ) : null}
      <div aria-label="Linked incidents" role="region">
        <IncidentTable rows={d.incidents} now={Date.now()} empty="No incident is linked yet." />
      </div>
      <h2>Queued e-mails ({d.messages.length})</h2>
      <QueuedMessages messages={d.messages} />
      <h2>Journal</h2>
      <Journal entries={d.journal.map((j) => ({ ...j, visibility: 'internal' as const }))} />
      <h2>History</h2>
      <AuditHistory rows={d.audit} />
    </>
  );
}
