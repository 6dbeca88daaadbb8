'use client';

import { useRouter, useSearchParams } from 'next/navigation';
import { Suspense, useState } from 'react';
import {
  incidentStatuses,
  queueColumns,
  queueSortSchema,
  type IncidentStatus,
  type QueueSort,
} from '@handoff/domain';
import { EmptyState, ErrorBanner, Field, Loading, LoadMore, statusLabel } from '@handoff/ui';
import { BulkActions } from '../../../components/bulk-actions';
import { ConsultRequests } from '../../../components/consult-requests';
import { useNow } from '../../../components/promises';
import { columnLabels, QueueGrid, useSelection } from '../../../components/queue-grid';
import { api } from '../../../trpc/react';

function Queue() {
  const router = useRouter();
  const now = useNow();
  const utils = api.useUtils();
  const me = api.me.get.useQuery();
  const take = api.oneStep.takeOwnership.useMutation({
    onSuccess: () => void utils.queue.invalidate(),
  });
  // Channel-partner and Tier 2 queues are worked by first claim (kb 003), not Take ownership.
  const claim = api.partner.claim.useMutation({ onSettled: () => void utils.queue.invalidate() });
  const params = useSearchParams();
  const teams = api.queue.teams.useQuery();
  const services = api.catalog.services.useQuery();
  const views = api.queue.views.useQuery();
  const saveView = api.queue.saveView.useMutation({
    onSuccess: () => void utils.queue.views.invalidate(),
  });
  const [viewName, setViewName] = useState('');
  const teamId = Number(params.get('team')) || teams.data?.[0]?.id;
  const statusParam = params.get('status') || undefined;
  const status = statusParam as IncidentStatus | 'all' | undefined;
  const serviceId = Number(params.get('service')) || undefined;
  const breachParam = params.get('breach');
  const breachWithinMinutes = breachParam === null ? undefined : Number(breachParam) || 0;
  const sort: QueueSort = queueSortSchema.safeParse(params.get('sort')).data ?? 'age';
  const dir = params.get('dir') === 'desc' ? 'desc' : 'asc';
  const columns = params.get('cols')?.split(',') ?? [...queueColumns];
  const selection = useSelection();
  const list = api.queue.grid.useInfiniteQuery(
    { teamId: teamId ?? 0, status, serviceId, breachWithinMinutes, sort, dir, limit: 25 },
    { enabled: !!teamId, getNextPageParam: (p) => p.nextCursor },
  );
  const counts = api.queue.counts.useQuery({ teamId: teamId ?? 0 }, { enabled: !!teamId });
  const setParams = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params.toString());
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if ('team' in changes) next.delete('status');
    selection.clear();
    router.replace(`/queues?${next.toString()}`);
  };
  const setParam = (k: string, v: string | undefined) => setParams({ [k]: v });
  if (teams.isLoading) return <Loading />;
  if (!teams.data?.length)
    return <EmptyState>You belong to no team, so you have no queue.</EmptyState>;
  const team = teams.data.find((t) => t.id === teamId);
  const isClaimQueue = team?.kind === 'partner' || team?.kind === 'tier2';
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const selectedRows = rows.filter((r) => selection.selected.has(r.id));
  const openCount = (['new', 'assigned', 'in_progress', 'pending_customer'] as const).reduce(
    (n, s) => n + (counts.data?.[s] ?? 0),
    0,
  );
  const canTake = (r: (typeof rows)[number]) =>
    isClaimQueue
      ? r.ownerAgentId === null && !['resolved', 'closed'].includes(r.status)
      : r.ownerAgentId !== me.data?.id && !['resolved', 'closed'].includes(r.status);
  const takeLabel = team?.kind === 'tier2' ? 'Pull' : isClaimQueue ? 'Claim' : 'Take ownership';
  return (
    <>
      <h1>{team ? `${team.name} queue` : 'Team queue'}</h1>
      <div className="filters">
        <Field id="team" label="Team">
          <select id="team" value={teamId} onChange={(e) => setParam('team', e.target.value)}>
            {teams.data.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="status" label="Status">
          <select
            id="status"
            value={status ?? ''}
            onChange={(e) => setParam('status', e.target.value || undefined)}
          >
            <option value="">Open ({openCount})</option>
            <option value="all">Any status</option>
            {incidentStatuses.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)} ({counts.data?.[s] ?? 0})
              </option>
            ))}
          </select>
        </Field>
        <Field id="service-filter" label="Service">
          <select
            id="service-filter"
            value={serviceId ?? ''}
            onChange={(e) => setParam('service', e.target.value || undefined)}
          >
            <option value="">Any service</option>
            {(services.data ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} › {s.category} › {s.subcategory}
              </option>
            ))}
          </select>
        </Field>
        <Field id="breach-filter" label="Time to breach">
          <select
            id="breach-filter"
            value={breachParam ?? ''}
            onChange={(e) => setParam('breach', e.target.value || undefined)}
          >
            <option value="">Any</option>
            <option value="0">Breached</option>
            <option value="60">Within 1 hour</option>
            <option value="240">Within 4 hours</option>
            <option value="1440">Within 24 hours</option>
          </select>
        </Field>
        <Field id="queue-view" label="Saved view">
          <select
            id="queue-view"
            value=""
            onChange={(e) => {
              const v = views.data?.find((x) => String(x.id) === e.target.value)?.settings;
              if (v)
                setParams({
                  status: v.status,
                  service: v.serviceId ? String(v.serviceId) : undefined,
                  sort: v.sort,
                  dir: v.dir,
                  cols: v.columns.join(','),
                });
            }}
          >
            <option value="">Choose a view…</option>
            {(views.data ?? []).map((v) => (
              <option key={v.id} value={v.id} disabled={!v.settings}>
                {v.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <details className="filters">
        <summary>Columns and views</summary>
        {queueColumns.map((c) => (
          <label key={c}>
            <input
              type="checkbox"
              aria-label={`Show the ${columnLabels[c]} column`}
              checked={columns.includes(c)}
              onChange={(e) =>
                setParam(
                  'cols',
                  (e.target.checked ? [...columns, c] : columns.filter((x) => x !== c)).join(','),
                )
              }
            />{' '}
            {columnLabels[c]}
          </label>
        ))}
        <label>
          View name <input value={viewName} onChange={(e) => setViewName(e.target.value)} />
        </label>
        <button
          type="button"
          onClick={() =>
            saveView.mutate({
              name: viewName,
              settings: {
                status,
                serviceId,
                sort,
                dir,
                columns: columns.filter((c) =>
                  (queueColumns as readonly string[]).includes(c),
                ) as (typeof queueColumns)[number][],
              },
            })
          }
        >
          Save this view
        </button>
      </details>
      {team?.name === 'US - Help Desk CPS' ? <ConsultRequests team="cps" /> : null}
      {team?.name === 'HD ES' ? <ConsultRequests team="es" /> : null}
      <ErrorBanner
        message={
          list.error?.message ??
          take.error?.message ??
          claim.error?.message ??
          saveView.error?.message
        }
      />
      {isClaimQueue ? null : (
        <BulkActions rows={selectedRows} onDone={() => void utils.queue.invalidate()} />
      )}
      {list.isLoading ? (
        <Loading />
      ) : (
        <QueueGrid
          rows={rows}
          now={now}
          sort={sort}
          dir={dir}
          onSort={(s, d) => setParams({ sort: s, dir: d })}
          visibleColumns={columns}
          selected={selection.selected}
          onSelect={selection.onSelect}
          rowAction={(r) => (
            <button
              type="button"
              disabled={!canTake(r)}
              onClick={() =>
                isClaimQueue
                  ? claim.mutate({ incidentId: r.id })
                  : take.mutate({ incidentId: r.id, expectedVersion: r.version })
              }
            >
              {takeLabel}
            </button>
          )}
        />
      )}
      <LoadMore list={list} />
    </>
  );
}

export function QueueView() {
  return (
    <Suspense fallback={<Loading />}>
      <Queue />
    </Suspense>
  );
}
