'use client';

import { useRouter, useSearchParams } from 'next/navigation';
import { Suspense } from 'react';
import { incidentStatuses, type IncidentStatus } from '@handoff/domain';
import { EmptyState, ErrorBanner, Field, Loading, LoadMore, statusLabel } from '@handoff/ui';
import { ConsultRequests } from '../../../components/consult-requests';
import { IncidentTable } from '../../../components/incident-table';
import { useNow } from '../../../components/promises';
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
  const teamId = Number(params.get('team')) || teams.data?.[0]?.id;
  const status = (params.get('status') || undefined) as IncidentStatus | undefined;
  const serviceId = Number(params.get('service')) || undefined;
  const list = api.queue.list.useInfiniteQuery(
    { teamId: teamId ?? 0, status, serviceId, limit: 25 },
    { enabled: !!teamId, getNextPageParam: (p) => p.nextCursor },
  );
  const setParam = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(params.toString());
    if (v) next.set(k, v);
    else next.delete(k);
    if (k === 'team') next.delete('status');
    router.replace(`/queues?${next.toString()}`);
  };
  if (teams.isLoading) return <Loading />;
  if (!teams.data?.length)
    return <EmptyState>You belong to no team, so you have no queue.</EmptyState>;
  const team = teams.data.find((t) => t.id === teamId);
  const isClaimQueue = team?.kind === 'partner' || team?.kind === 'tier2';
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
            <option value="">Any status</option>
            {incidentStatuses.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)}
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
      </div>
      {team?.name === 'US - Help Desk CPS' ? <ConsultRequests team="cps" /> : null}
      {team?.name === 'HD ES' ? <ConsultRequests team="es" /> : null}
      <ErrorBanner message={list.error?.message ?? take.error?.message ?? claim.error?.message} />
      {list.isLoading ? (
        <Loading />
      ) : (
        <IncidentTable
          rows={list.data?.pages.flatMap((p) => p.items) ?? []}
          now={now}
          empty="Nothing in this queue matches."
          canTake={(r) =>
            isClaimQueue
              ? r.ownerAgentId === null && !['resolved', 'closed'].includes(r.status)
              : r.ownerAgentId !== me.data?.id && !['resolved', 'closed'].includes(r.status)
          }
          takeLabel={team?.kind === 'tier2' ? 'Pull' : isClaimQueue ? 'Claim' : undefined}
          onTake={(r) =>
            isClaimQueue
              ? claim.mutate({ incidentId: r.id })
              : take.mutate({ incidentId: r.id, expectedVersion: r.version })
          }
        />
      )}
      <LoadMore list={list} />
    </>
  );
}

export default function QueuesPage() {
  return (
    <Suspense fallback={<Loading />}>
      <Queue />
    </Suspense>
  );
}
