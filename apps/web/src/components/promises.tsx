'use client';

import { useEffect, useState } from 'react';
import { Time } from '@handoff/ui';

export const promiseLabels: Record<string, string> = {
  contactBy: 'CPS contacts the customer by',
  callIfNoContactBy: 'Customer calls 608-265-6900 if not contacted by',
  respondBy: 'Technologists respond by',
  techContactBy: 'On-call technician contacts the customer by',
};

/** Re-renders every 30 s so countdowns move without a reload. */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(t);
  }, [intervalMs]);
  return now;
}

export function countdown(at: string, now: number): { text: string; breached: boolean } {
  const ms = Date.parse(at) - now;
  const mins = Math.round(Math.abs(ms) / 60_000);
  const text =
    mins < 60
      ? `${mins} min`
      : mins < 48 * 60
        ? `${Math.floor(mins / 60)} h ${mins % 60} min`
        : `${Math.floor(mins / 1440)} d`;
  return ms < 0
    ? { text: `${text} overdue`, breached: true }
    : { text: `in ${text}`, breached: false };
}

export function Countdown({ at, now }: { at: string; now: number }) {
  const c = countdown(at, now);
  return (
    <span className={c.breached ? 'countdown breached' : 'countdown'} data-testid="countdown">
      {c.text}
    </span>
  );
}

/** The promises made to the customer, each with its countdown (red once breached). */
export function Promises({ promises }: { promises: Record<string, string | undefined> }) {
  const now = useNow();
  const entries = Object.entries(promises).filter((e): e is [string, string] => !!e[1]);
  if (entries.length === 0) return null;
  return (
    <section className="panel" aria-label="Promises">
      <h2 style={{ marginTop: 0 }}>Promises</h2>
      <dl className="facts">
        {entries.map(([k, at]) => (
          <div key={k} style={{ display: 'contents' }}>
            <dt>{promiseLabels[k] ?? k}</dt>
            <dd>
              <Time at={at} /> · <Countdown at={at} now={now} />
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

const shortPromiseLabels: Record<string, string> = {
  contactBy: 'Contact by',
  callIfNoContactBy: 'Customer calls if not contacted by',
  respondBy: 'Respond by',
  techContactBy: 'Technician contacts by',
};

/** The earliest open promise of a queue row: what it is, when, and its countdown. */
export function NextPromise({
  promises,
  now,
}: {
  promises: Record<string, string | undefined>;
  now: number;
}) {
  const next = Object.entries(promises)
    .filter((e): e is [string, string] => !!e[1])
    .sort((a, b) => a[1].localeCompare(b[1]))[0];
  if (!next) return <span className="muted">—</span>;
  const [kind, at] = next;
  return (
    <span data-testid="next-promise" title={promiseLabels[kind] ?? kind}>
      <span className="muted">{shortPromiseLabels[kind] ?? kind}</span> <Time at={at} />
      <br />
      <Countdown at={at} now={now} />
    </span>
  );
}
