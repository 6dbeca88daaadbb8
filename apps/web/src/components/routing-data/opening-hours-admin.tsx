'use client';

import { useEffect, useState } from 'react';
import { deskLabels, desks, type Desk, type WeeklyHours } from '@handoff/domain';
import { ErrorBanner, Loading } from '@handoff/ui';
import { api } from '../../trpc/react';
import { useRoutingData } from './use-routing-data';

const dayNames = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
type Row = { open: boolean; opens: string; closes: string };
const rowsOf = (week: WeeklyHours): Row[] =>
  dayNames.map((_, i) => {
    const d = week.find((w) => w.weekday === i + 1);
    return d
      ? { open: true, opens: d.opens, closes: d.closes }
      : { open: false, opens: '07:00', closes: '18:00' };
  });

function DeskHours({
  desk,
  week,
  changed,
}: {
  desk: Desk;
  week: WeeklyHours;
  changed: () => void;
}) {
  const [rows, setRows] = useState(() => rowsOf(week));
  useEffect(() => setRows(rowsOf(week)), [week]);
  const save = api.admin.setOpeningHours.useMutation({ onSuccess: changed });
  const set = (i: number, patch: Partial<Row>) =>
    setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <form
      className="panel"
      aria-label={`${deskLabels[desk]} hours`}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({
          desk,
          week: rows.flatMap((r, i) =>
            r.open ? [{ weekday: i + 1, opens: r.opens, closes: r.closes }] : [],
          ),
        });
      }}
    >
      <h3>{deskLabels[desk]}</h3>
      <ErrorBanner message={save.error?.message ?? null} />
      {rows.map((r, i) => (
        <div key={dayNames[i]}>
          <label>
            <input
              type="checkbox"
              checked={r.open}
              onChange={(e) => set(i, { open: e.target.checked })}
            />{' '}
            {dayNames[i]}
          </label>{' '}
          <input
            aria-label={`${deskLabels[desk]} ${dayNames[i]} opens`}
            value={r.opens}
            disabled={!r.open}
            onChange={(e) => set(i, { opens: e.target.value })}
            size={5}
          />
          –
          <input
            aria-label={`${deskLabels[desk]} ${dayNames[i]} closes`}
            value={r.closes}
            disabled={!r.open}
            onChange={(e) => set(i, { closes: e.target.value })}
            size={5}
          />
        </div>
      ))}
      <div className="actions">
        <button type="submit" disabled={save.isPending}>
          Save {deskLabels[desk]} hours
        </button>
      </div>
    </form>
  );
}

/** Opening hours of CPS and of the General Help Desk (kb 001), local time America/Chicago. */
export function OpeningHoursAdmin() {
  const { q, changed } = useRoutingData();
  if (q.isLoading) return <Loading />;
  if (q.error || !q.data) return <ErrorBanner message={q.error?.message ?? null} />;
  return (
    <section aria-label="Opening hours">
      <h2>Opening hours</h2>
      <p>
        Times are local (America/Chicago), HH:mm; an unticked day is closed. New promises use them
        at once.
      </p>
      {desks.map((d) => (
        <DeskHours key={d} desk={d} week={q.data.hours[d]} changed={changed} />
      ))}
    </section>
  );
}
