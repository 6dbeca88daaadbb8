'use client';

import { useState, type FormEvent } from 'react';
import {
  editProblemSchema,
  instantToLocalInput,
  localInputToInstant,
  type Problem,
} from '@handoff/domain';
import { ErrorBanner, Field } from '@handoff/ui';
import { api, type RouterOutputs } from '../trpc/react';
import { serverFieldErrors, zodFieldErrors, type FieldErrors } from './field-errors';
import { ServicePicker } from './service-picker';

/** The Identify & Classify section (kb 001 step 5), corrected after creation. */
export function ProblemEditForm({
  problem,
  services,
  onSaved,
  onCancel,
}: {
  problem: Problem;
  services: RouterOutputs['catalog']['services'];
  onSaved: () => void;
  onCancel: () => void;
}) {
  const edit = api.problem.edit.useMutation();
  const [form, setForm] = useState({
    title: problem.title,
    category: problem.category,
    impact: problem.impact,
    symptoms: problem.symptoms,
    firstSeenAt: instantToLocalInput(problem.firstSeenAt),
  });
  const [serviceId, setServiceId] = useState<number | null>(problem.serviceId);
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [k]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = editProblemSchema.safeParse({
      ...form,
      problemId: problem.id,
      expectedVersion: problem.version,
      serviceId: serviceId ?? undefined,
      firstSeenAt: localInputToInstant(form.firstSeenAt) ?? undefined,
    });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error));
    try {
      await edit.mutateAsync(parsed.data);
      onSaved();
    } catch (err) {
      setErrors(serverFieldErrors(err));
    }
  }
  return (
    <form
      className="panel"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label="Identify and Classify"
    >
      <h2 style={{ marginTop: 0 }}>Identify &amp; Classify</h2>
      <ErrorBanner message={edit.error?.message} />
      <Field id="problem-title" label="Title" required error={errors.title}>
        <input id="problem-title" value={form.title} onChange={set('title')} />
      </Field>
      <div className="grid2">
        <ServicePicker
          services={services}
          value={serviceId}
          onChange={setServiceId}
          error={errors.serviceId}
        />
        <Field id="problem-category" label="Problem category" required error={errors.category}>
          <input id="problem-category" value={form.category} onChange={set('category')} />
        </Field>
        <Field id="problem-impact" label="Impact" required error={errors.impact}>
          <input id="problem-impact" value={form.impact} onChange={set('impact')} />
        </Field>
        <Field
          id="problem-first-seen"
          label="First seen (Central time)"
          required
          error={errors.firstSeenAt}
        >
          <input
            id="problem-first-seen"
            type="datetime-local"
            value={form.firstSeenAt}
            onChange={set('firstSeenAt')}
          />
        </Field>
      </div>
      <Field id="problem-symptoms" label="Symptoms" required error={errors.symptoms}>
        <textarea id="problem-symptoms" rows={5} value={form.symptoms} onChange={set('symptoms')} />
      </Field>
      <div className="actions">
        <button className="primary" type="submit" disabled={edit.isPending}>
          Save
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
