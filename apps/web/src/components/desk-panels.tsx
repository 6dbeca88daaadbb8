'use client';

import dynamic from 'next/dynamic';
import Link from 'next/link';
import { openStatuses, type Role } from '@handoff/domain';
import { api } from '../trpc/react';

// Only the CPS and ES desks show consult requests: the L1 console does not load them.
const ConsultRequests = dynamic(() => import('./consult-requests').then((m) => m.ConsultRequests));

/** The L1 console at a glance: how many outages are open and how many incidents each of its queues holds. */
function ConsoleCounts({ teams }: { teams: { id: number; name: string }[] }) {
  const board = api.outage.board.useQuery();
  const counts = api.useQueries((t) => teams.map((team) => t.queue.counts({ teamId: team.id })));
  const outages = board.data ? board.data.active.length + board.data.planned.length : null;
  return (
    <section className="panel" aria-label="At a glance">
      <ul
        style={{
          listStyle: 'none',
          display: 'flex',
          flexWrap: 'wrap',
          gap: '1.5rem',
          margin: 0,
          padding: 0,
        }}
      >
        <li>
          <Link href="/outages">
            Open outages: <strong data-testid="open-outage-count">{outages ?? '…'}</strong>
          </Link>
          {board.data ? (
            <span className="muted">
              {' '}
              ({board.data.active.length} active, {board.data.planned.length} planned)
            </span>
          ) : null}
        </li>
        {teams.map((team, i) => {
          const byStatus = counts[i]?.data;
          const open = byStatus ? openStatuses.reduce((n, s) => n + (byStatus[s] ?? 0), 0) : null;
          return (
            <li key={team.id}>
              <Link href={`/queues?team=${team.id}`}>
                {team.name} queue:{' '}
                <strong data-testid={`queue-count-${team.id}`}>{open ?? '…'}</strong> open
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/**
 * What a role's desk adds to the common home: the L1 console's counts, and the chat consult
 * requests on the CPS and ES desks (the same list as their team queue page).
 */
export function DeskPanels({ role, teams }: { role: Role; teams: { id: number; name: string }[] }) {
  if (role === 'l1') return <ConsoleCounts teams={teams} />;
  if (role === 'cps') return <ConsultRequests team="cps" />;
  if (role === 'es') return <ConsultRequests team="es" />;
  return null;
}
