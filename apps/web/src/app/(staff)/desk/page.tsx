'use client';

import dynamic from 'next/dynamic';
import Link from 'next/link';
import { can } from '@handoff/domain';
import { ErrorBanner, Loading, LoadMore } from '@handoff/ui';
import { DeskPanels } from '../../../components/desk-panels';
import { IncidentTable } from '../../../components/incident-table';
import { homeEmpty, homeIntros, homeTitleFor } from '../../../components/home-titles';
import { api } from '../../../trpc/react';

// Only HDQA's and SNCC's homes show these: the L1 console does not load them (issue 16 page weight).
const HdqaHome = dynamic(() => import('../../../components/hdqa-home').then((m) => m.HdqaHome));
const SnccHome = dynamic(() => import('../../../components/sncc-home').then((m) => m.SnccHome));

export default function DeskPage() {
  const me = api.me.get.useQuery();
  // Who in CPS is ready is the help desk's business, not a channel partner's (kb 003).
  const seesCps = me.data ? can(me.data.role, 'presence.read') : false;
  const cps = api.presence.cps.useQuery(undefined, { enabled: seesCps });
  // Live: a transfer shows up on the receiving agent's desk as soon as it commits.
  const mine = api.incident.mine.useInfiniteQuery(
    { limit: 25 },
    { getNextPageParam: (p) => p.nextCursor },
  );
  if (me.isLoading) return <Loading />;
  if (!me.data)
    return <ErrorBanner message={me.error?.message ?? 'Could not load your profile.'} />;
  const rows = mine.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <h1>{homeTitleFor(me.data.role)}</h1>
      <p className="home-intro">{homeIntros[me.data.role]}</p>
      {seesCps ? (
        <p>
          CPS agents ready now:{' '}
          <span className="ready-count" data-testid="cps-ready-count">
            {cps.data?.ready.length ?? '…'}
          </span>
          {cps.data?.ready.length ? (
            <span className="muted"> ({cps.data.ready.map((a) => a.name).join(', ')})</span>
          ) : null}
        </p>
      ) : null}
      <div className="actions">
        {can(me.data.role, 'incident.create') ? (
          <Link className="button primary" href="/incidents/new">
            New incident
          </Link>
        ) : null}
        {me.data.teams.map((t) => (
          <Link key={t.id} className="button" href={`/queues?team=${t.id}`}>
            {t.name} queue
          </Link>
        ))}
      </div>
      <DeskPanels role={me.data.role} teams={me.data.teams} />
      {me.data.role === 'hdqa' ? <HdqaHome /> : null}
      {me.data.role === 'sncc' ? <SnccHome /> : null}
      <h2>My open incidents</h2>
      <ErrorBanner message={mine.error?.message} />
      {mine.isLoading ? (
        <Loading />
      ) : (
        <IncidentTable rows={rows} now={Date.now()} empty={homeEmpty(me.data.role)} />
      )}
      <LoadMore list={mine} />
    </>
  );
}
