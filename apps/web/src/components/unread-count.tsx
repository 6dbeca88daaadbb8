'use client';

import { api } from '../trpc/react';

/** The number of unread personal notifications, beside the Notifications link (polled). */
export function UnreadCount() {
  const q = api.notification.unreadCount.useQuery();
  if (!q.data) return null;
  return (
    <span className="unread-count" aria-label={`${q.data} unread`}>
      {q.data}
    </span>
  );
}
