'use client';

import { useState } from 'react';
import { ErrorBanner, Loading } from '@handoff/ui';
import { api } from '../../trpc/react';
import { useRoutingData } from './use-routing-data';

/** University holidays (issue 14 item 8): CPS is closed on them; stored promises keep their times. */
export function HolidaysAdmin() {
  const { q, changed } = useRoutingData();
  const [date, setDate] = useState('');
  const [name, setName] = useState('');
  const add = api.admin.addHoliday.useMutation({
    onSuccess: () => {
      setDate('');
      setName('');
      changed();
    },
  });
  const remove = api.admin.removeHoliday.useMutation({ onSuccess: changed });
  if (q.isLoading) return <Loading />;
  if (q.error) return <ErrorBanner message={q.error.message} />;
  return (
    <section aria-label="University holidays">
      <h2>University holidays</h2>
      <ErrorBanner message={(add.error ?? remove.error)?.message ?? null} />
      <table aria-label="University holidays">
        <thead>
          <tr>
            <th>Date</th>
            <th>Holiday</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {q.data?.holidays.map((h) => (
            <tr key={h.date}>
              <td>{h.date}</td>
              <td>{h.name}</td>
              <td>
                <button
                  type="button"
                  disabled={remove.isPending}
                  onClick={() => remove.mutate({ date: h.date })}
                >
                  Remove {h.date}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="actions"
        aria-label="Add a holiday"
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate({ date, name });
        }}
      >
        <label>
          Date <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </label>{' '}
        <label>
          Name <input value={name} onChange={(e) => setName(e.target.value)} />
        </label>{' '}
        <button type="submit" disabled={add.isPending || !date || !name}>
          Add holiday
        </button>
      </form>
    </section>
  );
}
