'use client';

import Link from 'next/link';
import { useState } from 'react';
import { can } from '@handoff/domain';
import { ErrorBanner, Loading } from '@handoff/ui';
import { OutageActions } from '../../../components/outage-actions';
import { OutageCard, OutageGroups } from '../../../components/outage-card';
import { OutageDeclareForm } from '../../../components/outage-declare-form';
import { api } from '../../../trpc/react';

/** The outages page HDQA checks first (kb 001 step 2); HDQA and SNCC declare here, SNCC updates and resolves. */
export default function OutagesPage() {
  const me = api.me.get.useQuery();
  const board = api.outage.board.useQuery();
  const [declared, setDeclared] = useState<string | null>(null);
  if (me.isLoading || board.isLoading) return <Loading />;
  if (board.error) return <ErrorBanner message={board.error.message} />;
  if (!me.data || !board.data) return null;
  const role = me.data.role;
  const b = board.data;
  const view = {
    active: b.active.map((o) => ({ ...o, services: o.services.map((s) => s.name), raw: o })),
    planned: b.planned.map((o) => ({ ...o, services: o.services.map((s) => s.name), raw: o })),
    recentlyResolved: b.recentlyResolved.map((o) => ({
      ...o,
      services: o.services.map((s) => s.name),
      raw: o,
    })),
  };
  return (
    <>
      <h1>Outages</h1>
      <p className="muted">
        Planned, active and recently resolved outages. The public sees the same summaries on{' '}
        <Link href="/status">the status page</Link>.
      </p>
      {declared ? (
        <div className="ok-banner" role="status">
          Outage {declared} declared.
        </div>
      ) : null}
      {can(role, 'outage.declare') ? (
        <OutageDeclareForm
          onDeclared={(n) => {
            setDeclared(n);
            void board.refetch();
          }}
        />
      ) : null}
      <OutageGroups
        board={view}
        render={(o) => (
          <OutageCard key={o.number} o={o}>
            <p className="muted">Owned by {o.raw.ownerTeamName}</p>
            {can(role, 'outage.manage') ? (
              <OutageActions o={o.raw} onChanged={() => void board.refetch()} />
            ) : null}
          </OutageCard>
        )}
      />
    </>
  );
}
