'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import {
  bannerExplanations,
  maxAttachmentBytes,
  maxAttachmentsPerCase,
  portalCaseCreateSchema,
} from '@handoff/domain';
import { ErrorBanner, Field, Loading } from '@handoff/ui';
import {
  serverFieldErrors,
  zodFieldErrors,
  type FieldErrors,
} from '../../../components/field-errors';
import { useIdempotencyKey } from '../../../components/idempotency-key';
import { KnownOutages } from '../../../components/portal/known-outages';
import { ServicePicker } from '../../../components/service-picker';
import { api } from '../../../trpc/react';

interface PickedFile {
  fileName: string;
  contentType: string;
  dataBase64: string;
  size: number;
}

function readAsBase64(file: File): Promise<PickedFile> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(new Error(`Could not read ${file.name}`));
    reader.onload = () => {
      // readAsDataURL always yields a string: "data:<type>;base64,<data>".
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve({
        fileName: file.name,
        contentType: file.type || 'application/octet-stream',
        dataBase64: url.slice(url.indexOf(',') + 1),
        size: file.size,
      });
    };
    reader.readAsDataURL(file);
  });
}

const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** Help Online: a customer files a case (kb 000, 004). */
export default function NewCasePage() {
  const router = useRouter();
  const profile = api.case.profile.useQuery();
  const services = api.case.services.useQuery();
  const create = api.case.create.useMutation();
  const withKey = useIdempotencyKey();
  const [serviceId, setServiceId] = useState<number | null>(null);
  const [description, setDescription] = useState('');
  const [preferredContact, setPreferredContact] = useState<'email' | 'phone'>('email');
  const [phone, setPhone] = useState<string | null>(null);
  const [workRelated, setWorkRelated] = useState(true);
  const [computerName, setComputerName] = useState('');
  const [peopleAffected, setPeopleAffected] = useState('');
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});

  if (profile.isLoading || services.isLoading) return <Loading />;
  if (profile.error) return <ErrorBanner message={profile.error.message} />;
  const me = profile.data!;
  const phoneValue = phone ?? me.phone ?? '';
  // A field's message goes away as soon as the customer changes that field.
  const edited =
    <T,>(field: string, set: (v: T) => void) =>
    (v: T) => {
      setErrors(({ [field]: _fixed, ...rest }) => rest);
      set(v);
    };

  async function pickFiles(list: FileList | null) {
    const picked = await Promise.all([...(list ?? [])].map(readAsBase64));
    const tooBig = picked.find((f) => f.size > maxAttachmentBytes);
    if (picked.length > maxAttachmentsPerCase)
      setErrors((e) => ({ ...e, attachments: `Attach at most ${maxAttachmentsPerCase} files` }));
    else if (tooBig)
      setErrors((e) => ({
        ...e,
        attachments: `${tooBig.fileName} is ${mb(tooBig.size)}; each file may be at most ${mb(maxAttachmentBytes)}`,
      }));
    else setErrors(({ attachments: _drop, ...rest }) => rest);
    setFiles(picked);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = portalCaseCreateSchema.safeParse({
      serviceId: serviceId ?? undefined,
      description,
      preferredContact,
      phone: phoneValue,
      workRelated,
      computerName,
      peopleAffected: peopleAffected.trim() === '' ? undefined : Number(peopleAffected),
      attachments: files.map(({ fileName, contentType, dataBase64 }) => ({
        fileName,
        contentType,
        dataBase64,
      })),
    });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error));
    setErrors({});
    try {
      const created = await create.mutateAsync(withKey(parsed.data));
      router.push(`/portal/incidents/${created.number}`);
    } catch (err) {
      setErrors(serverFieldErrors(err));
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="New case">
      <h1>New case</h1>
      <ErrorBanner message={create.error?.message} />
      <section className="panel">
        <ServicePicker
          services={services.data ?? []}
          value={serviceId}
          onChange={edited('serviceId', setServiceId)}
          error={errors.serviceId}
          explainBanner={(b) => bannerExplanations[b]}
        />
        {serviceId !== null ? (
          <section aria-label="Is this already known?">
            <h2>Is this already known?</h2>
            <KnownOutages
              serviceId={serviceId}
              emptyText="No known outage affects this service right now."
            />
          </section>
        ) : null}
      </section>
      <section className="panel">
        <Field id="description" label="What is happening?" required error={errors.description}>
          <textarea
            id="description"
            rows={5}
            value={description}
            onChange={(e) => edited('description', setDescription)(e.target.value)}
          />
        </Field>
        <Field
          id="workRelated"
          label="Is this for your university work?"
          required
          error={errors.workRelated}
        >
          <div role="radiogroup" aria-label="Is this for your university work?" id="workRelated">
            <label style={{ marginRight: '1rem' }}>
              <input
                type="radio"
                name="workRelated"
                checked={workRelated}
                onChange={() => setWorkRelated(true)}
              />{' '}
              Yes
            </label>
            <label>
              <input
                type="radio"
                name="workRelated"
                checked={!workRelated}
                onChange={() => setWorkRelated(false)}
              />{' '}
              No
            </label>
          </div>
        </Field>
        <Field
          id="computerName"
          label="Computer name (if it is a university computer)"
          error={errors.computerName}
          hint="Printed on the label, e.g. CAE-4411"
        >
          <input
            id="computerName"
            value={computerName}
            onChange={(e) => edited('computerName', setComputerName)(e.target.value)}
          />
        </Field>
        <Field
          id="peopleAffected"
          label="How many people are affected?"
          error={errors.peopleAffected}
          hint={
            me.primaryTechPartner
              ? 'As a Primary Tech Partner, an issue affecting more than one person gets priority.'
              : 'Including you.'
          }
        >
          <input
            id="peopleAffected"
            type="number"
            min={1}
            inputMode="numeric"
            value={peopleAffected}
            onChange={(e) => edited('peopleAffected', setPeopleAffected)(e.target.value)}
          />
        </Field>
      </section>
      <section className="panel">
        <Field
          id="preferredContact"
          label="How should we contact you?"
          required
          error={errors.preferredContact}
        >
          <div role="radiogroup" aria-label="How should we contact you?" id="preferredContact">
            <label style={{ marginRight: '1rem' }}>
              <input
                type="radio"
                name="preferredContact"
                checked={preferredContact === 'email'}
                onChange={() => edited('phone', setPreferredContact)('email')}
              />{' '}
              E-mail ({me.email})
            </label>
            <label>
              <input
                type="radio"
                name="preferredContact"
                checked={preferredContact === 'phone'}
                onChange={() => edited('preferredContact', setPreferredContact)('phone')}
              />{' '}
              Phone
            </label>
          </div>
        </Field>
        <Field
          id="phone"
          label="Phone"
          error={errors.phone}
          required={preferredContact === 'phone'}
        >
          <input
            id="phone"
            type="tel"
            value={phoneValue}
            onChange={(e) => edited('phone', setPhone)(e.target.value)}
          />
        </Field>
        <Field
          id="attachments"
          label={`Attachments (optional, up to ${maxAttachmentsPerCase} files of ${mb(maxAttachmentBytes)})`}
          error={errors.attachments}
        >
          <input
            id="attachments"
            type="file"
            multiple
            onChange={(e) => void pickFiles(e.target.files)}
          />
        </Field>
        {files.length > 0 ? (
          <ul aria-label="Files to attach">
            {files.map((f) => (
              <li key={f.fileName}>
                {f.fileName} ({mb(f.size)})
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <div className="actions">
        <button
          className="primary"
          type="submit"
          disabled={create.isPending || !!errors.attachments}
        >
          {create.isPending ? 'Submitting…' : 'Submit case'}
        </button>
      </div>
    </form>
  );
}
