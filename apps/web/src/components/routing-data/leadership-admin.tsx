'use client';

import { useState } from 'react';
import { type LeadershipSave } from '@handoff/domain';
import { ErrorBanner, Loading } from '@handoff/ui';
import { api } from '../../trpc/react';
import { useRoutingData } from './use-routing-data';

/** The HD leadership contacts kb 001 says to reach when unsure (shown with "Consult HD leadership"). */
export function LeadershipAdmin() {
  const { q, changed } = useRoutingData();
  const [draft, setDraft] = useState<LeadershipSave | null>(null);
  const save = api.admin.saveLeadershipContact.useMutation({
    onSuccess: () => {
      setDraft(null);
      changed();
    },
  });
  const remove = api.admin.removeLeadershipContact.useMutation({ onSuccess: changed });
  if (q.isLoading) return <Loading />;
  if (q.error) return <ErrorBanner message={q.error.message} />;
  return (
    <section aria-label="HD leadership contacts">
      <h2>HD leadership contacts</h2>
      <ErrorBanner message={(save.error ?? remove.error)?.message ?? null} />
      <table aria-label="HD leadership contacts">
        <thead>
          <tr>
            <th>Name</th>
            <th>How to reach</th>
            <th>Order</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {q.data?.leadership.map((c) => (
            <tr key={c.id}>
              <td>{c.name}</td>
              <td>{c.contact}</td>
              <td>{c.position}</td>
              <td>
                <button type="button" onClick={() => setDraft({ ...c })}>
                  Edit {c.name}
                </button>{' '}
                <button
                  type="button"
                  disabled={remove.isPending}
                  onClick={() => remove.mutate({ id: c.id })}
                >
                  Remove {c.name}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {draft ? (
        <form
          className="panel"
          aria-label="Leadership contact"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(draft);
          }}
        >
          <label>
            Name{' '}
            <input
              value={draft.name}
              onChange={(e) => setDraft({ ...draft, name: e.target.value })}
            />
          </label>{' '}
          <label>
            How to reach{' '}
            <input
              value={draft.contact}
              onChange={(e) => setDraft({ ...draft, contact: e.target.value })}
            />
          </label>{' '}
          <label>
            Order{' '}
            <input
              type="number"
              value={draft.position}
              onChange={(e) => setDraft({ ...draft, position: Number(e.target.value) })}
            />
          </label>
          <div className="actions">
            <button className="primary" type="submit" disabled={save.isPending}>
              Save contact
            </button>
            <button type="button" onClick={() => setDraft(null)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div className="actions">
          <button
            type="button"
            onClick={() =>
              setDraft({ name: '', contact: '', position: q.data?.leadership.length ?? 0 })
            }
          >
            Add a contact
          </button>
        </div>
      )}
    </section>
  );
}
