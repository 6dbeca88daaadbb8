'use client';

import { useState } from 'react';
import { EmptyState, ErrorBanner, Field, Loading, LoadMore, Time } from '@handoff/ui';
import { api } from '../../trpc/react';

const statuses = ['held', 'pending', 'sent', 'failed'] as const;
type Status = (typeof statuses)[number];
const statusText: Record<Status, string> = {
  held: 'Held',
  pending: 'Pending',
  sent: 'Sent',
  failed: 'Failed',
};

const preview = (text: string) => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 140 ? `${line.slice(0, 139)}…` : line;
};

/** Every queued message, newest first: recipient, subject, status, attempts and a preview of the body. */
export function OutboxList() {
  const [status, setStatus] = useState<Status | ''>('');
  const utils = api.useUtils();
  const list = api.mail.outbox.useInfiniteQuery(
    { status: status || undefined, limit: 50 },
    // Held and sent states change in the background (the worker), so the list keeps itself current.
    { getNextPageParam: (p) => p.nextCursor },
  );
  const requeue = api.mail.requeue.useMutation({ onSuccess: () => void utils.mail.invalidate() });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section aria-label="Outbox">
      <div className="filters">
        <Field id="outbox-status" label="Status">
          <select
            id="outbox-status"
            value={status}
            onChange={(e) => setStatus(e.target.value as Status | '')}
          >
            <option value="">Any status</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {statusText[s]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <ErrorBanner message={list.error?.message ?? requeue.error?.message} />
      {list.isLoading ? (
        <Loading />
      ) : rows.length === 0 ? (
        <EmptyState>
          No messages{status ? ` with status ${statusText[status].toLowerCase()}` : ''} yet. Notes
          to customers, assignments and e-mailed cases queue them here.
        </EmptyState>
      ) : (
        <table aria-label="Messages">
          <thead>
            <tr>
              <th>Queued</th>
              <th>To</th>
              <th>Subject</th>
              <th>Status</th>
              <th>Attempts</th>
              <th>Message</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((m) => (
              <tr key={m.id} data-testid="outbox-row">
                <td>
                  <Time at={m.createdAt} />
                  <div className="muted">{m.template}</div>
                </td>
                <td>
                  {m.toName ? <div>{m.toName}</div> : null}
                  <div className="muted">{m.toAddress}</div>
                </td>
                <td>{m.subject}</td>
                <td>
                  <span className={`status mail-${m.status}`}>{statusText[m.status]}</span>
                  {m.status === 'sent' && m.sentAt ? (
                    <div className="muted">
                      <Time at={m.sentAt} />
                    </div>
                  ) : null}
                  {m.status === 'pending' && m.nextAttemptAt ? (
                    <div className="muted">
                      next <Time at={m.nextAttemptAt} />
                    </div>
                  ) : null}
                  {m.lastError ? <div className="field-error">{m.lastError}</div> : null}
                  {m.status === 'held' || m.status === 'failed' ? (
                    <button
                      type="button"
                      disabled={requeue.isPending}
                      onClick={() => requeue.mutate({ id: m.id })}
                    >
                      Send again
                    </button>
                  ) : null}
                </td>
                <td>{m.attempts}</td>
                <td>
                  <details>
                    <summary>{preview(m.textBody)}</summary>
                    <pre className="mail-body">{m.textBody}</pre>
                    <dl className="facts mail-headers">
                      <dt>Message-ID</dt>
                      <dd>{m.messageId}</dd>
                      <dt>In-Reply-To</dt>
                      <dd>{m.inReplyTo ?? '—'}</dd>
                      <dt>References</dt>
                      <dd>{m.references ?? '—'}</dd>
                      <dt>Auto-Submitted</dt>
                      <dd>{m.autoSubmitted ? 'auto-generated' : 'no (written by a person)'}</dd>
                    </dl>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <LoadMore list={list} />
    </section>
  );
}
