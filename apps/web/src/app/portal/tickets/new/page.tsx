'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { partnerTicketSubmitSchema } from '@handoff/domain';
import { ErrorBanner, Field, Loading } from '@handoff/ui';
import {
  serverFieldErrors,
  zodFieldErrors,
  type FieldErrors,
} from '../../../../components/field-errors';
import { useIdempotencyKey } from '../../../../components/idempotency-key';
import { api } from '../../../../trpc/react';

/** kb 003: an end user of a supported organisation submits a ticket to their channel partner. */
export default function NewPartnerTicketPage() {
  const router = useRouter();
  const org = api.partner.myOrganisation.useQuery();
  const submit = api.partner.submit.useMutation();
  const withKey = useIdempotencyKey();
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  if (org.isLoading) return <Loading />;
  if (org.error) return <ErrorBanner message={org.error.message} />;
  const organisation = org.data?.organisation;
  if (!organisation) {
    return (
      <>
        <h1>Submit a ticket</h1>
        <div className="error-banner" role="alert">
          {org.data?.refusal ?? 'You are not a member of a supported organisation.'}
        </div>
      </>
    );
  }

  async function send(e: FormEvent) {
    e.preventDefault();
    const parsed = partnerTicketSubmitSchema.safeParse({ description });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error));
    setErrors({});
    try {
      const created = await submit.mutateAsync(withKey(parsed.data));
      router.push(`/portal/incidents/${created.number}`);
    } catch (err) {
      setErrors(serverFieldErrors(err));
    }
  }

  return (
    <>
      <h1>Submit a ticket to {organisation.partnerTeamName}</h1>
      <p className="muted">
        You are a member of {organisation.name}. Every agent of {organisation.partnerTeamName} is
        told at once; the first to claim it answers you here and by e-mail.
      </p>
      <form className="panel" onSubmit={(e) => void send(e)} noValidate aria-label="New ticket">
        <ErrorBanner
          message={submit.error && !Object.keys(errors).length ? submit.error.message : undefined}
        />
        <Field
          id="ticket-description"
          label="Describe the problem"
          error={errors.description}
          required
        >
          <textarea
            id="ticket-description"
            rows={6}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </Field>
        <div className="actions">
          <button type="submit" className="primary" disabled={submit.isPending}>
            {submit.isPending ? 'Submitting…' : 'Submit ticket'}
          </button>
        </div>
      </form>
    </>
  );
}
