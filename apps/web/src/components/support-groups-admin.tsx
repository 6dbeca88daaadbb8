'use client';

import { useState, type FormEvent } from 'react';
import { EmptyState, ErrorBanner, Field, Loading } from '@handoff/ui';
import { api, type RouterOutputs } from '../trpc/react';
import { serverFieldErrors, type FieldErrors } from './field-errors';

type Group = RouterOutputs['organisation']['groups'][number];
type Member = Group['members'][number];

const agentNoun = (group: Group) => (group.kind === 'partner' ? 'partner agent' : 'Tier 2 agent');

/** Who relies on the group: the organisations whose tickets it is told of, or every escalation. */
function whoItServes(group: Group): string {
  if (group.kind === 'tier2') return 'Told of every escalation from every partner group.';
  if (group.organisations.length === 0) return 'Supports no organisation yet.';
  return `Told of every new ticket from ${group.organisations.join(', ')}.`;
}

/** Refreshes the groups, the organisation table and the admin page's user list after a change. */
function useRefresh() {
  const utils = api.useUtils();
  return () => Promise.all([utils.organisation.invalidate(), utils.admin.overview.invalidate()]);
}

/**
 * Admins keep who is in each partner client-support group and in Tier 2 Support (kb 003): the
 * members are the people told of new tickets and escalations.
 */
export function SupportGroupsAdmin() {
  const groups = api.organisation.groups.useQuery();
  return (
    <section aria-label="Partner groups and Tier 2 Support">
      <h2>Partner groups and Tier 2 Support</h2>
      {groups.isLoading ? (
        <Loading />
      ) : groups.error ? (
        <ErrorBanner message={groups.error.message} />
      ) : !groups.data?.length ? (
        <EmptyState>
          No partner groups yet: create an organisation with a new partner group above.
        </EmptyState>
      ) : (
        groups.data.map((g) => <GroupCard key={g.id} group={g} />)
      )}
    </section>
  );
}

function GroupCard({ group }: { group: Group }) {
  const [done, setDone] = useState<string | null>(null);
  return (
    <section className="panel" aria-label={group.name}>
      <h3 style={{ marginTop: 0 }}>{group.name}</h3>
      <p className="muted">{whoItServes(group)}</p>
      {done ? (
        <div className="ok-banner" role="status">
          {done}
        </div>
      ) : null}
      <MemberList group={group} onDone={setDone} />
      <div className="grid2">
        <AddExistingForm group={group} onDone={setDone} />
        <NewMemberForm group={group} onDone={setDone} />
      </div>
    </section>
  );
}

