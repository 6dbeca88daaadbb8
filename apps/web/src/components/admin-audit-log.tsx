'use client';

import { ErrorBanner, LoadMore, Loading, Time } from '@handoff/ui';
import { api } from '../trpc/react';

/** The admin audit log (logins, departments, holidays, hours, leadership), newest first, paged. */
export function AdminAuditLog() {
  const list = api.admin.auditLog.useInfiniteQuery({}, { getNextPageParam: (p) => p.nextCursor });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <h2>Admin audit log</h2>
      {list.isLoading ? (
        <Loading />
      ) : list.error ? (
        <ErrorBanner message={list.error.message} />
      ) : rows.length === 0 ? (
        <p>No administrator changes yet.</p>
      ) : (
        <table aria-label="Admin audit log">
          <thead>
            <tr>
              <th>When</th>
              <th>Who</th>
              <th>What</th>
              <th>Which</th>
              <th>Field</th>
              <th>From</th>
              <th>To</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <Time at={r.at} />
                </td>
                <td>{r.actorName ?? `#${r.actorId}`}</td>
                <td>{r.words.entity}</td>
                <td>{r.words.entityKey}</td>
                <td>{r.words.field}</td>
                <td>{r.words.fromValue ?? '—'}</td>
                <td>{r.words.toValue ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <LoadMore list={list} />
    </>
  );
}
