'use client';

import Link from 'next/link';
import { Badge, EmptyState, ErrorBanner, Loading, Time } from '@handoff/ui';
import { api } from '../../../trpc/react';

/** The agent's notifications: their own (new ones marked) and their teams'. */
export default function NotificationsPage() {
  const utils = api.useUtils();
  const q = api.notification.mine.useQuery();
  const markRead = api.notification.markRead.useMutation({
    onSuccess: () => void utils.notification.invalidate(),
  });
  if (q.isLoading) return <Loading />;
  if (q.error) return <ErrorBanner message={q.error.message} />;
  const items = q.data?.items ?? [];
  return (
    <>
      <h1>Notifications</h1>
      <div className="actions">
        <span data-testid="unread-count">{q.data?.unread ?? 0} unread</span>
        <button
          type="button"
          disabled={!q.data?.unread || markRead.isPending}
          onClick={() => markRead.mutate({})}
        >
          {markRead.isPending ? 'Marking…' : 'Mark all read'}
        </button>
      </div>
      <ErrorBanner message={markRead.error?.message} />
      {items.length === 0 ? (
        <EmptyState>Nothing yet: you are told here when a ticket needs you.</EmptyState>
      ) : (
        <ol className="journal" aria-label="Notifications">
          {items.map((n) => (
            <li
              key={n.id}
              className={
                n.audience === 'user' && !n.readAt ? 'visibility-customer' : 'visibility-internal'
              }
            >
              <div className="meta">
                <Time at={n.createdAt} />
                {n.audience === 'team' ? <span>Team: {n.teamName}</span> : null}
                {n.audience === 'user' && !n.readAt ? <Badge tone="blue">New</Badge> : null}
              </div>
              <div>
                {n.incidentNumber ? (
                  <Link href={`/incidents/${n.incidentNumber}`}>{n.subject}</Link>
                ) : (
                  <strong>{n.subject}</strong>
                )}
              </div>
              <div className="body">{n.body}</div>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
