'use client';

import { useState, type FormEvent } from 'react';
import { EmptyState, ErrorBanner, Field, Loading } from '@handoff/ui';
import { api, type RouterOutputs } from '../trpc/react';
import { serverFieldErrors, type FieldErrors } from './field-errors';

type Contact = RouterOutputs['oncall']['list'][number];
const blank = { schedule: 'aims', name: '', phone: '', position: '1' };

/** Admins keep the AIMS and GDS on-call schedules that L1 pages from (kb 001). */
export function OncallEditor() {
  const utils = api.useUtils();
  const list = api.oncall.list.useQuery();
  const done = () => void utils.oncall.invalidate();
  const create = api.oncall.create.useMutation({ onSuccess: done });
  const update = api.oncall.update.useMutation({ onSuccess: done });
  const remove = api.oncall.remove.useMutation({ onSuccess: done });
  const [editing, setEditing] = useState<Contact | null>(null);
  const [form, setForm] = useState(blank);
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = (k: keyof typeof blank) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [k]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = {
      schedule: form.schedule as 'aims' | 'gds',
      name: form.name,
      phone: form.phone,
      position: Number(form.position) || 0,
    };
    try {
      if (editing) await update.mutateAsync({ id: editing.id, ...input });
      else await create.mutateAsync(input);
      setEditing(null);
      setForm(blank);
      setErrors({});
    } catch (err) {
      setErrors(serverFieldErrors(err));
    }
  }

  if (list.isLoading) return <Loading />;
  const error = list.error ?? create.error ?? update.error ?? remove.error;
  return (
    <section aria-label="On-call contacts">
      <h2>On-call contacts</h2>
      <ErrorBanner message={error?.message} />
      {list.data?.length ? (
        <table>
          <thead>
            <tr>
              <th>Schedule</th>
              <th>Order</th>
              <th>Name</th>
              <th>Phone</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.data.map((c) => (
              <tr key={c.id}>
                <td>{c.schedule.toUpperCase()}</td>
                <td>{c.position}</td>
                <td>{c.name}</td>
                <td>{c.phone}</td>
                <td>
                  <button
                    type="button"
                    onClick={() => {
                      setEditing(c);
                      setForm({
                        schedule: c.schedule,
                        name: c.name,
                        phone: c.phone,
                        position: String(c.position),
                      });
                    }}
                  >
                    Edit
                  </button>{' '}
                  <button
                    type="button"
                    onClick={() => {
                      if (
                        window.confirm(
                          `Remove ${c.name} from the ${c.schedule.toUpperCase()} on-call schedule?`,
                        )
                      )
                        remove.mutate({ id: c.id });
                    }}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <EmptyState>No on-call contacts: L1 cannot page anyone after hours.</EmptyState>
      )}
      <form
        className="panel"
        onSubmit={(e) => void submit(e)}
        aria-label={editing ? 'Edit on-call contact' : 'Add on-call contact'}
        noValidate
      >
        <h3 style={{ marginTop: 0 }}>{editing ? `Edit ${editing.name}` : 'Add a contact'}</h3>
        <div className="grid2">
          <Field id="oncall-schedule" label="Schedule" error={errors.schedule}>
            <select id="oncall-schedule" value={form.schedule} onChange={set('schedule')}>
              <option value="aims">AIMS</option>
              <option value="gds">GDS</option>
            </select>
          </Field>
          <Field id="oncall-position" label="Order" error={errors.position}>
            <input
              id="oncall-position"
              type="number"
              min={0}
              max={99}
              value={form.position}
              onChange={set('position')}
            />
          </Field>
          <Field id="oncall-name" label="Name" error={errors.name}>
            <input id="oncall-name" value={form.name} onChange={set('name')} />
          </Field>
          <Field id="oncall-phone" label="Phone" error={errors.phone}>
            <input id="oncall-phone" value={form.phone} onChange={set('phone')} />
          </Field>
        </div>
        <div className="actions">
          <button className="primary" type="submit" disabled={create.isPending || update.isPending}>
            {editing ? 'Save contact' : 'Add contact'}
          </button>
          {editing ? (
            <button
              type="button"
              onClick={() => {
                setEditing(null);
                setForm(blank);
                setErrors({});
              }}
            >
              Cancel
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}
