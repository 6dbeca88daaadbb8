'use client';

import Link from 'next/link';
import { ignoreReasonLabels, type IgnoreReason } from '@handoff/domain';
import { EmptyState, ErrorBanner, Loading, LoadMore, Time } from '@handoff/ui';
import { api } from '../../trpc/react';

const outcomeText = {
  created: 'New incident',
  follow_up: 'Follow-up incident',
  appended: 'Added to incident',
  reopened: 'Reopened incident',
  ignored: 'Ignored',
  rejected: 'Refused',
} as const;

const reasonText = (reason: string | null) =>
  reason ? (ignoreReasonLabels[reason as IgnoreReason] ?? reason) : null;

/** What the inbound listener received and what became of each message. */
export function InboundLog({ hint }: { hint: string }) {
  const list = api.mail.inbound.useInfiniteQuery(
    { limit: 50 },
    { getNextPageParam: (p) => p.nextCursor },
  );
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  if (list.isLoading) return <Loading />;
  return (
    <section aria-label="Received mail">
      <ErrorBanner message={list.error?.message} />
      {rows.length === 0 ? (
        <EmptyState>No mail received yet. {hint}</EmptyState>
      ) : (
        <table aria-label="Received messages">
          <thead>
            <tr>
              <th>Received</th>
              <th>From</th>
              <th>Subject</th>
              <th>Outcome</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((m) => (
              <tr key={m.id}>
                <td>
                  <Time at={m.receivedAt} />
                </td>
                <td>
                  {m.fromAddress ?? (m.envelopeFrom || <span className="muted">null sender</span>)}
                </td>
                <td>{m.subject || <span className="muted">(no subject)</span>}</td>
                <td>
                  {outcomeText[m.outcome]}
                  {m.incidentNumber ? (
                    <>
                      {' '}
                      <Link href={`/incidents/${m.incidentNumber}`}>{m.incidentNumber}</Link>
                    </>
                  ) : null}
                  {m.reason ? <div className="muted">{reasonText(m.reason)}</div> : null}
                  {m.attachmentCount ? (
                    <div className="muted">{m.attachmentCount} attachment(s)</div>
                  ) : null}
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
