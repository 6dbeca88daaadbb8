'use client';

import { useState, type FormEvent } from 'react';
import { type Incident } from '@handoff/domain';
import { ErrorBanner, Field } from '@handoff/ui';
import { api, type RouterOutputs } from '../trpc/react';
import { serverFieldErrors, zodFieldErrors, type FieldErrors } from './field-errors';
import { CustomerTypeahead, type CustomerHit } from './customer-typeahead';
import { ServicePicker } from './service-picker';
import { useEditingSignal } from './live/incident-follow';

const initial = (i: Incident) => ({
  callerName: i.callerName,
  callerPhone: i.callerPhone ?? '',
  callerEmail: i.callerEmail ?? '',
  description: i.description,
  computerName: i.computerName ?? '',
});

/** Field edits carry the version the agent saw; a stale one is refused and nothing is overwritten. */
export function EditIncidentForm({
  incident,
  customer,
  services,
  onSaved,
}: {
  incident: Incident;
  /** The customer record the incident is matched to, if any (an e-mail from an unknown address has none). */
  customer: CustomerHit | null;
  services: RouterOutputs['catalog']['services'];
  onSaved: () => void;
}) {
  const [open, setOpen] = useState(false);
  // The version the edit started from: a live refetch keeps the agent's edits and this version, so
  // a colleague's change in between is refused as stale rather than overwritten.
  const [startedVersion, setStartedVersion] = useState(incident.version);
  useEditingSignal(incident.id, open);
  const [form, setForm] = useState(() => initial(incident));
  const [serviceId, setServiceId] = useState<number | null>(incident.serviceId);
  const [matched, setMatched] = useState<CustomerHit | null>(customer);
  const [errors, setErrors] = useState<FieldErrors>({});
  const edit = api.incident.edit.useMutation();
  const conflict = edit.error?.data?.code === 'CONFLICT';
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [k]: e.target.value }));

  function start() {
    setForm(initial(incident));
    setServiceId(incident.serviceId);
    setMatched(customer);
    setErrors({});
    edit.reset();
    setStartedVersion(incident.version);
    setOpen(true);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    // Loaded on submit, so zod is not part of the incident page's first load (issue 16).
    const { incidentPatchSchema } = await import('@handoff/domain/client-schemas');
    const parsed = incidentPatchSchema.safeParse({
      ...form,
      serviceId: serviceId ?? undefined,
      customerId: matched?.id ?? null,
    });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error));
    if (!parsed.data.callerPhone && !parsed.data.callerEmail) {
      return setErrors({ callerPhone: 'Give a phone number or an e-mail address for the caller' });
    }
    setErrors({});
    try {
      await edit.mutateAsync({
        id: incident.id,
        expectedVersion: startedVersion,
        patch: parsed.data,
      });
      setOpen(false);
      onSaved();
    } catch (err) {
      setErrors(serverFieldErrors(err));
    }
  }

  if (!open) {
    return (
      <div className="actions">
        <button type="button" onClick={start}>
          Edit fields
        </button>
      </div>
    );
  }
  return (
    <form className="panel" onSubmit={(e) => void submit(e)} noValidate aria-label="Edit incident">
      <ErrorBanner message={edit.error?.message} />
      {conflict ? (
        <div className="actions">
          <button
            type="button"
            onClick={() => {
              onSaved();
              setOpen(false);
            }}
          >
            Reload the incident
          </button>
        </div>
      ) : null}
      <div className="grid2">
        <Field id="edit-callerName" label="Caller name" required error={errors.callerName}>
          <input id="edit-callerName" value={form.callerName} onChange={set('callerName')} />
        </Field>
        <Field id="edit-callerPhone" label="Caller phone" error={errors.callerPhone}>
          <input id="edit-callerPhone" value={form.callerPhone} onChange={set('callerPhone')} />
        </Field>
        <Field id="edit-callerEmail" label="Caller e-mail" error={errors.callerEmail}>
          <input id="edit-callerEmail" value={form.callerEmail} onChange={set('callerEmail')} />
        </Field>
        <Field id="edit-computerName" label="Computer name" error={errors.computerName}>
          <input id="edit-computerName" value={form.computerName} onChange={set('computerName')} />
        </Field>
        <Field id="edit-customer" label="Customer" error={errors.customerId}>
          <CustomerTypeahead
            id="edit-customer"
            selected={matched}
            onSelect={setMatched}
            invalid={!!errors.customerId}
          />
        </Field>
        <ServicePicker
          services={services}
          value={serviceId}
          onChange={setServiceId}
          error={errors.serviceId}
        />
      </div>
      <Field id="edit-description" label="Description" required error={errors.description}>
        <textarea
          id="edit-description"
          rows={4}
          value={form.description}
          onChange={set('description')}
        />
      </Field>
      <div className="actions">
        <button className="primary" type="submit" disabled={edit.isPending}>
          {edit.isPending ? 'Saving…' : 'Save changes'}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
