'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { can, channels, incidentCreateSchema } from '@handoff/domain';
import { ErrorBanner, Field, Loading } from '@handoff/ui';
import { CustomerTypeahead, type CustomerHit } from '../../../../components/customer-typeahead';
import { KnownOutages } from '../../../../components/known-outages';
import {
  serverFieldErrors,
  zodFieldErrors,
  type FieldErrors,
} from '../../../../components/field-errors';
import { useIdempotencyKey } from '../../../../components/idempotency-key';
import { ServicePicker } from '../../../../components/service-picker';
import { api } from '../../../../trpc/react';

const channelLabels: Record<(typeof channels)[number], string> = {
  phone: 'Phone',
  email: 'E-mail',
  chat: 'Chat',
  portal: 'Portal',
  auto: 'Automatic',
};

export default function NewIncidentPage() {
  const router = useRouter();
  const services = api.catalog.services.useQuery();
  const me = api.me.get.useQuery();
  const [problemId, setProblemId] = useState<number | null>(null);
  const create = api.incident.create.useMutation();
  const withKey = useIdempotencyKey();
  const [customer, setCustomer] = useState<CustomerHit | null>(null);
  const [serviceId, setServiceId] = useState<number | null>(null);
  const [form, setForm] = useState({
    callerName: '',
    callerPhone: '',
    callerEmail: '',
    channel: 'phone' as (typeof channels)[number],
    description: '',
    computerName: '',
    firstNote: '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [k]: e.target.value }));

  function chooseCustomer(c: CustomerHit | null) {
    setCustomer(c);
    if (c) {
      // Prefill the caller from the customer record, without overwriting what the agent typed.
      setForm((f) => ({
        ...f,
        callerName: f.callerName || c.name,
        callerPhone: f.callerPhone || (c.phone ?? ''),
        callerEmail: f.callerEmail || c.email,
      }));
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = incidentCreateSchema.safeParse({
      ...form,
      serviceId: serviceId ?? undefined,
      customerId: customer?.id ?? null,
      problemId,
    });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      return;
    }
    setErrors({});
    try {
      const created = await create.mutateAsync(withKey(parsed.data));
      router.push(`/incidents/${created.number}`);
    } catch (err) {
      setErrors(serverFieldErrors(err));
    }
  }

  if (services.isLoading) return <Loading />;
  return (
    <>
      <h1>New incident</h1>
      <form onSubmit={(e) => void submit(e)} noValidate aria-label="New incident">
        <ErrorBanner message={create.error?.message} />
        <section className="panel">
          <h2>Caller</h2>
          <div className="grid2">
            <Field
              id="customer"
              label="Customer"
              error={errors.customerId}
              hint="Search by name, NetID or e-mail"
            >
              <CustomerTypeahead
                id="customer"
                selected={customer}
                onSelect={chooseCustomer}
                invalid={!!errors.customerId}
              />
            </Field>
            <Field id="callerName" label="Caller name" required error={errors.callerName}>
              <input
                id="callerName"
                value={form.callerName}
                onChange={set('callerName')}
                aria-invalid={!!errors.callerName || undefined}
              />
            </Field>
            <Field
              id="callerPhone"
              label="Caller phone"
              error={errors.callerPhone}
              hint="Phone or e-mail is required"
            >
              <input
                id="callerPhone"
                type="tel"
                value={form.callerPhone}
                onChange={set('callerPhone')}
                aria-invalid={!!errors.callerPhone || undefined}
              />
            </Field>
            <Field id="callerEmail" label="Caller e-mail" error={errors.callerEmail}>
              <input
                id="callerEmail"
                type="email"
                value={form.callerEmail}
                onChange={set('callerEmail')}
                aria-invalid={!!errors.callerEmail || undefined}
              />
            </Field>
            <Field id="channel" label="Channel" required error={errors.channel}>
              <select id="channel" value={form.channel} onChange={set('channel')}>
                {channels.map((c) => (
                  <option key={c} value={c}>
                    {channelLabels[c]}
                  </option>
                ))}
              </select>
            </Field>
          </div>
        </section>
        <section className="panel">
          <h2>Issue</h2>
          <div className="grid2">
            <ServicePicker
              services={services.data ?? []}
              value={serviceId}
              onChange={(id) => {
                setServiceId(id);
                // A problem belongs to one service: choosing another clears the link.
                setProblemId(null);
              }}
              error={errors.serviceId}
            />
            <Field
              id="computerName"
              label="Computer name"
              error={errors.computerName}
              hint="Departmental computers only"
            >
              <input id="computerName" value={form.computerName} onChange={set('computerName')} />
            </Field>
          </div>
          <KnownOutages
            serviceId={serviceId}
            canLink={!!me.data && can(me.data.role, 'onestep.link_to_problem')}
            problemId={problemId}
            onProblem={setProblemId}
            error={errors.problemId}
          />
          <Field id="description" label="Description" required error={errors.description}>
            <textarea
              id="description"
              rows={4}
              value={form.description}
              onChange={set('description')}
              aria-invalid={!!errors.description || undefined}
            />
          </Field>
          <Field id="firstNote" label="First journal note (internal)" error={errors.firstNote}>
            <textarea id="firstNote" rows={3} value={form.firstNote} onChange={set('firstNote')} />
          </Field>
        </section>
        <div className="actions">
          <button className="primary" type="submit" disabled={create.isPending}>
            {create.isPending ? 'Creating…' : 'Create incident'}
          </button>
        </div>
      </form>
    </>
  );
}
