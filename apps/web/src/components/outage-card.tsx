import { type ReactNode } from 'react';
import { Badge, Time } from '@handoff/ui';

const statusTone = { active: 'red', planned: 'amber', resolved: 'green' } as const;
const statusText = { active: 'Active', planned: 'Planned', resolved: 'Resolved' } as const;

export interface OutageCardData {
  number: string;
  title: string;
  kind: 'planned' | 'unplanned';
  status: 'planned' | 'active' | 'resolved';
  publicSummary: string;
  startAt: string;
  expectedEndAt: string | null;
  endAt: string | null;
  services: string[];
  updates: {
    id: number;
    kind: string;
    body: string;
    createdAt: string;
    authorName?: string | null;
  }[];
}

/** One outage as the outages page and `/status` show it: services, window, public summary, timeline. */
export function OutageCard({ o, children }: { o: OutageCardData; children?: ReactNode }) {
  return (
    <section
      className="panel outage"
      aria-label={`${o.number} ${o.title}`}
      data-testid={`outage-${o.number}`}
    >
      <h3 style={{ marginTop: 0 }}>
        {o.title} <Badge tone={statusTone[o.status]}>{statusText[o.status]}</Badge>{' '}
        <small className="muted">
          {o.number} · {o.kind === 'planned' ? 'planned' : 'unplanned'}
        </small>
      </h3>
      <dl className="facts">
        <dt>Services</dt>
        <dd>{o.services.join(', ')}</dd>
        <dt>{o.status === 'planned' ? 'Starts' : 'Started'}</dt>
        <dd>
          <Time at={o.startAt} />
        </dd>
        {o.endAt ? (
          <>
            <dt>Ended</dt>
            <dd>
              <Time at={o.endAt} />
            </dd>
          </>
        ) : (
          <>
            <dt>Expected end</dt>
            <dd>
              {o.expectedEndAt ? (
                <Time at={o.expectedEndAt} />
              ) : (
                <span className="muted">not known yet</span>
              )}
            </dd>
          </>
        )}
        <dt>Summary</dt>
        <dd data-testid="outage-summary" style={{ whiteSpace: 'pre-wrap' }}>
          {o.publicSummary}
        </dd>
      </dl>
      {o.updates.length ? (
        <details open={o.status !== 'resolved'}>
          <summary>Updates ({o.updates.length})</summary>
          <ol className="journal" aria-label={`Updates of ${o.number}`}>
            {o.updates.map((u) => (
              <li key={u.id}>
                <div className="meta">
                  <Time at={u.createdAt} />
                  {u.authorName ? <span>{u.authorName}</span> : null}
                  <span>{u.kind}</span>
                </div>
                <div className="body">{u.body}</div>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      {children}
    </section>
  );
}

/** The three groups of the board, each with an empty state. */
export function OutageGroups<T extends OutageCardData>({
  board,
  render = (o) => <OutageCard key={o.number} o={o} />,
}: {
  board: { active: T[]; planned: T[]; recentlyResolved: T[] };
  render?: (o: T) => ReactNode;
}) {
  const groups: [string, T[], string][] = [
    ['Active outages', board.active, 'No active outage.'],
    ['Planned outages', board.planned, 'No planned outage.'],
    ['Recently resolved', board.recentlyResolved, 'No outage resolved in the last 7 days.'],
  ];
  return (
    <>
      {groups.map(([title, list, empty]) => (
        <section key={title} aria-label={title}>
          <h2>{title}</h2>
          {list.length ? list.map(render) : <p className="empty">{empty}</p>}
        </section>
      ))}
    </>
  );
}
