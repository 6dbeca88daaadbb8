'use client';

import { useState } from 'react';
import { type DepartmentSave } from '@handoff/domain';
import { ErrorBanner, Loading } from '@handoff/ui';
import { api } from '../../trpc/react';
import { useRoutingData } from './use-routing-data';

const blank: DepartmentSave = {
  name: '',
  shortName: '',
  contractPartner: true,
  program: null,
  primaryTechPartner: false,
};

/** Departments routing reads (issue 14 item 7): short name = computer prefix, program, contract flag. */
export function DepartmentsAdmin() {
  const { q, changed } = useRoutingData();
  const [draft, setDraft] = useState<DepartmentSave | null>(null);
  const save = api.admin.saveDepartment.useMutation({
    onSuccess: () => {
      setDraft(null);
      changed();
    },
  });
  if (q.isLoading) return <Loading />;
  if (q.error) return <ErrorBanner message={q.error.message} />;
  return (
    <section aria-label="Departments">
      <h2>Departments</h2>
      <p>
        A computer whose name starts with the short name of a department on the contract list is
        departmental (CPS). The program picks the after-hours on-call schedule.
      </p>
      <table aria-label="Departments">
        <thead>
          <tr>
            <th>Name</th>
            <th>Short name</th>
            <th>Program</th>
            <th>Contract partner</th>
            <th>Primary TP</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {q.data?.departments.map((d) => (
            <tr key={d.id}>
              <td>{d.name}</td>
              <td>{d.shortName}</td>
              <td>{d.program?.toUpperCase() ?? '—'}</td>
              <td>{d.contractPartner ? 'Yes' : 'No'}</td>
              <td>{d.primaryTechPartner ? 'Yes' : 'No'}</td>
              <td>
                <button type="button" onClick={() => setDraft({ ...d })}>
                  Edit {d.shortName}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {draft ? (
        <form
          className="panel"
          aria-label="Department"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(draft);
          }}
        >
          <ErrorBanner message={save.error?.message ?? null} />
          <label>
            Name{' '}
            <input
              value={draft.name}
              onChange={(e) => setDraft({ ...draft, name: e.target.value })}
            />
          </label>{' '}
          <label>
            Short name{' '}
            <input
              value={draft.shortName}
              onChange={(e) => setDraft({ ...draft, shortName: e.target.value })}
            />
          </label>{' '}
          <label>
            Program{' '}
            <select
              value={draft.program ?? ''}
              onChange={(e) =>
                setDraft({
                  ...draft,
                  program: (e.target.value || null) as DepartmentSave['program'],
                })
              }
            >
              <option value="">none</option>
              <option value="aims">AIMS</option>
              <option value="ds">DS</option>
            </select>
          </label>{' '}
          <label>
            <input
              type="checkbox"
              checked={draft.contractPartner}
              onChange={(e) => setDraft({ ...draft, contractPartner: e.target.checked })}
            />{' '}
            Contract partner
          </label>{' '}
          <label>
            <input
              type="checkbox"
              checked={draft.primaryTechPartner}
              onChange={(e) => setDraft({ ...draft, primaryTechPartner: e.target.checked })}
            />{' '}
            Primary Tech Partner
          </label>
          <div className="actions">
            <button className="primary" type="submit" disabled={save.isPending}>
              Save department
            </button>
            <button type="button" onClick={() => setDraft(null)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div className="actions">
          <button type="button" onClick={() => setDraft(blank)}>
            Add a department
          </button>
        </div>
      )}
    </section>
  );
}
