'use client';

import { useState, type FormEvent } from 'react';
import { type Incident } from '@handoff/domain';
import { ErrorBanner, Field } from '@handoff/ui';
import { api, type RouterOutputs } from '../trpc/react';
import { serverFieldErrors, zodFieldErrors, type FieldErrors } from './field-errors';
import { CustomerTypeahead, type CustomerHit } from './customer-typeahead';
import { ServicePicker } from './service-picker';

const initial = (i: Incident) => ({
  callerName: i.callerName,
  callerPhone: i.callerPhone ?? '',
  callerEmail: i.callerEmail ?? '',
  description: i.description,
  computerName: i.computerName ?? '',
});

/**
 * The edit form itself, loaded when the agent opens it (issue 16 page weight). It mounts fresh
 * on every open, so the fields start from the incident as it is then.
 */
export function EditIncidentFields({
  incident,
  customer,
  services,
  startedVersion,
  onSaved,
  onClose,
}: {
  incident: Incident;
  customer: CustomerHit | null;
  services: RouterOutputs['catalog']['services'];
  /** The version the edit started from (see EditIncidentForm). */
  startedVersion: number;
  onSaved: () => void;
  onClose: () => void;
}) {
  const [form, setForm] = useState(() => initial(incident));
  const [serviceId, setServiceId] = useState<number | null>(incident.serviceId);
  const [matched, setMatched] = useState<CustomerHit | null>(customer);
  const [errors, setErrors] = useState<FieldErrors>({});
  const edit = api.incident.edit.useMutation();
  const conflict = edit.error?.data?.code === 'CONFLICT';
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [k]: e.target.value }));

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
      onClose();
      onSaved();
    } catch (err) {
      setErrors(serverFieldErrors(err));
    }
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
              onClose();
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
        <button type="button" onClick={() => onClose()}>
          Cancel
        </button>
      </div>
    </form>
  );
}
