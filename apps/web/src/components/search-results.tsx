'use client';

import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { channels, incidentStatuses, type Channel, type IncidentStatus } from '@handoff/domain';
import {
  EmptyState,
  ErrorBanner,
  Field,
  Loading,
  LoadMore,
  StatusPill,
  statusLabel,
  Time,
} from '@handoff/ui';
import { api, type RouterOutputs } from '../trpc/react';

type Hit = RouterOutputs['search']['incidents']['items'][number];

function Snippet({ segments }: { segments: Hit['snippet'] }) {
  // Text nodes only: React escapes every character of stored text; hits get a <mark>.
  return (
    <div className="muted">
      {segments.map((s, i) =>
        s.hit ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>,
      )}
    </div>
  );
}

/**
 * The search results page (staff at /search, customers at /portal/search): the header box sets `q`,
 * the filters live in the URL too, and "Load more" walks the keyset pages.
 */
export function SearchResults({ portal }: { portal: boolean }) {
  const router = useRouter();
  const params = useSearchParams();
  const base = portal ? '/portal/search' : '/search';
  const incidentHref = (number: string) =>
    portal ? `/portal/incidents/${number}` : `/incidents/${number}`;
  const q = params.get('q') ?? '';
  const filters = {
    status: (params.get('status') || undefined) as IncidentStatus | undefined,
    channel: (params.get('channel') || undefined) as Channel | undefined,
    teamId: Number(params.get('team')) || undefined,
    serviceId: Number(params.get('service')) || undefined,
    createdFrom: params.get('from') || undefined,
    createdTo: params.get('to') || undefined,
  };
  const me = api.me.get.useQuery();
  // Every team for the desk; a partner agent (no team.list) filters by their own groups.
  const allTeams = api.catalog.teams.useQuery(undefined, {
    enabled: !portal && !!me.data?.allowed.includes('team.list'),
  });
  const teams = allTeams.data ?? me.data?.teams ?? [];
  const services = api.catalog.services.useQuery();
  const results = api.search.incidents.useInfiniteQuery(
    { q, ...filters, limit: 20 },
    { enabled: q.trim() !== '', getNextPageParam: (p) => p.nextCursor, retry: false },
  );
  const setParam = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(params.toString());
    if (v) next.set(k, v);
    else next.delete(k);
    router.replace(`${base}?${next.toString()}`);
  };
  const first = results.data?.pages[0];
  const hits = results.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <h1>Search{q ? `: ${q.slice(0, 80)}` : ''}</h1>
      <div className="filters">
        <Field id="search-status" label="Status">
          <select
            id="search-status"
            value={filters.status ?? ''}
            onChange={(e) => setParam('status', e.target.value || undefined)}
          >
            <option value="">Any status</option>
            {incidentStatuses.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)}
              </option>
            ))}
          </select>
        </Field>
        {portal ? null : (
          <Field id="search-team" label="Team">
            <select
              id="search-team"
              value={filters.teamId ?? ''}
              onChange={(e) => setParam('team', e.target.value || undefined)}
            >
              <option value="">Any team</option>
              {teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </Field>
        )}
        <Field id="search-service" label="Service">
          <select
            id="search-service"
            value={filters.serviceId ?? ''}
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
        <Field id="search-channel" label="Channel">
          <select
            id="search-channel"
            value={filters.channel ?? ''}
            onChange={(e) => setParam('channel', e.target.value || undefined)}
          >
            <option value="">Any channel</option>
            {channels.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </Field>
        <Field id="search-from" label="Created from">
          <input
            id="search-from"
            type="date"
            value={filters.createdFrom ?? ''}
            onChange={(e) => setParam('from', e.target.value || undefined)}
          />
        </Field>
        <Field id="search-to" label="Created to">
          <input
            id="search-to"
            type="date"
            value={filters.createdTo ?? ''}
            onChange={(e) => setParam('to', e.target.value || undefined)}
          />
        </Field>
      </div>
      {q.trim() === '' ? (
        <EmptyState>
          Type in the search box above (press / to get there) and press Enter.
        </EmptyState>
      ) : null}
      <ErrorBanner message={results.error?.message} />
      {results.isLoading && q.trim() !== '' ? <Loading /> : null}
      {first?.exact ? (
        <p>
          Incident <Link href={incidentHref(first.exact.number)}>{first.exact.number}</Link>:{' '}
          {first.exact.callerName} — {first.exact.description.slice(0, 100)}
        </p>
      ) : null}
      {first && (first.problems.length > 0 || first.outages.length > 0) ? (
        <section className="panel" aria-label="Problems and outages">
          {first.problems.map((p) => (
            <div key={`p${p.id}`}>
              Problem <Link href={`/problems/${p.number}`}>{p.number}</Link> {p.title} ({p.status})
            </div>
          ))}
          {first.outages.map((o) => (
            <div key={`o${o.id}`}>
              Outage <Link href={`/outages`}>{o.number}</Link> {o.title} ({o.status})
            </div>
          ))}
        </section>
      ) : null}
      {results.data && hits.length === 0 && !first?.exact ? (
        <EmptyState>No incident you can see matches “{q}”.</EmptyState>
      ) : null}
      {first?.capped ? (
        <p className="muted">
          Many incidents match: these are the best of the newest ones. Add a word or a filter to
          narrow the search.
        </p>
      ) : null}
      <ol aria-label="Search results" style={{ listStyle: 'none', padding: 0 }}>
        {hits.map((h) => (
          <li key={h.id} className="search-hit">
            <Link href={incidentHref(h.number)}>{h.number}</Link> <StatusPill status={h.status} />{' '}
            {h.callerName} · {h.serviceName}
            {h.ownerTeamName ? ` · ${h.ownerTeamName}` : ''}
            {h.ownerAgentName ? ` (${h.ownerAgentName})` : ''} · <Time at={h.createdAt} />
            <Snippet segments={h.snippet} />
          </li>
        ))}
      </ol>
      <LoadMore list={results} />
    </>
  );
}
