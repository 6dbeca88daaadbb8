'use client';

import { useState } from 'react';
import { ErrorBanner, Field, Loading } from '@handoff/ui';
import { ProblemTable } from '../../../components/problem-table';
import { api } from '../../../trpc/react';

/** Every problem (open by default), newest first. */
export default function ProblemsPage() {
  const [view, setView] = useState<'open' | 'all' | 'sncc'>('open');
  const list = api.problem.list.useQuery({ view });
  return (
    <>
      <h1>Problems</h1>
      <div className="filters">
        <Field id="problem-view" label="Show">
          <select
            id="problem-view"
            value={view}
            onChange={(e) => setView(e.target.value as typeof view)}
          >
            <option value="open">Open problems</option>
            <option value="sncc">Open problems owned by SNCC</option>
            <option value="all">All problems</option>
          </select>
        </Field>
      </div>
      <ErrorBanner message={list.error?.message} />
      {list.isLoading ? (
        <Loading />
      ) : (
        <ProblemTable rows={list.data ?? []} empty="No problem to show." />
      )}
    </>
  );
}
