'use client';

import { useState, type FormEvent } from 'react';
import { declareOutageSchema, localInputToInstant } from '@handoff/domain';
import { ErrorBanner, Field } from '@handoff/ui';
import { api } from '../trpc/react';
import { serverFieldErrors, zodFieldErrors, type FieldErrors } from './field-errors';

const empty = {
  title: '',
  kind: 'unplanned',
  startAt: '',
  expectedEndAt: '',
  publicSummary: '',
  ownerTeamId: '',
};

/** kb 001 step 3: HDQA or SNCC declares an outage, unplanned now or planned for a window; SNCC owns it. */
export function OutageDeclareForm({ onDeclared }: { onDeclared: (number: string) => void }) {
  const services = api.catalog.services.useQuery();
  const owners = api.outage.ownerTeams.useQuery();
  const declare = api.outage.declare.useMutation();
  const [form, setForm] = useState(empty);
  const [serviceIds, setServiceIds] = useState<number[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [k]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const time = (v: string) => (v ? (localInputToInstant(v) ?? 'invalid') : undefined);
    const parsed = declareOutageSchema.safeParse({
      ...form,
      serviceIds,
      startAt: time(form.startAt),
      expectedEndAt: time(form.expectedEndAt),
      ownerTeamId: form.ownerTeamId ? Number(form.ownerTeamId) : undefined,
    });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error));
    setErrors({});
    try {
      const created = await declare.mutateAsync(parsed.data);
      setForm(empty);
      setServiceIds([]);
      onDeclared(created.number);
    } catch (err) {
      setErrors(serverFieldErrors(err));
    }
  }

  const planned = form.kind === 'planned';
  return (
    <form
      className="panel"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label="Declare an outage"
    >
      <h2 style={{ marginTop: 0 }}>Declare an outage</h2>
      <ErrorBanner message={declare.error?.message} />
      <div className="grid2">
        <Field id="outage-title" label="Title" required error={errors.title}>
          <input id="outage-title" value={form.title} onChange={set('title')} />
        </Field>
        <Field id="outage-owner" label="Owned by (SNCC)" required error={errors.ownerTeamId}>
          <select id="outage-owner" value={form.ownerTeamId} onChange={set('ownerTeamId')}>
            <option value="">Choose…</option>
            {owners.data?.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id="outage-services"
          label="Affected services"
          required
          error={errors.serviceIds}
          hint="Ctrl/Cmd-click to choose several"
        >
          <select
            id="outage-services"
            multiple
            size={6}
            value={serviceIds.map(String)}
            onChange={(e) =>
              setServiceIds([...e.target.selectedOptions].map((o) => Number(o.value)))
            }
          >
            {services.data?.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} › {s.category} › {s.subcategory}
              </option>
            ))}
          </select>
        </Field>
        <div className="field">
          <span style={{ fontWeight: 600, fontSize: '.9rem' }}>Kind</span>
          <div role="radiogroup" aria-label="Kind">
            <label style={{ marginRight: '1rem' }}>
              <input
                type="radio"
                name="outage-kind"
                value="unplanned"
                checked={!planned}
                onChange={set('kind')}
              />{' '}
              Unplanned (happening now)
            </label>
            <label>
              <input
                type="radio"
                name="outage-kind"
                value="planned"
                checked={planned}
                onChange={set('kind')}
              />{' '}
              Planned window
            </label>
          </div>
        </div>
        <Field
          id="outage-start"
          label={planned ? 'Window starts (Central time)' : 'Started at (Central time, optional)'}
          required={planned}
          error={errors.startAt}
        >
          <input
            id="outage-start"
            type="datetime-local"
            value={form.startAt}
            onChange={set('startAt')}
          />
        </Field>
        <Field
          id="outage-end"
          label={planned ? 'Window ends (Central time)' : 'Expected end (Central time, optional)'}
          required={planned}
          error={errors.expectedEndAt}
        >
          <input
            id="outage-end"
            type="datetime-local"
            value={form.expectedEndAt}
            onChange={set('expectedEndAt')}
          />
        </Field>
      </div>
      <Field
        id="outage-summary"
        label="Public summary (shown on the status page)"
        required
        error={errors.publicSummary}
      >
        <textarea
          id="outage-summary"
          rows={3}
          value={form.publicSummary}
          onChange={set('publicSummary')}
        />
      </Field>
      <div className="actions">
        <button className="primary" type="submit" disabled={declare.isPending}>
          {declare.isPending ? 'Declaring…' : 'Declare outage'}
        </button>
      </div>
    </form>
  );
}
