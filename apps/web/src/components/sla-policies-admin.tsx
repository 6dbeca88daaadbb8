'use client';

import { useState, type FormEvent } from 'react';
import {
  channels,
  slaCalendarLabels,
  slaCalendars,
  slaPolicyInputSchema,
  targetLabel,
  targetUnits,
  urgencies,
  urgencyLabels,
  type SlaPolicy,
} from '@handoff/domain';
import { ErrorBanner, Field, Loading, Time } from '@handoff/ui';
import { api } from '../trpc/react';
import { serverFieldErrors, zodFieldErrors, type FieldErrors } from './field-errors';

const unitLabels: Record<(typeof targetUnits)[number], string> = {
  business_hours: 'business hours',
  business_days: 'business days',
  minutes: 'minutes',
};
const targets = (p: SlaPolicy) =>
  `${targetLabel({ amount: p.firstResponseAmount, unit: p.firstResponseUnit })} / ${targetLabel({
    amount: p.resolutionAmount,
    unit: p.resolutionUnit,
  })}`;
const scope = (p: Pick<SlaPolicy, 'urgency' | 'channel'>) =>
  [p.urgency ? urgencyLabels[p.urgency] : null, p.channel].filter(Boolean).join(', ') || 'Default';

const blank = {
  teamId: '',
  urgency: '',
  channel: '',
  calendar: 'general_hd',
  frAmount: '1',
  frUnit: 'business_hours',
  resAmount: '2',
  resUnit: 'business_days',
};

/** SLA policies per team (issue 18): edits apply to incidents created from now on; every version is kept. */
export function SlaPoliciesAdmin() {
  const q = api.sla.policies.useQuery();
  const save = api.sla.savePolicy.useMutation({ onSuccess: () => void q.refetch() });
  const [form, setForm] = useState(blank);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState(false);
  const set = (k: keyof typeof blank) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [k]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const parsed = slaPolicyInputSchema.safeParse({
      teamId: Number(form.teamId),
      urgency: form.urgency || null,
      channel: form.channel || null,
      calendar: form.calendar,
      firstResponse: { amount: Number(form.frAmount), unit: form.frUnit },
      resolution: { amount: Number(form.resAmount), unit: form.resUnit },
    });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error));
    try {
      await save.mutateAsync(parsed.data);
      setErrors({});
      setSaved(true);
    } catch (err) {
      setErrors(serverFieldErrors(err));
    }
  }

  if (q.isLoading) return <Loading />;
  if (q.error) return <ErrorBanner message={q.error.message} />;
  const edit = (p: SlaPolicy) =>
    setForm({
      teamId: String(p.teamId),
      urgency: p.urgency ?? '',
      channel: p.channel ?? '',
      calendar: p.calendar,
      frAmount: String(p.firstResponseAmount),
      frUnit: p.firstResponseUnit,
      resAmount: String(p.resolutionAmount),
      resUnit: p.resolutionUnit,
    });
  return (
    <section aria-label="SLA policies">
      <h2>SLA policies</h2>
      <p className="muted">
        First response / resolution targets per team, on the team’s calendar. A change applies to
        incidents created after it; incidents created before keep their targets.
      </p>
      <table aria-label="SLA policies in force">
        <thead>
          <tr>
            <th>Team</th>
            <th>For</th>
            <th>Calendar</th>
            <th>First response / resolution</th>
            <th>Since</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {q.data?.current.map(({ policy: p, teamName }) => (
            <tr key={p.id}>
              <td>{teamName}</td>
              <td>{scope(p)}</td>
              <td>{slaCalendarLabels[p.calendar]}</td>
              <td>{targets(p)}</td>
              <td>
                <Time at={p.effectiveFrom} />
              </td>
              <td>
                <button type="button" onClick={() => edit(p)}>
                  Edit {teamName} {scope(p)}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form onSubmit={submit} className="filters" aria-label="Set an SLA policy">
        <ErrorBanner message={errors._form} />
        <Field id="sla-team" label="Team" error={errors.teamId}>
          <select id="sla-team" value={form.teamId} onChange={set('teamId')}>
            <option value="">Choose a team…</option>
            {q.data?.teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="sla-urgency" label="Urgency">
          <select id="sla-urgency" value={form.urgency} onChange={set('urgency')}>
            <option value="">Any</option>
            {urgencies.map((u) => (
              <option key={u} value={u}>
                {urgencyLabels[u]}
              </option>
            ))}
          </select>
        </Field>
        <Field id="sla-channel" label="Channel">
          <select id="sla-channel" value={form.channel} onChange={set('channel')}>
            <option value="">Any</option>
            {channels.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </Field>
        <Field id="sla-calendar" label="Calendar">
          <select id="sla-calendar" value={form.calendar} onChange={set('calendar')}>
            {slaCalendars.map((c) => (
              <option key={c} value={c}>
                {slaCalendarLabels[c]}
              </option>
            ))}
          </select>
        </Field>
        <Field id="sla-fr" label="First response" error={errors['firstResponse.amount']}>
          <input
            id="sla-fr"
            type="number"
            min={1}
            value={form.frAmount}
            onChange={set('frAmount')}
          />
          <select aria-label="First response unit" value={form.frUnit} onChange={set('frUnit')}>
            {targetUnits.map((u) => (
              <option key={u} value={u}>
                {unitLabels[u]}
              </option>
            ))}
          </select>
        </Field>
        <Field id="sla-res" label="Resolution" error={errors['resolution.amount']}>
          <input
            id="sla-res"
            type="number"
            min={1}
            value={form.resAmount}
            onChange={set('resAmount')}
          />
          <select aria-label="Resolution unit" value={form.resUnit} onChange={set('resUnit')}>
            {targetUnits.map((u) => (
              <option key={u} value={u}>
                {unitLabels[u]}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" disabled={save.isPending}>
          Save policy
        </button>
        {saved ? <span role="status">Saved: incidents created from now on use it.</span> : null}
      </form>
      <details>
        <summary>Policy history</summary>
        <table aria-label="SLA policy history">
          <thead>
            <tr>
              <th>Team</th>
              <th>For</th>
              <th>Targets</th>
              <th>From</th>
              <th>Until</th>
              <th>Set by</th>
            </tr>
          </thead>
          <tbody>
            {q.data?.history.map(({ policy: p, teamName, byName }) => (
              <tr key={p.id}>
                <td>{teamName}</td>
                <td>{scope(p)}</td>
                <td>{targets(p)}</td>
                <td>
                  <Time at={p.effectiveFrom} />
                </td>
                <td>{p.supersededAt ? <Time at={p.supersededAt} /> : 'in force'}</td>
                <td>{byName ?? 'demo data'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
