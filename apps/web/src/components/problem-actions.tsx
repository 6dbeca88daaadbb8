'use client';

import { useState, type FormEvent } from 'react';
import { incidentNumberSchema } from '@handoff/domain';
import { ErrorBanner, Field } from '@handoff/ui';
import { api } from '../trpc/react';
import { serverFieldErrors, type FieldErrors } from './field-errors';

interface Target {
  problemId: number;
  version: number;
  onDone: (message: string) => void;
}

/** kb 001 step 6 / 11: "clicks the team name in the Owned by pane and assigns the Problem". */
export function AssignProblem({
  problemId,
  version,
  ownerTeamId,
  onDone,
}: Target & { ownerTeamId: number }) {
  const pickers = api.problem.pickers.useQuery();
  const assign = api.problem.assign.useMutation();
  const [teamId, setTeamId] = useState('');
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!teamId) return;
    const r = await assign
      .mutateAsync({ problemId, expectedVersion: version, teamId: Number(teamId) })
      .catch(() => null);
    if (r)
      onDone(
        `Assigned to ${pickers.data?.teams.find((t) => t.id === Number(teamId))?.name ?? 'the team'}.`,
      );
  }
  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)} aria-label="Assign problem">
      <label htmlFor="assign-team">Assign to</label>
      <select id="assign-team" value={teamId} onChange={(e) => setTeamId(e.target.value)}>
        <option value="">Choose a team…</option>
        {pickers.data?.teams
          .filter((t) => t.id !== ownerTeamId)
          .map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
      </select>
      <button type="submit" disabled={!teamId || assign.isPending}>
        Assign
      </button>
      <ErrorBanner message={assign.error?.message} />
    </form>
  );
}

/** kb 001 step 7: SNCC links the problem to the outage, from the problem. */
export function LinkOutage({ problemId, version, onDone }: Target) {
  const pickers = api.problem.pickers.useQuery();
  const link = api.problem.linkOutage.useMutation();
  const [outageId, setOutageId] = useState('');
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!outageId) return;
    const r = await link
      .mutateAsync({ problemId, expectedVersion: version, outageId: Number(outageId) })
      .catch(() => null);
    if (r) onDone('Linked to the outage.');
  }
  const outages = pickers.data?.outages ?? [];
  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)} aria-label="Link outage">
      <label htmlFor="link-outage">Link to outage</label>
      <select id="link-outage" value={outageId} onChange={(e) => setOutageId(e.target.value)}>
        <option value="">
          {outages.length ? 'Choose an outage…' : 'No active or planned outage'}
        </option>
        {outages.map((o) => (
          <option key={o.id} value={o.id}>
            {o.number} · {o.title} ({o.status})
          </option>
        ))}
      </select>
      <button type="submit" disabled={!outageId || link.isPending}>
        Link outage
      </button>
      <ErrorBanner message={link.error?.message} />
    </form>
  );
}

/** kb 001 step 8: HDQA links incidents by number (several at once, all or nothing). */
export function LinkIncidents({ problemId, onDone }: Omit<Target, 'version'>) {
  const link = api.problem.linkIncidents.useMutation();
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  async function submit(e: FormEvent) {
    e.preventDefault();
    const numbers = text
      .split(/[\s,;]+/)
      .map((n) => n.trim().toUpperCase())
      .filter(Boolean);
    const bad = numbers.filter((n) => !incidentNumberSchema.safeParse(n).success);
    if (numbers.length === 0) return setErrors({ numbers: 'Enter at least one incident number' });
    if (bad.length)
      return setErrors({
        numbers: `Not incident numbers: ${bad.join(', ')} (they look like INC-000123)`,
      });
    try {
      const r = await link.mutateAsync({ problemId, numbers });
      setText('');
      setErrors({});
      onDone(`Linked ${r.linked} incident${r.linked === 1 ? '' : 's'}.`);
    } catch (err) {
      setErrors(serverFieldErrors(err));
    }
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Link incidents">
      <Field
        id="link-numbers"
        label="Link incidents (numbers, separated by spaces or commas)"
        error={errors.numbers}
      >
        <input
          id="link-numbers"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="INC-000123, INC-000124"
        />
      </Field>
      <ErrorBanner message={errors.numbers ? undefined : link.error?.message} />
      <div className="actions">
        <button type="submit" disabled={link.isPending}>
          Link incidents
        </button>
      </div>
    </form>
  );
}

/** The problem is done: SNCC resolves it (no open incident left), saying how. */
export function ResolveProblem({
  problemId,
  version,
  disabledReason,
  onDone,
}: Target & { disabledReason: string | null }) {
  const resolve = api.problem.resolve.useMutation();
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!note.trim()) return setErrors({ note: 'Say how the problem was resolved' });
    try {
      await resolve.mutateAsync({ problemId, expectedVersion: version, note });
      onDone('Problem resolved.');
    } catch (err) {
      setErrors(serverFieldErrors(err));
    }
  }
  if (disabledReason) return <p className="muted">Resolve problem: {disabledReason}</p>;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Resolve problem">
      <ErrorBanner message={resolve.error?.message} />
      <Field id="resolve-note" label="How was the problem resolved?" error={errors.note}>
        <textarea
          id="resolve-note"
          rows={2}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </Field>
      <div className="actions">
        <button type="submit" disabled={resolve.isPending}>
          Resolve problem
        </button>
      </div>
    </form>
  );
}