function MemberList({ group, onDone }: { group: Group; onDone: (message: string | null) => void }) {
  const refresh = useRefresh();
  const remove = api.organisation.removeGroupMember.useMutation();
  const [confirming, setConfirming] = useState<Member | null>(null);
  const titleId = `remove-${group.id}-title`;

  async function confirm(member: Member) {
    try {
      const r = await remove.mutateAsync({ teamId: group.id, userId: member.id });
      setConfirming(null);
      onDone(`${r.name} is no longer in ${r.teamName}.`);
      await refresh();
    } catch {
      // The error banner in the dialog shows why.
    }
  }

  return (
    <>
      {group.members.length === 0 ? (
        <EmptyState>
          No members: nobody is told of this group’s tickets. Add a {agentNoun(group)} below.
        </EmptyState>
      ) : (
        <table aria-label={`Members of ${group.name}`}>
          <thead>
            <tr>
              <th>Name</th>
              <th>E-mail</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {group.members.map((m) => (
              <tr key={m.id}>
                <td>{m.name}</td>
                <td>{m.email}</td>
                <td>
                  <button
                    type="button"
                    disabled={m.removeRefusal !== null}
                    title={m.removeRefusal ?? undefined}
                    aria-label={`Remove ${m.name}`}
                    onClick={() => {
                      remove.reset();
                      onDone(null);
                      setConfirming(m);
                    }}
                  >
                    Remove
                  </button>
                  {m.removeRefusal ? <small className="muted"> {m.removeRefusal}</small> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {confirming ? (
        <div className="panel confirm" role="dialog" aria-modal="true" aria-labelledby={titleId}>
          <h3 id={titleId} style={{ marginTop: 0 }}>
            Remove {confirming.name} from {group.name}?
          </h3>
          <p>
            {confirming.name} will no longer be told of{' '}
            {group.kind === 'partner' ? 'this group’s new tickets' : 'escalations'} or see its
            queue. Their login stays; you can add them to a group again later.
          </p>
          <ErrorBanner message={remove.error?.message} />
          <div className="actions">
            <button
              type="button"
              className="primary"
              disabled={remove.isPending}
              onClick={() => void confirm(confirming)}
            >
              {remove.isPending ? 'Removing…' : `Remove ${confirming.name}`}
            </button>
            <button type="button" onClick={() => setConfirming(null)}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
    </>
  );
}

function AddExistingForm({
  group,
  onDone,
}: {
  group: Group;
  onDone: (message: string | null) => void;
}) {
  const refresh = useRefresh();
  const add = api.organisation.addGroupMember.useMutation();
  const [userId, setUserId] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const id = `group-${group.id}-existing`;
  const label = `Add existing ${agentNoun(group)}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    onDone(null);
    try {
      const r = await add.mutateAsync({ teamId: group.id, userId: Number(userId) });
      setUserId('');
      setErrors({});
      onDone(`${r.name} is now in ${r.teamName}.`);
      await refresh();
    } catch (err) {
      setErrors(serverFieldErrors(err));
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={`${label} to ${group.name}`}>
      <ErrorBanner
        message={add.error && !Object.keys(errors).length ? add.error.message : undefined}
      />
      <Field id={id} label={label} error={errors.userId}>
        <select
          id={id}
          value={userId}
          onChange={(e) => setUserId(e.target.value)}
          disabled={group.candidates.length === 0}
        >
          <option value="">
            {group.candidates.length === 0
              ? `No other ${agentNoun(group)}s`
              : `Choose a ${agentNoun(group)}…`}
          </option>
          {group.candidates.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} ({c.email})
            </option>
          ))}
        </select>
      </Field>
      <div className="actions">
        <button type="submit" disabled={add.isPending || userId === ''}>
          {add.isPending ? 'Adding…' : 'Add to group'}
        </button>
      </div>
    </form>
  );
}

const blank = { name: '', email: '', password: '' };

function NewMemberForm({
  group,
  onDone,
}: {
  group: Group;
  onDone: (message: string | null) => void;
}) {
  const refresh = useRefresh();
  const create = api.organisation.createGroupMember.useMutation();
  const [form, setForm] = useState(blank);
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = (k: keyof typeof blank) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [k]: e.target.value }));
  const id = (field: string) => `group-${group.id}-new-${field}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    onDone(null);
    try {
      const r = await create.mutateAsync({ teamId: group.id, ...form });
      setForm(blank);
      setErrors({});
      onDone(`${r.name} can sign in as ${r.email} and is in ${r.teamName}.`);
      await refresh();
    } catch (err) {
      setErrors(serverFieldErrors(err));
    }
  }

  return (
    <form
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={`New ${agentNoun(group)} in ${group.name}`}
    >
      <h4 style={{ margin: 0 }}>New {agentNoun(group)}</h4>
      <ErrorBanner
        message={create.error && !Object.keys(errors).length ? create.error.message : undefined}
      />
      <Field id={id('name')} label="Name" error={errors.name}>
        <input id={id('name')} value={form.name} onChange={set('name')} />
      </Field>
      <Field id={id('email')} label="E-mail" error={errors.email}>
        <input id={id('email')} type="email" value={form.email} onChange={set('email')} />
      </Field>
      <Field
        id={id('password')}
        label="Initial password"
        hint="At least 8 characters"
        error={errors.password}
      >
        <input
          id={id('password')}
          type="password"
          value={form.password}
          onChange={set('password')}
        />
      </Field>
      <div className="actions">
        <button type="submit" className="primary" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : `Create ${agentNoun(group)}`}
        </button>
      </div>
    </form>
  );
}
