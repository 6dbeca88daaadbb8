'use client';

import { useState, type FormEvent } from 'react';
import { EmptyState, ErrorBanner, Field, Loading } from '@handoff/ui';
import { api, type RouterOutputs } from '../trpc/react';
import { serverFieldErrors, type FieldErrors } from './field-errors';

type Organisation = RouterOutputs['organisation']['list']['organisations'][number];

/**
 * Admins keep the channel-partner organisations (kb 003): their e-mail domains, the partner group
 * that supports them, and their end users, including test users placed by hand.
 */
export function OrganisationAdmin() {
  const list = api.organisation.list.useQuery();
  if (list.isLoading) return <Loading />;
  if (list.error) return <ErrorBanner message={list.error.message} />;
  const data = list.data;
  if (!data) return null;
  return (
    <section aria-label="Organisations">
      <h2>Channel-partner organisations</h2>
      {data.organisations.length === 0 ? (
        <EmptyState>No organisations yet.</EmptyState>
      ) : (
        <table aria-label="Organisation list">
          <thead>
            <tr>
              <th>Organisation</th>
              <th>E-mail domains</th>
              <th>Partner group</th>
              <th>End users</th>
            </tr>
          </thead>
          <tbody>
            {data.organisations.map((o) => (
              <tr key={o.id}>
                <td>{o.name}</td>
                <td>
                  <DomainsEditor organisation={o} />
                </td>
                <td>{o.partnerTeamName}</td>
                <td>
                  {data.endUsers
                    .filter((u) => u.organisationId === o.id)
                    .map((u) => (
                      <div key={u.id}>
                        {u.name}{' '}
                        <span className="muted">
                          {u.email}
                          {u.login ? '' : ' (no login)'}
                        </span>
                      </div>
                    ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="grid2">
        <NewOrganisationForm partnerTeams={data.partnerTeams} />
        <NewEndUserForm organisations={data.organisations} />
      </div>
    </section>
  );
}

function DomainsEditor({ organisation }: { organisation: Organisation }) {
  const utils = api.useUtils();
  const [text, setText] = useState(organisation.domains.join(', '));
  const save = api.organisation.setDomains.useMutation({
    onSuccess: () => void utils.organisation.invalidate(),
  });
  const id = `domains-${organisation.id}`;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ organisationId: organisation.id, domains: text });
      }}
      aria-label={`Domains of ${organisation.name}`}
    >
      <Field id={id} label="Domains" error={save.error?.message}>
        <input id={id} value={text} onChange={(e) => setText(e.target.value)} />
      </Field>
      <button type="submit" disabled={save.isPending || text === organisation.domains.join(', ')}>
        {save.isPending ? 'Saving…' : 'Save domains'}
      </button>
    </form>
  );
}

function NewOrganisationForm({ partnerTeams }: { partnerTeams: { id: number; name: string }[] }) {
  const utils = api.useUtils();
  const create = api.organisation.create.useMutation({
    onSuccess: () => void utils.organisation.invalidate(),
  });
  const [form, setForm] = useState({ name: '', domains: '', team: '', newTeam: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [done, setDone] = useState<string | null>(null);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [k]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    try {
      await create.mutateAsync({
        name: form.name,
        domains: form.domains,
        ...(form.team === 'new'
          ? { newPartnerTeamName: form.newTeam }
          : form.team
            ? { partnerTeamId: Number(form.team) }
            : {}),
      });
      setDone(`${form.name} created.`);
      setForm({ name: '', domains: '', team: '', newTeam: '' });
      setErrors({});
    } catch (err) {
      setErrors(serverFieldErrors(err));
    }
  }

  return (
    <form
      className="panel"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label="New organisation"
    >
      <h3 style={{ marginTop: 0 }}>New organisation</h3>
      {done ? (
        <div className="ok-banner" role="status">
          {done}
        </div>
      ) : null}
      <ErrorBanner
        message={create.error && !Object.keys(errors).length ? create.error.message : undefined}
      />
      <Field id="org-name" label="Name" error={errors.name}>
        <input id="org-name" value={form.name} onChange={set('name')} />
      </Field>
      <Field
        id="org-domains"
        label="E-mail domains"
        hint="Separated by commas, e.g. badgerhealth.example"
        error={errors.domains}
      >
        <input id="org-domains" value={form.domains} onChange={set('domains')} />
      </Field>
      <Field id="org-team" label="Supported by" error={errors.partnerTeamId}>
        <select id="org-team" value={form.team} onChange={set('team')}>
          <option value="">Choose a partner group…</option>
          {partnerTeams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
          <option value="new">A new partner group…</option>
        </select>
      </Field>
      {form.team === 'new' ? (
        <Field id="org-new-team" label="New partner group name" error={errors.newPartnerTeamName}>
          <input id="org-new-team" value={form.newTeam} onChange={set('newTeam')} />
        </Field>
      ) : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create organisation'}
        </button>
      </div>
    </form>
  );
}

function NewEndUserForm({ organisations }: { organisations: Organisation[] }) {
  const utils = api.useUtils();
  const create = api.organisation.createEndUser.useMutation({
    onSuccess: () => void utils.organisation.invalidate(),
  });
  const [form, setForm] = useState({ name: '', email: '', password: '', organisation: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [done, setDone] = useState<string | null>(null);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [k]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    try {
      const created = await create.mutateAsync({
        name: form.name,
        email: form.email,
        password: form.password,
        organisationId: form.organisation ? Number(form.organisation) : null,
      });
      setDone(
        `${form.email} can sign in to Help Online as a member of ${created.organisationName}${created.how === 'manual' ? ' (test user, placed by hand)' : ''}.`,
      );
      setForm({ name: '', email: '', password: '', organisation: '' });
      setErrors({});
    } catch (err) {
      setErrors(serverFieldErrors(err));
    }
  }

  return (
    <form className="panel" onSubmit={(e) => void submit(e)} noValidate aria-label="New end user">
      <h3 style={{ marginTop: 0 }}>Add an end user</h3>
      {done ? (
        <div className="ok-banner" role="status">
          {done}
        </div>
      ) : null}
      <ErrorBanner
        message={create.error && !Object.keys(errors).length ? create.error.message : undefined}
      />
      <Field id="eu-name" label="Name" error={errors.name}>
        <input id="eu-name" value={form.name} onChange={set('name')} />
      </Field>
      <Field id="eu-email" label="E-mail" error={errors.email}>
        <input id="eu-email" type="email" value={form.email} onChange={set('email')} />
      </Field>
      <Field
        id="eu-password"
        label="Help Online password"
        hint="At least 8 characters"
        error={errors.password}
      >
        <input id="eu-password" type="password" value={form.password} onChange={set('password')} />
      </Field>
      <Field
        id="eu-organisation"
        label="Organisation"
        hint="By e-mail domain refuses free-mail and unknown domains; choosing one makes a test user (kb 003 “To Test the System”)."
        error={errors.organisationId}
      >
        <select id="eu-organisation" value={form.organisation} onChange={set('organisation')}>
          <option value="">By e-mail domain (automatic)</option>
          {organisations.map((o) => (
            <option key={o.id} value={o.id}>
              Test user in {o.name}
            </option>
          ))}
        </select>
      </Field>
      <div className="actions">
        <button type="submit" className="primary" disabled={create.isPending}>
          {create.isPending ? 'Adding…' : 'Add end user'}
        </button>
      </div>
    </form>
  );
}
