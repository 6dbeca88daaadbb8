'use client';

import Link from 'next/link';
import { useState } from 'react';
import { age, Badge, EmptyState, ErrorBanner, Loading, LoadMore, StatusPill } from '@handoff/ui';
import { useNow } from '../../../components/promises';
import { api } from '../../../trpc/react';

/** kb 004 step 2: the Help Desk reviews Primary Tech Partner cases for completeness, oldest first. */
export default function TpReviewPage() {
  const now = useNow();
  const [state, setState] = useState<'review' | 'waiting'>('review');
  const list = api.triage.tpReview.useInfiniteQuery(
    { state, limit: 25 },
    { getNextPageParam: (p) => p.nextCursor },
  );
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <h1>Primary TP review</h1>
      <p className="muted">
        Primary Tech Partner cases from Help Online, oldest first. Check each for completeness; ask
        for more information when it cannot be classified; mark it mission critical when it affects
        more than one person, then escalate in-scope cases to technologists; otherwise handle it
        normally.
      </p>
      <div className="filters" role="radiogroup" aria-label="Which cases">
        <label>
          <input
            type="radio"
            name="tp-state"
            checked={state === 'review'}
            onChange={() => setState('review')}
          />{' '}
          In review
        </label>
        <label>
          <input
            type="radio"
            name="tp-state"
            checked={state === 'waiting'}
            onChange={() => setState('waiting')}
          />{' '}
          Waiting for the customer
        </label>
      </div>
      <ErrorBanner message={list.error?.message} />
      {list.isLoading ? (
        <Loading />
      ) : rows.length === 0 ? (
        <EmptyState>
          {state === 'review'
            ? 'No Primary TP case waits for review.'
            : 'No Primary TP case waits for its customer.'}
        </EmptyState>
      ) : (
        <table aria-label="TP review queue">
          <thead>
            <tr>
              <th>Case</th>
              <th>Customer</th>
              <th>Service</th>
              <th>Age</th>
              <th>Completeness</th>
              <th>Review</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link href={`/incidents/${r.number}`}>{r.number}</Link>{' '}
                  <StatusPill status={r.status} />
                  <div className="muted">{r.description.slice(0, 80)}</div>
                </td>
                <td>{r.customerName ?? r.callerName}</td>
                <td>
                  {r.serviceName}
                  <div className="muted">{r.scope.text}</div>
                </td>
                <td>{age(r.createdAt, now)}</td>
                <td>
                  <ul className="checklist" aria-label={`Completeness of ${r.number}`}>
                    {r.checks.map((c) => (
                      <li key={c.item} className={c.ok ? undefined : 'missing'}>
                        {c.text}
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  {r.tpTriage === 'mission_critical' ? (
                    <Badge tone="red">Mission critical</Badge>
                  ) : r.tpTriage === 'info_requested' ? (
                    <Badge tone="amber">Asked the customer</Badge>
                  ) : r.complete ? (
                    <Badge tone="green">Complete</Badge>
                  ) : (
                    <Badge tone="amber">Incomplete</Badge>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <LoadMore list={list} />
    </>
  );
}
